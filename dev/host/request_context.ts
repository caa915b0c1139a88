/**
 * The request handler context OSD builds per request. `asCurrentUser` is a child of the one opensearch-js
 * client carrying the caller's `authorization` (and the security plugin's `securitytenant`) header, as OSD's
 * scoped client does with its default `opensearch.requestHeadersWhitelist`; `asInternalUser` is the host's
 * own identity. Saved objects go as the current user when the host scopes them (OSD's scoped repository:
 * with the security plugin, the `securitytenant` header then decides the tenant index); advanced settings go
 * through the host's client.
 */
import { Client } from '@opensearch-project/opensearch';
import type { OpenSearchClient, RequestHandlerContext } from '../../server/osd_port';
import type { HostSavedObjectsClient } from './saved_objects/saved_objects_client';
import type { HostUiSettingsClient } from './ui_settings/ui_settings_client';

export const FORWARDED_HEADERS = ['authorization', 'securitytenant'] as const;

/** opensearch-js's Client satisfies the port structurally; its generic signature is only wider. */
export function asPortClient(client: Client): OpenSearchClient {
  return client as unknown as OpenSearchClient;
}

/** What the context needs of a request: its headers (hapi's request, or a node IncomingMessage). */
export interface IncomingHeaders {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The security plugin's names for the two built-in tenants, as the Dashboards side of it resolves them before
 * forwarding (tenant_resolver.ts): Global is '', Private is '__user__'; any other tenant goes as named.
 */
export function resolveTenantHeader(value: string): string {
  const lower = value.toLowerCase();
  if (lower === 'global' || lower === 'global_tenant') return '';
  if (lower === 'private') return '__user__';
  return value;
}

export function scopedHeaders(req: IncomingHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') {
      headers[name] = name === 'securitytenant' ? resolveTenantHeader(value) : value;
    }
  }
  return headers;
}

export interface ContextDeps {
  internal: Client;
  /**
   * The client asCurrentUser derives from when `internal` carries the host's own credentials: one without
   * any, so a request without `authorization` reaches OpenSearch anonymous (a 401 on a secured cluster)
   * instead of borrowing the host's identity. Defaults to `internal`.
   */
  currentUserBase?: Client;
  savedObjects: HostSavedObjectsClient;
  uiSettings: HostUiSettingsClient;
  /** A saved-objects client over the request's scoped client; without it, `savedObjects` serves everyone. */
  scopedSavedObjects?: (currentUser: OpenSearchClient) => HostSavedObjectsClient;
}

export function createRequestContext(
  req: IncomingHeaders,
  deps: ContextDeps
): RequestHandlerContext {
  let currentUser: OpenSearchClient | undefined;
  let savedObjects: HostSavedObjectsClient | undefined;
  const asCurrentUser = () =>
    (currentUser ??= asPortClient(
      (deps.currentUserBase ?? deps.internal).child({ headers: scopedHeaders(req) })
    ));
  return {
    core: {
      opensearch: {
        client: {
          get asCurrentUser() {
            return asCurrentUser();
          },
          asInternalUser: asPortClient(deps.internal),
        },
      },
      savedObjects: {
        get client() {
          savedObjects ??= deps.scopedSavedObjects?.(asCurrentUser()) ?? deps.savedObjects;
          return savedObjects;
        },
      },
      uiSettings: { client: deps.uiSettings },
    },
  };
}

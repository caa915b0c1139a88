/**
 * The request handler context OSD builds per request. `asCurrentUser` is a child of the one opensearch-js
 * client carrying the caller's `authorization` (and the security plugin's `securitytenant`) header, as OSD's
 * scoped client does with its default `opensearch.requestHeadersWhitelist`; `asInternalUser` is the host's
 * own identity. Saved objects and advanced settings go through the internal user, as in OSD.
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

export function scopedHeaders(req: IncomingHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

export interface ContextDeps {
  internal: Client;
  savedObjects: HostSavedObjectsClient;
  uiSettings: HostUiSettingsClient;
}

export function createRequestContext(
  req: IncomingHeaders,
  deps: ContextDeps
): RequestHandlerContext {
  let currentUser: OpenSearchClient | undefined;
  return {
    core: {
      opensearch: {
        client: {
          get asCurrentUser() {
            currentUser ??= asPortClient(deps.internal.child({ headers: scopedHeaders(req) }));
            return currentUser;
          },
          asInternalUser: asPortClient(deps.internal),
        },
      },
      savedObjects: { client: deps.savedObjects },
      uiSettings: { client: deps.uiSettings },
    },
  };
}

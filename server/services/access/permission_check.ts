/**
 * Asking the security plugin whether the current user may make a request, without making it: from 3.2 the
 * plugin answers any REST request carrying `perform_permission_check=true` with `{accessAllowed,
 * missingPrivileges}` instead of executing it.
 *
 * Safe by construction: support is proven first with a read (`GET _cluster/health`), and only then are
 * write-shaped requests sent. Where the plugin is older or absent, OpenSearch and Elasticsearch reject the
 * unknown parameter with a 400 before anything runs, and the read shows it without a single write-shaped probe.
 */
import type { OpenSearchClient, TransportRequestParams } from '../../osd_port';

export const PERMISSION_CHECK_PARAM = 'perform_permission_check';

export interface PermissionAnswer {
  allowed: boolean;
  missing: string[];
}

interface CheckResponse {
  accessAllowed?: unknown;
  missingPrivileges?: unknown;
}

const TIMEOUT_MS = 10_000;

function answerOf(body: CheckResponse | undefined): PermissionAnswer | undefined {
  if (typeof body?.accessAllowed !== 'boolean') return undefined;
  const missing = Array.isArray(body.missingPrivileges)
    ? body.missingPrivileges.filter((p): p is string => typeof p === 'string')
    : [];
  return { allowed: body.accessAllowed, missing };
}

async function ask(
  client: OpenSearchClient,
  request: TransportRequestParams
): Promise<PermissionAnswer | undefined> {
  const { body } = await client.transport.request<CheckResponse>(
    { ...request, querystring: { ...request.querystring, [PERMISSION_CHECK_PARAM]: true } },
    { ignore: [400, 401, 403, 404], requestTimeout: TIMEOUT_MS, maxRetries: 0 }
  );
  return answerOf(body);
}

export interface PermissionChecker {
  /** The plugin's answer for one request (not executed); undefined if it gave none. */
  check(request: TransportRequestParams): Promise<PermissionAnswer | undefined>;
}

/**
 * A checker for this cluster and user, or undefined when the cluster does not answer permission checks. The
 * only way to send a write-shaped probe is through the checker, which exists only once a read proved support.
 */
export async function openPermissionChecker(
  client: OpenSearchClient
): Promise<PermissionChecker | undefined> {
  const supported = (await ask(client, { method: 'GET', path: '/_cluster/health' })) !== undefined;
  return supported ? { check: (request) => ask(client, request) } : undefined;
}

/**
 * Who the current user is to the security plugin (fine-grained access control), from its `authinfo`, which
 * every authenticated user may read: the user, the roles, and the Dashboards tenants with write (true) or read
 * (false) access. A cluster without the plugin has no such endpoint; there nobody's rights are checked per user
 * (on AWS the domain's access policy still decides who may reach it).
 */
import type { OpenSearchClient } from '../../osd_port';
import { readUpstreamError } from '../../upstream_errors';

export type SecurityIdentity =
  | { kind: 'none' }
  | {
      kind: 'user';
      user: string;
      roles: string[];
      /** The answer itself: the tenants (name -> writable) and the `securitytenant` the call carried. */
      authInfo: AuthInfo;
    }
  | { kind: 'unknown'; reason: string; error: unknown };

/** The fields of the security plugin's `authinfo` we read. */
export interface AuthInfo {
  user_name?: string;
  roles?: string[];
  tenants?: Record<string, boolean>;
  user_requested_tenant?: string | null;
}

const TIMEOUT_MS = 10_000;

/** The security plugin's path on OpenSearch, and the Open Distro one Elasticsearch 7.x domains on AWS use. */
export function authInfoPath(distribution: 'opensearch' | 'elasticsearch'): string {
  return distribution === 'opensearch'
    ? '/_plugins/_security/authinfo'
    : '/_opendistro/_security/authinfo';
}

export async function readSecurityIdentity(
  client: OpenSearchClient,
  distribution: 'opensearch' | 'elasticsearch'
): Promise<SecurityIdentity> {
  try {
    const { body, statusCode } = await client.transport.request<AuthInfo>(
      { method: 'GET', path: authInfoPath(distribution) },
      // No plugin: no handler for the path (400 on OpenSearch and Elasticsearch, 404 or 405 on some versions).
      { ignore: [400, 404, 405], requestTimeout: TIMEOUT_MS, maxRetries: 0 }
    );
    if (
      statusCode === 400 ||
      statusCode === 404 ||
      statusCode === 405 ||
      typeof body?.user_name !== 'string'
    ) {
      return { kind: 'none' };
    }
    return {
      kind: 'user',
      user: body.user_name,
      roles: body.roles ?? [],
      authInfo: body,
    };
  } catch (error) {
    return { kind: 'unknown', reason: readUpstreamError(error).reason, error };
  }
}

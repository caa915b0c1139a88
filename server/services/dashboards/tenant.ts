/**
 * Which tenant the caller's saved objects go to. With the security plugin's multi-tenancy, Dashboards resolves
 * the tenant (query, header, cookie, preferences) and sends it to OpenSearch as the `securitytenant` header of
 * every call it makes as the user; the security plugin then maps the saved-objects index to that tenant's.
 * OpenSearch's `authinfo`, asked as the user, echoes the tenant the call carried and the tenants the user may
 * use, so one request says where an install will land. No security plugin: one shared saved-objects index.
 */
import type { TenantInfo } from '../../../common/saved_objects/install_types';
import { tenantLabel } from '../../../common/saved_objects/install_types';
import type { OpenSearchClient } from '../../osd_port';
import { readSecurityIdentity, type AuthInfo } from '../access/security_identity';

const NO_TENANTS: TenantInfo = { multitenancy: false, label: tenantLabel(undefined) };

export function tenantFromAuthInfo(info: AuthInfo): TenantInfo {
  const tenants = info.tenants ?? {};
  if (Object.keys(tenants).length === 0) return NO_TENANTS;
  const username = info.user_name;
  // No tenant on the call: the security plugin leaves the shared index alone, which is the Global tenant.
  const tenant = info.user_requested_tenant ?? '';
  const writable = Object.entries(tenants)
    .filter(([, rw]) => rw)
    .map(([name]) =>
      name === username
        ? tenantLabel('__user__', username)
        : name === 'global_tenant'
          ? 'Global'
          : name
    );
  return { multitenancy: true, tenant, label: tenantLabel(tenant, username), writable, username };
}

/** The tenant of calls made with `client` (the request's asCurrentUser client). */
export async function readTenant(client: OpenSearchClient): Promise<TenantInfo> {
  const identity = await readSecurityIdentity(client, 'opensearch');
  if (identity.kind === 'unknown') throw identity.error;
  return identity.kind === 'none' ? NO_TENANTS : tenantFromAuthInfo(identity.authInfo);
}

/**
 * The shipped dashboards over core.http: their state in a tenant and the install. `tenant` is sent as the
 * security plugin's `securitytenant` header, which Dashboards honours per request: 'global' installs into the
 * Global tenant whatever the user's current one; undefined leaves the user's current tenant.
 */
import {
  DASHBOARDS_API_PATHS,
  type DashboardsStatus,
  type InstallRequest,
  type InstallResult,
} from '../../common/saved_objects/install_types';
import type { HttpSetup } from '../osd_port';

export type TenantChoice = 'current' | 'global';

export interface DashboardsApi {
  status(tenant: TenantChoice, signal?: AbortSignal): Promise<DashboardsStatus>;
  install(
    request: InstallRequest,
    tenant: TenantChoice,
    signal?: AbortSignal
  ): Promise<InstallResult>;
}

const headers = (tenant: TenantChoice): Record<string, string> | undefined =>
  tenant === 'global' ? { securitytenant: 'global' } : undefined;

export function createDashboardsApi(http: HttpSetup): DashboardsApi {
  return {
    status: (tenant, signal) =>
      http.get<DashboardsStatus>(DASHBOARDS_API_PATHS.status, { headers: headers(tenant), signal }),
    install: (request, tenant, signal) =>
      http.post<InstallResult>(DASHBOARDS_API_PATHS.install, {
        body: JSON.stringify(request),
        headers: headers(tenant),
        signal,
      }),
  };
}

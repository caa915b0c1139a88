/**
 * The section's data: the status in the chosen tenant (reloaded when the choice changes) and the install,
 * which reloads the status when it is done so the rows show where things stand now.
 */
import { useCallback, useState } from 'react';
import type { InstallRequest, InstallResult } from '../../../../common/saved_objects/install_types';
import type { DashboardsApi, TenantChoice } from '../../../api/dashboards';
import { useFetch, useLoad } from '../../../hooks/use_fetch';

export function useDashboards(api: DashboardsApi) {
  const [tenant, setTenant] = useState<TenantChoice>('current');
  const status = useLoad((signal) => api.status(tenant, signal), [api, tenant]);
  const { reload } = status;
  const install = useFetch(
    (signal: AbortSignal, request: InstallRequest): Promise<InstallResult> =>
      api.install(request, tenant, signal),
    { onDone: reload }
  );
  const chooseTenant = useCallback((t: TenantChoice) => setTenant(t), []);
  return { tenant, chooseTenant, status, install };
}

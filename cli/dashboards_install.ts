/**
 * The shipped dashboards installed from the command line, through Dashboards' own HTTP API: the same install
 * service as the app, over a store that reads with the saved-objects API and writes with `_import`
 * (multipart `file`, `overwrite=true`, osd-xsrf), so it works on a Dashboards without our plugin (Amazon
 * OpenSearch Service). There the install record cannot be kept (our type is unknown): an object that differs
 * from the shipped one then counts as edited and is only replaced when asked.
 *
 * Tenants: --tenant goes as the `securitytenant` header on every call (cli/transport_dashboards.ts); without
 * it Dashboards picks the user's default, often Private. Which one is said before anything is written, and
 * every written object is read back through the same tenant afterwards.
 */
import { randomBytes } from 'node:crypto';
import { NDJSON_FILE_NAME, toNdjson } from '../common/saved_objects/ndjson';
import {
  tenantLabel,
  type InstallResult,
  type ObjectRef,
  type TenantInfo,
} from '../common/saved_objects/install_types';
import type { ExportedObject } from '../common/saved_objects/types';
import { UpstreamError } from '../server/errors';
import {
  dashboardsStatus,
  installDashboards,
  type DashboardsDeps,
  type DashboardsStore,
} from '../server/services/dashboards';
import { readEach, readRecordWith, writeRecordWith } from '../server/services/dashboards/store';
import { readUpstreamError } from '../server/upstream_errors';
import { dashboardsSavedObjects, type DashboardsHttp } from './dashboards_client';
import type { CliIo } from './io';
import { confirm } from './prompt';

interface ImportResponse {
  success: boolean;
  successCount: number;
  errors?: Array<{ type: string; id: string; error: { type: string; message?: string } }>;
}

/** The ndjson as a multipart/form-data body with one `file` part, the way the import page uploads it. */
export function multipartFile(ndjson: string): { text: string; contentType: string } {
  const boundary = `----pinpoint${randomBytes(12).toString('hex')}`;
  const text = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${NDJSON_FILE_NAME}"`,
    'Content-Type: application/ndjson',
    '',
    ndjson,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { text, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function importObjects(
  http: DashboardsHttp,
  objects: ExportedObject[]
): Promise<void> {
  const response = await http.request<ImportResponse>('POST', '/api/saved_objects/_import', {
    query: { overwrite: true },
    raw: multipartFile(toNdjson(objects)),
  });
  if (!response.success) {
    const errors = (response.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.type}/${e.id}: ${e.error.type}`);
    throw new UpstreamError(
      `Dashboards' _import wrote nothing: ${errors.join('; ')}${(response.errors?.length ?? 0) > 5 ? ' …' : ''}`
    );
  }
}

export function importStore(http: DashboardsHttp): DashboardsStore {
  const savedObjects = dashboardsSavedObjects(http);
  return {
    read: (refs) => readEach(savedObjects, refs),
    async write(objects, record) {
      if (objects.length > 0) await importObjects(http, objects);
      // Our own type is not importable: the record goes through the saved-objects API.
      if (record) await writeRecordWith(savedObjects, record);
    },
    readRecord: () => readRecordWith(savedObjects),
  };
}

interface AccountInfo {
  data?: {
    user_name?: string;
    user_requested_tenant?: string | null;
    tenants?: Record<string, boolean>;
  };
}

/**
 * The tenant as the security plugin's Dashboards side resolved it for this very request (its account API
 * answers with the tenant the request carried after resolution). No security plugin: no such route.
 */
export async function dashboardsTenant(http: DashboardsHttp, flag?: string): Promise<TenantInfo> {
  try {
    const account = await http.request<AccountInfo>('GET', '/api/v1/configuration/account');
    const data = account?.data ?? {};
    const tenant = data.user_requested_tenant ?? flag;
    return {
      multitenancy: true,
      tenant,
      label: tenant === undefined ? 'your default tenant' : tenantLabel(tenant, data.user_name),
      username: data.user_name,
    };
  } catch (error) {
    const f = readUpstreamError(error);
    if (f.status !== 404) throw error;
    // No security plugin in Dashboards: --tenant still goes along (a proxy or the cluster may honour it).
    return flag !== undefined
      ? { multitenancy: true, tenant: flag, label: tenantLabel(flag) }
      : { multitenancy: false, label: tenantLabel(undefined) };
  }
}

export interface CliInstallOptions {
  yes?: boolean;
  json?: boolean;
  replaceEdited?: boolean;
  pluginVersion: string;
}

/**
 * Says where the objects go, asks (unless --yes), asks again for each edited object (or takes
 * --replace-edited), installs, and reports what landed where. Returns the result, or undefined when the user
 * said no.
 */
export async function installDashboardsFromCli(
  http: DashboardsHttp,
  tenantFlag: string | undefined,
  io: CliIo,
  options: CliInstallOptions
): Promise<InstallResult | undefined> {
  const tenant = await dashboardsTenant(http, tenantFlag);
  const deps: DashboardsDeps = {
    store: importStore(http),
    tenant: async () => tenant,
    pluginVersion: options.pluginVersion,
  };
  const status = await dashboardsStatus(deps);
  const { missing, outdated, edited, current } = status.counts;
  if (!options.json) {
    io.err(
      `dashboards: ${status.objects.length} saved objects for tenant ${tenant.label}${tenantFlag === undefined && tenant.multitenancy ? ' (no --tenant: Dashboards picks the default, often Private; pass --tenant global to share)' : ''}: ${current} current, ${missing} missing, ${outdated} to update, ${edited} edited\n`
    );
  }
  if (missing + outdated + edited === 0) {
    return installDashboards(deps);
  }
  if (!(await confirm(`Install the Pinpoint dashboards into ${tenant.label}?`, options.yes))) {
    io.err('dashboards: nothing written\n');
    return undefined;
  }
  const replaceEdited: ObjectRef[] = [];
  for (const o of status.objects.filter((s) => s.state === 'edited')) {
    const replace = options.replaceEdited
      ? true
      : options.yes
        ? false
        : await confirm(
            `${o.title} (${o.type}) ${o.detail}. Replace it with the shipped version?`,
            false
          );
    if (replace) replaceEdited.push({ type: o.type, id: o.id });
  }
  return installDashboards(deps, { replaceEdited });
}

export function formatInstallResult(result: InstallResult): string {
  const lines = result.outcomes
    .filter((o) => o.action !== 'unchanged')
    .map(
      (o) =>
        `${o.action.padEnd(9)} ${o.type} ${o.title}${o.action === 'kept' ? `: ${o.detail}` : ''}`
    );
  lines.push(result.summary);
  if (result.verified.expected > 0) {
    lines.push(
      `read back from ${result.tenant.label}: ${result.verified.found} of ${result.verified.expected} written objects found`
    );
  }
  return `${lines.join('\n')}\n`;
}

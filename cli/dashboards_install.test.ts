/**
 * The CLI's install against a stand-in Dashboards *without* our plugin (Amazon OpenSearch Service): our record
 * type is unknown there (400 Unsupported saved object type), so the install writes through `_import` only, as
 * one multipart `file` part with overwrite=true and osd-xsrf, never tries to write a record, and the tenant is
 * the --tenant given (the security plugin's account API is absent: 404).
 */
import { describe, expect, it } from '@jest/globals';
import { INSTALL_RECORD_TYPE } from '../common/saved_objects/install_types';
import { DashboardsHttp } from './dashboards_client';
import { dashboardsTenant, importStore, installDashboardsFromCli } from './dashboards_install';
import type { DashboardsWireRequest } from './transport_dashboards';

function standIn() {
  const stored = new Map<string, unknown>();
  const requests: DashboardsWireRequest[] = [];
  const send = async (req: DashboardsWireRequest) => {
    requests.push(req);
    const reply = (status: number, body: unknown) => ({
      status,
      statusText: String(status),
      text: JSON.stringify(body),
    });
    const m = /^\/api\/saved_objects\/([^/]+)\/([^/]+)$/.exec(req.url.pathname);
    if (m && decodeURIComponent(m[1]) === INSTALL_RECORD_TYPE) {
      return reply(400, {
        message: `Unsupported saved object type: '${INSTALL_RECORD_TYPE}': Bad Request`,
      });
    }
    if (m && req.method === 'GET') {
      const o = stored.get(`${m[1]}:${m[2]}`);
      return o ? reply(200, o) : reply(404, { message: 'Not Found' });
    }
    if (req.url.pathname === '/api/saved_objects/_import') {
      const lines = (req.body ?? '').split('\r\n\r\n')[1].split('\r\n--')[0].split('\n');
      const objects = lines
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l))
        .filter((o) => o.exportedCount === undefined);
      for (const o of objects) stored.set(`${o.type}:${o.id}`, o);
      return reply(200, { success: true, successCount: objects.length });
    }
    return reply(404, { message: 'Not Found' });
  };
  return { http: new DashboardsHttp(new URL('http://127.0.0.1:1'), send), requests, stored };
}

describe('the CLI install on a Dashboards without the plugin', () => {
  it('installs through one multipart _import, writes no record, and a second run changes nothing', async () => {
    const { http, requests, stored } = standIn();
    const io = { out: () => undefined, err: () => undefined };
    const options = { yes: true, pluginVersion: 'test' };
    const first = await installDashboardsFromCli(http, 'global', io, options);
    expect(first?.changed).toBe(true);
    expect(first?.tenant.label).toBe('Global');
    expect(first?.verified).toEqual({ expected: stored.size, found: stored.size });
    const imports = requests.filter((r) => r.url.pathname === '/api/saved_objects/_import');
    expect(imports).toHaveLength(1);
    expect(imports[0].url.searchParams.get('overwrite')).toBe('true');
    expect(imports[0].headers['osd-xsrf']).toBe('true');
    expect(imports[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(imports[0].body).toMatch(/name="file"; filename="pinpoint-dashboards\.ndjson"/);
    expect(
      requests.some((r) => r.method !== 'GET' && r.url.pathname.includes(INSTALL_RECORD_TYPE))
    ).toBe(false);
    const second = await installDashboardsFromCli(http, 'global', io, options);
    expect(second?.changed).toBe(false);
  });

  it('reports the record as unsupported and the tenant as the flag says', async () => {
    const { http } = standIn();
    expect(await importStore(http).readRecord()).toBe('unsupported');
    expect(await dashboardsTenant(http, 'global')).toMatchObject({
      multitenancy: true,
      label: 'Global',
    });
    expect(await dashboardsTenant(http)).toMatchObject({ multitenancy: false });
  });
});

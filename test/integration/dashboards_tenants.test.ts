/**
 * Tenants for real: OpenSearch with the security plugin in-process (SECURE_URL, multi-tenancy on), the
 * development host forwarding the caller's credentials and `securitytenant` header like Dashboards, the
 * saved-objects index `.kibana` that the security plugin maps to each tenant's own index.
 * - The status names the tenant an install goes to: Private (admin) or Global, before anything is written.
 * - An install into Private lands in the user's private tenant index and nowhere else; Global is chosen with
 *   one header and lands in the shared index; each is read back through its own tenant.
 * - A user with read-only access to Global sees the state but gets a 403 naming the tenant on install, and a
 *   user with no access a 403 on the status, never a 500.
 * - The CLI with --tenant global finds everything already installed there.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { main } from '../../cli/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INSTALL_RECORD_ID,
  INSTALL_RECORD_TYPE,
  type DashboardsStatus,
  type InstallResult,
} from '../../common/saved_objects/install_types';
import { NDJSON_FILE_NAME } from '../../common/saved_objects/ndjson';
import { parseNdjson } from '../../dev/host/saved_objects/import_objects';
import { basicAuth, secureUsersFromEnv } from '../../scripts/lib/engines';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';

const SECURE_URL = process.env.SECURE_URL;
if (!SECURE_URL) {
  throw new Error('SECURE_URL is not set: run this test through `npm test` (scripts/test.sh)');
}
const users = secureUsersFromEnv();
const withUser = (url: string, user: { username: string; password: string }) => {
  const u = new URL(url);
  u.username = user.username;
  u.password = user.password;
  return u.toString().replace(/\/$/, '');
};
const admin = basicAuth(users.admin);
let host: TestDevHost;

async function call<T>(
  method: string,
  path: string,
  options: { auth?: string; tenant?: string; body?: unknown } = {}
) {
  const res = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      'osd-xsrf': 'true',
      authorization: options.auth ?? admin,
      ...(options.tenant !== undefined && { securitytenant: options.tenant }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
const status = (tenant?: string, auth?: string) =>
  call<DashboardsStatus>('GET', '/api/pinpoint/dashboards', { tenant, auth });
const install = (tenant?: string, auth?: string) =>
  call<InstallResult>('POST', '/api/pinpoint/dashboards/install', { tenant, auth, body: {} });

/** Which indices hold the Campaign overview dashboard, asked of OpenSearch directly as admin. */
async function indicesHolding(id: string): Promise<string[]> {
  const res = await fetch(`${SECURE_URL}/.kibana*/_search?expand_wildcards=all`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      size: 20,
      query: { ids: { values: [`dashboard:${id}`] } },
      _source: false,
    }),
  });
  const body = (await res.json()) as { hits: { hits: Array<{ _index: string }> } };
  return body.hits.hits.map((h) => h._index).sort();
}

/** Our objects (and record) in every tenant index, by id: `_id` takes no prefix queries. */
async function cleanup(): Promise<void> {
  const ids = [
    ...parseNdjson(
      readFileSync(join(__dirname, '..', '..', 'common', 'saved_objects', NDJSON_FILE_NAME), 'utf8')
    ).map((o) => `${o.type}:${o.id}`),
    `${INSTALL_RECORD_TYPE}:${INSTALL_RECORD_ID}`,
  ];
  const res = await fetch(
    `${SECURE_URL}/.kibana*/_delete_by_query?expand_wildcards=all&refresh=true`,
    {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: { ids: { values: ids } } }),
    }
  );
  if (!res.ok && res.status !== 404) throw new Error(`cleanup: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  await cleanup();
  host = await startTestDevHost('dashboards-tenants', {
    opensearchUrl: withUser(SECURE_URL, users.kibanaserver),
    // The index the security plugin maps per tenant (kibana.index in its config).
    savedObjectsIndex: '.kibana',
  });
});

afterAll(async () => {
  await host?.stop();
  await cleanup();
});

describe('tenants with the security plugin', () => {
  const ID = 'pinpoint-campaign-overview';

  it('says which tenant an install goes to before anything is written', async () => {
    const privateStatus = await status('private');
    expect(privateStatus.status).toBe(200);
    expect(privateStatus.body.tenant).toMatchObject({
      multitenancy: true,
      tenant: '__user__',
      label: 'Private (admin)',
    });
    expect(privateStatus.body.tenant.writable).toEqual(
      expect.arrayContaining(['Global', 'Private (admin)', 'analytics'])
    );
    expect(privateStatus.body.counts.missing).toBe(privateStatus.body.objects.length);
    expect((await status('global')).body.tenant).toMatchObject({ tenant: '', label: 'Global' });
  });

  it('installs into Private: the objects land in the private tenant index only', async () => {
    const result = await install('private');
    expect(result.status).toBe(200);
    expect(result.body.tenant.label).toBe('Private (admin)');
    expect(result.body.verified.found).toBe(result.body.verified.expected);
    expect((await status('private')).body.counts.current).toBe(result.body.outcomes.length);
    expect((await status('global')).body.counts.missing).toBe(result.body.outcomes.length);
    const where = await indicesHolding(ID);
    expect(where).toHaveLength(1);
    expect(where[0]).toMatch(/^\.kibana_-?\d+_admin/);
  });

  it('installs into Global when the user picks it: the shared index gets its own copy', async () => {
    const result = await install('global');
    expect(result.body.tenant.label).toBe('Global');
    expect(result.body.changed).toBe(true);
    expect((await status('global')).body.counts.current).toBe(result.body.outcomes.length);
    const where = await indicesHolding(ID);
    expect(where).toHaveLength(2);
    expect(where.some((i) => /^\.kibana_1$/.test(i))).toBe(true);
    expect((await install('global')).body.changed).toBe(false);
  });

  it('a read-only user sees the state in Global but gets a clear 403 on install', async () => {
    const reader = basicAuth(users.reader);
    const seen = await status('global', reader);
    expect(seen.status).toBe(200);
    expect(seen.body.counts.current).toBeGreaterThan(0);
    // Something for the install to write: one visualization gone from Global.
    const gone = await call('DELETE', '/api/saved_objects/visualization/pinpoint-latest-arrival', {
      tenant: 'global',
    });
    expect(gone.status).toBe(200);
    const refused = await call<{ message: string }>('POST', '/api/pinpoint/dashboards/install', {
      tenant: 'global',
      auth: reader,
      body: {},
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(
      /^installing the Pinpoint dashboards in Global: the current user may not write saved objects there \(/
    );
    expect(
      (await install('global')).body.outcomes.filter((o) => o.action === 'created')
    ).toHaveLength(1);
  });

  it('a user with no access gets a 403 with the reason, not a 500', async () => {
    const none = await status('global', basicAuth(users.noaccess));
    expect(none.status).toBe(403);
    expect((none.body as unknown as { message: string }).message).toMatch(
      /^reading the Pinpoint dashboards.*may not read saved objects there/
    );
  });

  it('the CLI with --tenant global finds everything installed there', async () => {
    let out = '';
    let err = '';
    process.env.OPENSEARCH_PASSWORD = users.admin.password;
    const code = await main(
      [
        'setup',
        '--opensearch',
        SECURE_URL,
        '--user',
        users.admin.username,
        '--no-template',
        '--dashboards',
        host.url,
        '--tenant',
        'global',
        '--yes',
      ],
      { out: (s) => void (out += s), err: (s) => void (err += s) }
    );
    delete process.env.OPENSEARCH_PASSWORD;
    expect({ code, err }).toEqual({ code: 0, err: expect.stringMatching(/tenant Global/) });
    expect(out).toMatch(/Nothing to change in Global/);
  });
});

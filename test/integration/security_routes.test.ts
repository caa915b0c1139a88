/**
 * Security for real: the plugin's routes in the development host on OpenSearch 2.19 with the security plugin
 * (SECURE_URL, scripts/lib/engines.ts). The host's own identity is kibanaserver, as OSD's; every route runs
 * as the caller, whose `authorization` header the host forwards like Dashboards does:
 *
 * - no credentials: 401 (log in again), never the host's identity;
 * - noaccess (no role): 403 naming the permission the security plugin refused, in the message and as
 *   `attributes.permission`;
 * - reader (read-only): the report works and finds the problems; apply and repair are a 403 naming the
 *   permission, and nothing is written (no template, no job, no write block);
 * - admin: apply installs, the report passes;
 * - whoever calls, no route answers a 5xx.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import { API_PATHS } from '../../common/constants';
import { templateName } from '../../common/template';
import { basicAuth, secureUsersFromEnv, type SecureUserName } from '../../scripts/lib/engines';
import { clientAs, engineUrl } from '../engines/support/engines_under_test';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';
import { cleanupPrefix, loadBeforeTemplate, pastDay } from '../support/repair_fixtures';

const users = secureUsersFromEnv();
const admin = clientAs('admin');
const prefix = `pinpoint_t_sec_${Date.now().toString(36)}`;
let host: TestDevHost;
let index: string;

interface ErrorBody {
  statusCode: number;
  message: string;
  attributes?: { permission?: string };
}

async function call(
  user: SecureUserName | undefined,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      ...(user ? { authorization: basicAuth(users[user]) } : {}),
      ...(method === 'GET' ? {} : { 'osd-xsrf': 'true' }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function exists(path: string): Promise<boolean> {
  const res = await admin.transport.request({ method: 'HEAD', path }, { ignore: [404] });
  return res.statusCode === 200;
}

beforeAll(async () => {
  [index] = await loadBeforeTemplate(admin, prefix, [pastDay(3)], 200);
  host = await startTestDevHost('security', {
    opensearchUrl: engineUrl('secure'),
    opensearchAuth: users.kibanaserver,
  });
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await cleanupPrefix(admin, prefix);
});

describe('routes as the calling user (OpenSearch with the security plugin)', () => {
  it('without credentials: 401, never the host identity', async () => {
    for (const [method, path, body] of [
      ['GET', `${API_PATHS.report}?prefix=${prefix}`, undefined],
      ['POST', API_PATHS.apply, { prefix, template: true }],
      ['GET', `${API_PATHS.repairCandidates}?prefix=${prefix}`, undefined],
    ] as const) {
      const res = await call(undefined, method, path, body);
      assert.equal(res.status, 401, `${method} ${path}: ${JSON.stringify(res.body)}`);
      assert.match((res.body as ErrorBody).message, /log in again/);
    }
    assert.equal(await exists(`/_index_template/${templateName(prefix)}`), false);
  });

  it('a user without any index permission: 403 naming the permission', async () => {
    const res = await call('noaccess', 'GET', `${API_PATHS.report}?prefix=${prefix}`);
    assert.equal(res.status, 403, JSON.stringify(res.body));
    const body = res.body as ErrorBody;
    assert.match(body.message, /no permissions for \[[a-z:/_*]+\]/);
    assert.ok(body.attributes?.permission, `permission attribute: ${JSON.stringify(body)}`);
    const candidates = await call(
      'noaccess',
      'GET',
      `${API_PATHS.repairCandidates}?prefix=${prefix}`
    );
    assert.equal(candidates.status, 403, JSON.stringify(candidates.body));
  });

  it('the read-only user gets the whole report', async () => {
    const res = await call('reader', 'GET', `${API_PATHS.report}?prefix=${prefix}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as { status: string; checks: Array<{ id: string; status: string }> };
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    assert.equal(status.template, 'fail');
    assert.equal(status['indices.timestamps'], 'fail');
    const candidates = await call(
      'reader',
      'GET',
      `${API_PATHS.repairCandidates}?prefix=${prefix}`
    );
    assert.equal(candidates.status, 200);
    assert.deepEqual(
      (candidates.body as { candidates: Array<{ index: string }> }).candidates.map((c) => c.index),
      [index]
    );
  });

  it('the read-only user: apply is a 403 naming the permission, and writes nothing', async () => {
    const res = await call('reader', 'POST', API_PATHS.apply, { prefix, template: true });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    const body = res.body as ErrorBody;
    assert.equal(body.attributes?.permission, 'indices:admin/index_template/put');
    assert.match(body.message, /_index_template\//);
    assert.equal(await exists(`/_index_template/${templateName(prefix)}`), false);
  });

  it('the read-only user: repair is a 403 naming the permission; the index is untouched', async () => {
    const res = await call('reader', 'POST', API_PATHS.repair, { index, prefix });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.ok((res.body as ErrorBody).attributes?.permission, JSON.stringify(res.body));
    const { body } = await admin.transport.request<
      Record<string, { settings: { index: { blocks?: { write?: string } } } }>
    >({ method: 'GET', path: `/${index}/_settings` });
    assert.equal(body[index].settings.index.blocks?.write, undefined, 'no write block left');
    assert.equal(await exists(`/${index}-repaired`), false);
  });

  it('the admin: apply installs the template and the report passes it', async () => {
    const res = await call('admin', 'POST', API_PATHS.apply, { prefix, template: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(await exists(`/_index_template/${templateName(prefix)}`), true);
    const report = await call('admin', 'GET', `${API_PATHS.report}?prefix=${prefix}`);
    const checks = (report.body as { checks: Array<{ id: string; status: string }> }).checks;
    assert.equal(checks.find((c) => c.id === 'template')?.status, 'pass');
  });

  it('whoever calls, no route answers a 5xx', async () => {
    const range = 'from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z';
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `${API_PATHS.report}?prefix=${prefix}`],
      ['POST', API_PATHS.apply, { prefix, template: true, indexPattern: true }],
      ['GET', API_PATHS.repair],
      ['GET', `${API_PATHS.repairCandidates}?prefix=${prefix}`],
      ['GET', `${CAMPAIGN_API_PATHS.campaigns}?prefix=${prefix}&${range}`],
      ['GET', API_PATHS.wiringSettings],
    ];
    const answers: string[] = [];
    for (const user of [undefined, 'noaccess', 'reader', 'admin'] as const) {
      for (const [method, path, body] of routes) {
        const res = await call(user, method, path, body);
        answers.push(`${user ?? 'anonymous'} ${method} ${path.split('?')[0]} ${res.status}`);
        assert.ok(res.status < 500, `${answers.at(-1)}: ${JSON.stringify(res.body)}`);
      }
    }
  });
});

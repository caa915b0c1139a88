/**
 * The security plugin's permission check (3.2+), on the secure3 engine (OpenSearch 3.4.0 + security 3.4.0.0):
 * any REST request with `?perform_permission_check=true` is evaluated against the caller's privileges and NOT
 * executed; the answer is 200 `{"accessAllowed": bool, "missingPrivileges": [action, ...]}`. The index report
 * uses it to tell a read-only user which fixes need more rights. Shapes seen here (and relied on):
 *
 *   reader  PUT  /_index_template/<n>   -> {accessAllowed:false, missingPrivileges:['indices:admin/index_template/put']}
 *   reader  PUT  /<index>               -> false, ['indices:admin/create']
 *   reader  POST /_aliases              -> false, ['indices:admin/aliases']
 *   reader  PUT  /.kibana/_doc/<id>     -> Global tenant (securitytenant ''): false, ['indices:data/write/index'];
 *                                          Private (securitytenant '__user__'): true, []
 *   reader  GET  /_cluster/health       -> true, []          noaccess -> false, ['cluster:monitor/health']
 *   admin   all of the above            -> true, []
 *   POST /_reindex (and _update_by_query): a 500 class_cast_exception (PermissionCheckResponse cannot be cast
 *     to BulkByScrollResponse: the plugin's answer reaches the reindex REST handler), nothing executed; with
 *     wait_for_completion=false the answer is a task: GET /_tasks/<id> -> {completed:true, response:{...}}
 *     (reader: false, ['indices:data/write/reindex']). That async form stores a task result (.tasks index).
 *
 * On every other engine (OpenSearch 2.19 with or without security 2.19.4.0, OpenSearch 3.4 without the
 * plugin, Elasticsearch 7.10) the parameter is a 400 `contains unrecognized parameter:
 * [perform_permission_check]`, and nothing is executed either.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  ENGINES,
  ENGINE_NAMES,
  secureUsersFromEnv,
  type SecureUserName,
} from '../../scripts/lib/engines';
import { engineUnderTest, engineUrl, enginePrefix } from './support/engines_under_test';

interface PermissionCheck {
  accessAllowed: boolean;
  missingPrivileges: string[];
}

const CHECK = 'perform_permission_check=true';

async function request<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { user?: SecureUserName; body?: unknown; tenant?: string } = {}
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (options.user) {
    const { username, password } = secureUsersFromEnv()[options.user];
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  if (options.tenant !== undefined) headers.securitytenant = options.tenant;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // plain text, e.g. 401 "Unauthorized"
  }
  return { status: res.status, body: body as T };
}

const withCheck = (path: string) => `${path}${path.includes('?') ? '&' : '?'}${CHECK}`;

describe('perform_permission_check on OpenSearch 3.4.0 with the security plugin 3.4.0.0', () => {
  const url = engineUrl('secure3');
  const prefix = enginePrefix('perm', 'secure3');
  const template = `${prefix}_tpl`;
  const source = `${prefix}-x`;
  const repaired = `${prefix}-x-repaired`;
  const alias = `${prefix}-alias`;
  const savedObjectId = `index-pattern:${prefix}`;

  const as = (user: SecureUserName | undefined) => ({
    check: (method: string, path: string, body?: unknown, tenant?: string) =>
      request<PermissionCheck>(url, method, withCheck(path), { user, body, tenant }),
  });

  async function expectCheck(
    result: Promise<{ status: number; body: PermissionCheck }>,
    accessAllowed: boolean,
    missingPrivileges: string[] = []
  ): Promise<void> {
    const { status, body } = await result;
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body, { accessAllowed, missingPrivileges });
  }

  const adminGet = (path: string, tenant?: string) =>
    request(url, 'GET', path, { user: 'admin', tenant });

  beforeAll(async () => {
    const created = await request(url, 'PUT', `/${source}/_doc/1?refresh=true`, {
      user: 'admin',
      body: { arrival_timestamp: 1.7e12 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
  afterAll(async () => {
    await request(url, 'DELETE', `/${prefix}*`, { user: 'admin' });
  });

  it('PUT _index_template: reader is missing indices:admin/index_template/put, admin is allowed; nothing is written', async () => {
    const body = {
      index_patterns: [`${prefix}-*`],
      template: { settings: { number_of_replicas: 0 } },
    };
    await expectCheck(as('reader').check('PUT', `/_index_template/${template}`, body), false, [
      'indices:admin/index_template/put',
    ]);
    await expectCheck(as('admin').check('PUT', `/_index_template/${template}`, body), true);
    assert.equal((await adminGet(`/_index_template/${template}`)).status, 404);
  });

  it('GET _cluster/health: allowed for reader and admin, not for a user without a role', async () => {
    await expectCheck(as('reader').check('GET', '/_cluster/health'), true);
    await expectCheck(as('admin').check('GET', '/_cluster/health'), true);
    await expectCheck(as('noaccess').check('GET', '/_cluster/health'), false, [
      'cluster:monitor/health',
    ]);
    const anonymous = await as(undefined).check('GET', '/_cluster/health');
    assert.equal(anonymous.status, 401, 'no credentials: authentication still comes first');
  });

  it('index writes: create index and _aliases need privileges reader lacks; nothing is created', async () => {
    await expectCheck(as('reader').check('PUT', `/${repaired}`), false, ['indices:admin/create']);
    await expectCheck(as('admin').check('PUT', `/${repaired}`), true);
    const actions = { actions: [{ add: { index: source, alias } }] };
    await expectCheck(as('reader').check('POST', '/_aliases', actions), false, [
      'indices:admin/aliases',
    ]);
    await expectCheck(as('admin').check('POST', '/_aliases', actions), true);
    assert.equal((await adminGet(`/${repaired}`)).status, 404, 'index not created');
    assert.equal((await adminGet(`/_alias/${alias}`)).status, 404, 'alias not added');
  });

  it('_reindex: 500 class_cast_exception when waited for, the answer as a task otherwise; nothing copied', async () => {
    const body = { source: { index: source }, dest: { index: repaired } };
    for (const user of ['reader', 'admin'] as const) {
      const waited = await as(user).check('POST', '/_reindex', body);
      assert.equal(waited.status, 500, JSON.stringify(waited.body));
      assert.match(JSON.stringify(waited.body), /class_cast_exception.*PermissionCheckResponse/);
    }
    const answers: Record<string, unknown> = {};
    for (const user of ['reader', 'admin'] as const) {
      const started = await request<{ task: string }>(
        url,
        'POST',
        withCheck('/_reindex?wait_for_completion=false'),
        { user, body }
      );
      assert.equal(started.status, 200, JSON.stringify(started.body));
      let task: { completed?: boolean; response?: PermissionCheck } = {};
      for (let i = 0; i < 50 && !task.completed; i++) {
        const res = await request<typeof task>(url, 'GET', `/_tasks/${started.body.task}`, {
          user,
        });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        task = res.body;
        if (!task.completed) await new Promise((r) => setTimeout(r, 100));
      }
      answers[user] = task.response;
    }
    assert.deepEqual(answers, {
      reader: { accessAllowed: false, missingPrivileges: ['indices:data/write/reindex'] },
      admin: { accessAllowed: true, missingPrivileges: [] },
    });
    assert.equal((await adminGet(`/${repaired}`)).status, 404, 'nothing reindexed');
  });

  it('.kibana writes: reader may not write the Global tenant, may write its Private one; nothing is written', async () => {
    const doc = { type: 'index-pattern', 'index-pattern': { title: `${prefix}*` } };
    const path = `/.kibana/_doc/${savedObjectId}`;
    await expectCheck(as('reader').check('PUT', path, doc, ''), false, [
      'indices:data/write/index',
    ]);
    await expectCheck(as('reader').check('PUT', path, doc, '__user__'), true);
    await expectCheck(as('admin').check('PUT', path, doc, ''), true);
    await expectCheck(as('admin').check('PUT', path, doc, '__user__'), true);
    assert.equal((await adminGet(path, '')).status, 404, 'not in Global');
    const privateDoc = await request(url, 'GET', path, { user: 'reader', tenant: '__user__' });
    assert.equal(privateDoc.status, 404, "not in reader's Private tenant");
  });
});

describe.each(
  ENGINE_NAMES.filter((name) => name !== 'secure3').map(
    (name) => [ENGINES[name].label, name] as const
  )
)('perform_permission_check on %s: an unrecognized parameter', (_label, name) => {
  const engine = engineUnderTest(name);
  const template = `${enginePrefix('perm', name)}_tpl`;

  it('is a 400 and nothing is executed', async () => {
    const put = await engine.http<{ status: number; error: { reason: string } }>(
      'PUT',
      `/_index_template/${template}?${CHECK}`,
      { index_patterns: [`${template}-*`], template: { settings: { number_of_replicas: 0 } } }
    );
    assert.equal(put.status, 400, JSON.stringify(put.body));
    assert.match(
      put.body.error.reason,
      /contains unrecognized parameter: \[perform_permission_check\]/
    );
    const health = await engine.http('GET', `/_cluster/health?${CHECK}`);
    assert.equal(health.status, 400);
    assert.equal((await engine.http('GET', `/_index_template/${template}`)).status, 404);
  });
});

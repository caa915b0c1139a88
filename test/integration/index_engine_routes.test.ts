/**
 * The report and apply routes through a router with OSD's validation and response semantics, on the real
 * OpenSearch node: bad input is a 400 that says what to fix, a changed template is a 409 with the diff, every
 * OpenSearch call runs as the current user, and a second apply reports no change.
 */
import { findCheck } from '../../common/check';
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { API_PATHS } from '../../common/constants';
import type { ApplyResult, ValidationReport } from '../../common/report';
import { buildIndexTemplate, templateName } from '../../common/template';
import type { Logger, RequestHandlerContext } from '../../server/osd_port';
import { registerRoutes } from '../../server/routes';
import { countingClient, forbiddenClient, uniquePrefix } from '../support/counting_client';
import { FakeRouter } from '../support/fake_router';
import { FakeSavedObjects, FakeUiSettings } from '../support/fake_saved_objects';
import { cleanupPrefix, seedBeforeTemplate } from '../support/index_engine_fixtures';

const client = countingClient();
const prefix = uniquePrefix('routes');
const errors: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (m) => errors.push(String(m)),
};
const router = new FakeRouter();
registerRoutes(router, { logger, pluginVersion: 'test' });
const savedObjects = new FakeSavedObjects();
const context: RequestHandlerContext = {
  core: {
    opensearch: { client: { asCurrentUser: client, asInternalUser: forbiddenClient } },
    savedObjects: { client: savedObjects },
    uiSettings: { client: new FakeUiSettings() },
  },
};

const report = (query: Record<string, unknown>) =>
  router.call('get', API_PATHS.report, context, { query });
const apply = (body: unknown) => router.call('post', API_PATHS.apply, context, { body });

describe('index engine routes', () => {
  beforeAll(async () => {
    await cleanupPrefix(client, prefix);
    await seedBeforeTemplate(client, prefix, { days: 2, perDay: 40 });
  });
  afterAll(async () => {
    await cleanupPrefix(client, prefix);
  });

  it('refuses bad input with a 400 that says what to fix, before touching OpenSearch', async () => {
    client.reset();
    const cases: Array<[Promise<{ status: number; body: unknown }>, RegExp]> = [
      [report({ prefix: 'Pinpoint' }), /must be lowercase; use "pinpoint"/],
      [report({ prefix: 'pin*' }), /must not contain "\*"/],
      [report({ prefix: '_pin' }), /must not start with/],
      [report({ prefix: 'a'.repeat(250) }), /bytes/],
      [report({ prefix, extra: '1' }), /unknown option "extra"/],
      [apply({ prefix, template: 'yes' }), /"template" must be true or false/],
      [
        apply({ prefix, force: true }),
        /unknown option "force"; allowed: prefix, template, overwrite, indexPattern, makeDefault/,
      ],
      [apply({ prefix: 'a b' }), /must not contain space/],
      [apply({ prefix, template: false }), /nothing to do/],
      [apply([1, 2]), /must be a JSON object/],
    ];
    for (const [call, message] of cases) {
      const res = await call;
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match((res.body as { message: string }).message, message);
    }
    assert.equal(client.requests.length, 0);
  });

  it('answers the report as the current user', async () => {
    const res = await report({ prefix });
    assert.equal(res.status, 200);
    const body = res.body as ValidationReport;
    assert.equal(body.prefix, prefix);
    assert.equal(body.status, 'fail');
    assert.equal(findCheck(body.checks, 'indices.timestamps')?.evidence.badCount, 2);
    assert.ok(client.requests.length > 0);
  });

  it('applies, then a second apply changes nothing', async () => {
    const first = await apply({ prefix, indexPattern: true, makeDefault: true });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal((first.body as ApplyResult).changed, true);
    const second = await apply({ prefix, indexPattern: true, makeDefault: true });
    assert.equal(second.status, 200);
    assert.deepEqual(
      (second.body as ApplyResult).steps.map((s) => s.action),
      ['unchanged', 'unchanged', 'unchanged']
    );
    assert.equal((second.body as ApplyResult).changed, false);
  });

  it('answers 409 with the field-level diff for a template someone changed, and never overwrites it', async () => {
    const edited = buildIndexTemplate(prefix);
    edited.priority += 1;
    await client.transport.request({
      method: 'PUT',
      path: `/_index_template/${templateName(prefix)}`,
      body: edited,
    });
    const res = await apply({ prefix });
    assert.equal(res.status, 409);
    const body = res.body as { message: string; attributes: { diff: unknown[]; state: string } };
    assert.match(body.message, /overwrite/);
    assert.deepEqual(body.attributes.diff, [
      { path: 'priority', ours: String(edited.priority - 1), installed: String(edited.priority) },
    ]);
    const overwritten = await apply({ prefix, overwrite: true });
    assert.equal(overwritten.status, 200);
    assert.equal((overwritten.body as ApplyResult).steps[0].action, 'updated');
  });

  it('maps a permission error from OpenSearch to 403 with a message', async () => {
    const denied: RequestHandlerContext = {
      ...context,
      core: {
        ...context.core,
        opensearch: {
          client: {
            asInternalUser: forbiddenClient,
            asCurrentUser: {
              transport: {
                request: (async () => {
                  throw Object.assign(new Error('security_exception'), {
                    meta: {
                      statusCode: 403,
                      body: {
                        error: {
                          type: 'security_exception',
                          reason: 'no permissions for [indices:admin/mappings/get]',
                        },
                      },
                    },
                  });
                }) as typeof client.transport.request,
              },
            },
          },
        },
      },
    };
    const res = await router.call('get', API_PATHS.report, denied, { query: { prefix } });
    assert.equal(res.status, 403);
    assert.match((res.body as { message: string }).message, /not allowed.*no permissions/);
    assert.deepEqual(errors, []);
  });
});

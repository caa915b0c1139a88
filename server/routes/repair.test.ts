import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { API_PATHS } from '../../common/constants';
import type { OpenSearchClient, RequestHandlerContext, TransportRequestParams } from '../osd_port';
import { FakeRouter } from '../../test/support/fake_router';
import { registerRepairRoutes } from './repair';

const logger = { debug() {}, info() {}, warn() {}, error() {} };

function setup(answer: (params: TransportRequestParams) => unknown) {
  const requests: TransportRequestParams[] = [];
  const client: OpenSearchClient = {
    transport: {
      request: (async (params: TransportRequestParams) => {
        requests.push(params);
        return answer(params);
      }) as OpenSearchClient['transport']['request'],
    },
  };
  const context = {
    core: { opensearch: { client: { asCurrentUser: client, asInternalUser: client } } },
  } as unknown as RequestHandlerContext;
  const router = new FakeRouter();
  registerRepairRoutes(router, logger);
  return { router, context, requests };
}

test('registers the repair routes', () => {
  const { router } = setup(() => ({}));
  assert.deepEqual(
    router.paths().sort(),
    [
      `GET ${API_PATHS.repairCandidates}`,
      `GET ${API_PATHS.repairIndex}`,
      `GET ${API_PATHS.repair}`,
      `POST ${API_PATHS.repair}`,
    ].sort()
  );
});

test('bad input is a 400 with a message, and OpenSearch is never asked', async () => {
  const { router, context, requests } = setup(() => ({}));
  const cases: Array<
    [Parameters<FakeRouter['call']>[0], string, Parameters<FakeRouter['call']>[3], RegExp]
  > = [
    ['post', API_PATHS.repair, { body: { index: 'Pinpoint' } }, /lowercase/],
    ['post', API_PATHS.repair, { body: { index: 'a/b' } }, /must not contain "\/"/],
    ['post', API_PATHS.repair, { body: { index: 'x', extra: 1 } }, /unknown option "extra"/],
    ['post', API_PATHS.repair, { body: 'pinpoint' }, /JSON object/],
    ['get', API_PATHS.repairIndex, { params: { index: '*' } }, /must not contain "\*"/],
    ['get', API_PATHS.repair, { query: { all: 'true' } }, /takes no parameters/],
    [
      'get',
      API_PATHS.repairCandidates,
      { query: { prefix: '.hidden' } },
      /must not start with "."/,
    ],
  ];
  for (const [method, path, parts, message] of cases) {
    const res = await router.call(method, path, context, parts);
    assert.equal(res.status, 400, `${method} ${path} ${JSON.stringify(parts)}`);
    assert.match((res.body as { message: string }).message, message);
  }
  assert.equal(requests.length, 0);
});

test('OpenSearch refusing the current user is a 403, not a 500', async () => {
  const { router, context } = setup(() => {
    throw Object.assign(new Error('security_exception'), {
      meta: {
        statusCode: 403,
        body: { error: { type: 'security_exception', reason: 'no permissions' } },
      },
    });
  });
  const res = await router.call('get', API_PATHS.repairIndex, context, {
    params: { index: 'pinpoint-2020-05-18' },
  });
  assert.equal(res.status, 403);
  assert.match((res.body as { message: string }).message, /not allowed/);
});

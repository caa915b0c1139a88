/**
 * The wiring routes through a router with OSD's validation semantics: bad input is a 400 naming the field and
 * AWS is never called; a report is a 200 even when checks fail; the cluster is read as the current user; the
 * settings round-trip through the saved-objects client; nothing in a response carries a credential.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { GetEventStreamCommand, NotFoundException } from '@aws-sdk/client-pinpoint';
import { API_PATHS } from '../../common/constants';
import {
  SETTINGS_SAVED_OBJECT_TYPE,
  WIRING_SETTINGS_ID,
  type WiringReport,
} from '../../common/wiring_types';
import { AwsClientFactory } from '../aws/client_factory';
import type { RequestHandlerContext, SavedObjectsClientContract } from '../osd_port';
import { FakeRouter } from '../../test/support/fake_router';
import { FakeSavedObjects } from '../../test/support/fake_saved_objects';
import { forbiddenClient } from '../../test/support/counting_client';
import {
  APP_ID,
  capturingLogger,
  createMocks,
  fakeCluster,
  healthy,
  MOCK_CREDENTIALS,
  type Mocks,
  REGION,
} from '../../test/support/wiring_mocks';
import { registerWiringRoutes } from './wiring';

function setup(savedObjects: SavedObjectsClientContract = new FakeSavedObjects()) {
  const logger = capturingLogger();
  const cluster = fakeCluster();
  const aws = new AwsClientFactory({ credentials: async () => MOCK_CREDENTIALS });
  const router = new FakeRouter();
  registerWiringRoutes(router, logger, aws);
  const context = {
    core: {
      opensearch: { client: { asCurrentUser: cluster, asInternalUser: forbiddenClient } },
      savedObjects: { client: savedObjects },
    },
  } as unknown as RequestHandlerContext;
  return { router, context, logger, cluster, aws };
}

describe('wiring routes', () => {
  let m: Mocks;
  beforeAll(() => {
    m = createMocks();
  });
  beforeEach(() => healthy(m));

  it('registers POST wiring and GET/PUT settings', () => {
    assert.deepEqual(
      setup().router.paths().sort(),
      [
        `GET ${API_PATHS.wiringSettings}`,
        `POST ${API_PATHS.wiring}`,
        `PUT ${API_PATHS.wiringSettings}`,
      ].sort()
    );
  });

  it('refuses bad input with 400 and a reason, without calling AWS', async () => {
    const { router, context } = setup();
    const cases: Array<[unknown, RegExp]> = [
      [{ region: 'Ireland', appIds: [APP_ID] }, /not an AWS region code/],
      [{ region: REGION, appIds: ['ABC'] }, /32 lowercase hexadecimal/],
      [{ region: REGION, appIds: [APP_ID.toUpperCase()] }, /must be lowercase/],
      [{ region: REGION, appIds: [] }, /at least one Pinpoint application id/],
      [{ region: REGION, appIds: [APP_ID], roleArn: 'arn:aws:iam::1:role/x' }, /roleArn/],
      [
        {
          region: REGION,
          appIds: [APP_ID],
          firehoseStream: 'arn:aws:sqs:eu-west-1:111122223333:q',
        },
        /not a Firehose delivery stream ARN/,
      ],
      [{ region: REGION, appIds: [APP_ID], domain: 'My Domain' }, /3-28 characters/],
      [{ region: REGION, appIds: [APP_ID], credentials: 'x' }, /unknown option "credentials"/],
    ];
    for (const [body, reason] of cases) {
      const res = await router.call('post', API_PATHS.wiring, context, { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match((res.body as { message: string }).message, reason);
    }
    assert.equal(m.sts.calls().length + m.pinpoint.calls().length, 0);
  });

  it('answers a failing pipeline with 200 and the report, read as the current user', async () => {
    m.pinpoint
      .on(GetEventStreamCommand)
      .rejects(
        new NotFoundException({ message: 'Resource not found', $metadata: { httpStatusCode: 404 } })
      );
    const { router, context, cluster, logger } = setup();
    const res = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID] },
    });
    assert.equal(res.status, 200);
    const report = res.body as WiringReport;
    assert.equal(report.status, 'fail');
    assert.equal(report.hops.length, 7);
    assert.ok(
      cluster.requests.some((r) => r.path === '/'),
      'the cluster was not read as the current user'
    );
    const text = JSON.stringify(res.body) + logger.lines.join('\n');
    for (const secret of Object.values(MOCK_CREDENTIALS)) assert.ok(!text.includes(secret));
  });

  it('remembers the inputs: GET is null at first, PUT saves them in one pinpoint-settings object, GET returns them', async () => {
    const savedObjects = new FakeSavedObjects();
    const { router, context } = setup(savedObjects);
    assert.deepEqual((await router.call('get', API_PATHS.wiringSettings, context)).body, {
      settings: null,
    });
    const settings = { region: REGION, appIds: [APP_ID], firehoseStream: 'pinpoint-events' };
    const put = await router.call('put', API_PATHS.wiringSettings, context, { body: settings });
    assert.equal(put.status, 200);
    await router.call('put', API_PATHS.wiringSettings, context, { body: settings });
    assert.deepEqual(
      [...savedObjects.store.keys()],
      [`${SETTINGS_SAVED_OBJECT_TYPE}:${WIRING_SETTINGS_ID}`]
    );
    assert.deepEqual((await router.call('get', API_PATHS.wiringSettings, context)).body, {
      settings,
    });
    const bad = await router.call('put', API_PATHS.wiringSettings, context, {
      body: { region: 'x', appIds: [] },
    });
    assert.equal(bad.status, 400);
    assert.equal(
      (await router.call('get', API_PATHS.wiringSettings, context, { query: { id: 'other' } }))
        .status,
      400
    );
  });

  it('a user who may not write saved objects gets 403, not 500', async () => {
    const savedObjects = new FakeSavedObjects();
    savedObjects.create = async () => {
      throw Object.assign(new Error('Forbidden'), { isBoom: true, output: { statusCode: 403 } });
    };
    const { router, context } = setup(savedObjects);
    const res = await router.call('put', API_PATHS.wiringSettings, context, {
      body: { region: REGION, appIds: [] },
    });
    assert.equal(res.status, 403);
  });
});

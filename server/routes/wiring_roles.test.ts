/**
 * Bug 7: assuming a role is an administrator's decision. Before, the route assumed whatever roleArn a
 * Dashboards user sent (another account's OrganizationAccountAccessRole included) with the server's
 * credentials. Now only roles listed in pinpoint.wiring.assumableRoleArns are assumed; anything else is a 403
 * saying which key to set, before any AWS call. A Firehose stream given as an ARN keeps its region and account.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { API_PATHS } from '../../common/constants';
import type { WiringReport } from '../../common/wiring_types';
import { AwsClientFactory } from '../aws/client_factory';
import { buildConfigDescriptor, DEFAULT_PINPOINT_CONFIG, type PinpointConfig } from '../config';
import type { RequestHandlerContext } from '../osd_port';
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

const FOREIGN_ROLE = 'arn:aws:iam::999988887777:role/OrganizationAccountAccessRole';
const ALLOWED_ROLE = 'arn:aws:iam::111122223333:role/PinpointWiringCheck';

function setup(config: PinpointConfig) {
  const router = new FakeRouter();
  const aws = new AwsClientFactory({ credentials: async () => MOCK_CREDENTIALS });
  const roles: Array<string | undefined> = [];
  const source = {
    forRegion(region: string, roleArn?: string) {
      roles.push(roleArn);
      return aws.forRegion(region, undefined);
    },
  };
  registerWiringRoutes(router, capturingLogger(), source, () => config);
  const context = {
    core: {
      opensearch: { client: { asCurrentUser: fakeCluster(), asInternalUser: forbiddenClient } },
      savedObjects: { client: new FakeSavedObjects() },
    },
  } as unknown as RequestHandlerContext;
  return { router, context, roles };
}

describe('the wiring route assumes only roles an administrator allowed', () => {
  let m: Mocks;
  beforeAll(() => {
    m = createMocks();
  });
  beforeEach(() => healthy(m));

  it('refuses any role by default with 403 naming the setting, before any AWS call', async () => {
    const { router, context, roles } = setup(DEFAULT_PINPOINT_CONFIG);
    const res = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID], roleArn: FOREIGN_ROLE },
    });
    assert.equal(res.status, 403);
    assert.match((res.body as { message: string }).message, /pinpoint\.wiring\.assumableRoleArns/);
    assert.deepEqual(roles, []);
    assert.equal(m.sts.calls().length, 0);
    const save = await router.call('put', API_PATHS.wiringSettings, context, {
      body: { region: REGION, appIds: [APP_ID], roleArn: FOREIGN_ROLE },
    });
    assert.equal(save.status, 403);
  });

  it('refuses a role that is not on the list, and assumes one that is', async () => {
    const { router, context, roles } = setup({
      wiring: { assumableRoleArns: [ALLOWED_ROLE] },
    });
    const refused = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID], roleArn: FOREIGN_ROLE },
    });
    assert.equal(refused.status, 403);
    assert.match((refused.body as { message: string }).message, new RegExp(ALLOWED_ROLE));
    const ok = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID], roleArn: ALLOWED_ROLE },
    });
    assert.equal(ok.status, 200);
    assert.ok(roles.length > 0 && roles.every((r) => r === ALLOWED_ROLE));
  });

  it('without a role, the check runs as the server (nothing to allow)', async () => {
    const { router, context, roles } = setup(DEFAULT_PINPOINT_CONFIG);
    const res = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID] },
    });
    assert.equal(res.status, 200);
    assert.ok(roles.every((r) => r === undefined));
  });

  it('keeps a Firehose stream ARN as given (region and account), never cut to its name', async () => {
    const { router, context } = setup(DEFAULT_PINPOINT_CONFIG);
    const arn = 'arn:aws:firehose:eu-central-1:999988887777:deliverystream/pinpoint-events';
    const res = await router.call('post', API_PATHS.wiring, context, {
      body: { region: REGION, appIds: [APP_ID], firehoseStream: arn },
    });
    assert.equal(res.status, 200);
    assert.equal((res.body as WiringReport).request.firehoseStream, arn);
    const partition = await router.call('post', API_PATHS.wiring, context, {
      body: {
        region: REGION,
        appIds: [APP_ID],
        firehoseStream: 'arn:aws-cn:firehose:cn-north-1:999988887777:deliverystream/x',
      },
    });
    assert.equal(partition.status, 400);
    assert.match((partition.body as { message: string }).message, /partition/);
  });

  it('the config schema (inside Dashboards) validates the listed ARNs and defaults to none', () => {
    const seen: Record<string, unknown> = {};
    const fakeSchema = {
      object: (props: Record<string, unknown>) => ({ kind: 'object', props }),
      arrayOf: (item: unknown, options?: Record<string, unknown>) => {
        seen.defaultValue = options?.defaultValue;
        return { kind: 'array', item };
      },
      string: (options?: { validate?: (value: string) => string | void }) => {
        seen.validate = options?.validate;
        return { kind: 'string' };
      },
    };
    assert.ok(buildConfigDescriptor({ schema: fakeSchema }));
    assert.deepEqual(seen.defaultValue, []);
    const validate = seen.validate as (v: string) => string | undefined;
    assert.equal(validate(ALLOWED_ROLE), undefined);
    assert.match(String(validate('arn:aws:s3:::bucket')), /role/);
    assert.equal(buildConfigDescriptor(undefined), undefined);
  });
});

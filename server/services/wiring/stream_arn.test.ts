/**
 * Bug 7, the stream half: a Firehose stream given as an ARN is used as given or refused, never cut to its name.
 * Before, `arn:aws:firehose:<other region>:<other account>:deliverystream/x` was reduced to `x` and the
 * same-named stream of the caller's account in the request's region was checked instead.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import {
  ACCOUNT,
  baseRequest,
  createMocks,
  findCheck,
  healthy,
  type Mocks,
  runMocked,
  STREAM,
} from '../../../test/support/wiring_mocks';

describe('a Firehose stream given as an ARN', () => {
  let m: Mocks;
  beforeAll(() => {
    m = createMocks();
  });
  beforeEach(() => healthy(m));

  it('of another account: not checked as a same-named stream of the caller; says whose credentials to use', async () => {
    const arn = `arn:aws:firehose:eu-west-1:999988887777:deliverystream/${STREAM}`;
    const report = await runMocked(baseRequest({ appIds: [], firehoseStream: arn }));
    const exists = findCheck(report, 'firehose.exists');
    assert.equal(exists.status, 'unknown');
    assert.match(exists.message, /account 999988887777.*account 111122223333/);
    assert.match(exists.remedy?.text ?? '', /credentials of account 999988887777/);
    assert.equal(m.firehose.commandCalls(DescribeDeliveryStreamCommand).length, 0);
    assert.equal(report.hops.find((h) => h.id === 'delivery_access')?.status, 'skipped');
  });

  it('in another region of the same account: described in the ARN’s region, by its name', async () => {
    const arn = `arn:aws:firehose:eu-central-1:${ACCOUNT}:deliverystream/${STREAM}`;
    const report = await runMocked(baseRequest({ appIds: [], firehoseStream: arn }));
    assert.equal(findCheck(report, 'firehose.exists').status, 'pass');
    const calls = m.firehose.commandCalls(DescribeDeliveryStreamCommand);
    assert.ok(calls.length > 0);
    assert.equal(calls[0].args[0].input.DeliveryStreamName, STREAM);
    assert.equal(await calls[0].thisValue.config.region(), 'eu-central-1');
  });
});

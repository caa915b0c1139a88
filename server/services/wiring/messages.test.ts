/**
 * Bug 4, the wiring half: messages that mislead. Before, a DNS failure (ENOTFOUND) on Pinpoint was reported
 * as Pinpoint's end of support, and a report whose checks were all unknown read as "wired". Now a DNS failure
 * says which name did not resolve and what to check, and the verdict of an all-unknown report is `unknown`.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { GetEventStreamCommand } from '@aws-sdk/client-pinpoint';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { summarizeWiring, WIRING_VERDICT_WORDS } from '../../../common/wiring_types';
import {
  baseRequest,
  createMocks,
  findCheck,
  healthy,
  type Mocks,
  runMocked,
  sdkError,
} from '../../../test/support/wiring_mocks';

const dns = () =>
  Object.assign(new Error('getaddrinfo ENOTFOUND pinpoint.eu-west-1.amazonaws.com'), {
    code: 'ENOTFOUND',
  });

describe('wiring messages say what happened and what to do', () => {
  let m: Mocks;
  beforeAll(() => {
    m = createMocks();
  });
  beforeEach(() => healthy(m));

  it('a DNS failure on Pinpoint is a DNS failure, not its end of support', async () => {
    m.pinpoint.on(GetEventStreamCommand).rejects(dns());
    const report = await runMocked();
    const exists = findCheck(report, 'event_stream.exists');
    assert.equal(exists.status, 'unknown');
    assert.doesNotMatch(exists.message, /end of support/);
    assert.match(exists.message, /pinpoint\.eu-west-1\.amazonaws\.com does not resolve \(DNS\)/);
    assert.match(exists.remedy?.text ?? '', /DNS and outbound network/);
    // Without the event stream the Firehose stream is not known: the report asks for it.
    const named = findCheck(report, 'firehose.stream_named');
    assert.equal(named.status, 'unknown');
    assert.match(named.remedy?.text ?? '', /--firehose-stream/);
  });

  it('a report of which nothing was confirmed is not "wired"', async () => {
    m.sts.on(GetCallerIdentityCommand).rejects(sdkError('Throttling', 'Rate exceeded', 400));
    m.pinpoint.on(GetEventStreamCommand).rejects(dns());
    m.firehose.on(DescribeDeliveryStreamCommand).rejects(dns());
    const report = await runMocked(baseRequest({ firehoseStream: 'pinpoint-events' }), undefined, {
      callTimeoutMs: 2_000,
    });
    assert.equal(report.counts.pass, 0);
    assert.ok(report.counts.unknown >= 3, JSON.stringify(report.counts));
    assert.equal(report.status, 'unknown');
    assert.match(report.headline, /^Could not find out/);
    assert.doesNotMatch(report.headline, /Wired/);
  });

  it('warnings with nothing confirmed are unknown too; warnings beside passes are "wired, with things to look at"', () => {
    const check = (status: 'pass' | 'warn' | 'unknown') => ({
      id: 'x.y',
      title: 't',
      status,
      message: 'm',
      evidence: {},
    });
    assert.equal(summarizeWiring([check('warn'), check('unknown')]).status, 'unknown');
    const mixed = summarizeWiring([check('warn'), check('pass')]);
    assert.equal(mixed.status, 'warn');
    assert.match(mixed.headline, new RegExp(`^${WIRING_VERDICT_WORDS.warn}`));
  });
});

/**
 * The orchestrator under injected faults: Pinpoint gone (the report never fails for it and the Firehose side
 * stays checkable), AccessDenied, throttling, hangs against the per-call timeout and the overall deadline,
 * NotFound; and the dataflow: hops run in parallel, a named stream does not wait for Pinpoint, a stream shared
 * by several apps is described once. No report or log line carries a credential.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { GetEventStreamCommand } from '@aws-sdk/client-pinpoint';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DescribeDomainCommand } from '@aws-sdk/client-opensearch';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { WiringReport } from '../../../common/wiring_types';
import {
  APP_ID,
  baseRequest,
  capturingLogger,
  createMocks,
  domainStatus,
  eventStream,
  fakeCluster,
  findCheck,
  healthy,
  metrics,
  MOCK_CREDENTIALS,
  type Mocks,
  runMocked,
  sdkError,
  STREAM,
  streamDescription,
} from '../../../test/support/wiring_mocks';

const later = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const never = () => new Promise<never>(() => undefined);

function assertNoCredentials(report: WiringReport, lines: string[] = []): void {
  const text = JSON.stringify(report) + lines.join('\n');
  for (const secret of Object.values(MOCK_CREDENTIALS))
    assert.ok(!text.includes(secret), `a credential leaked: ${secret}`);
}

const PINPOINT_GONE: Array<[string, Error]> = [
  ['410 Gone', sdkError('Error', 'Gone', 410)],
  [
    'an HTML 404 with no Pinpoint error',
    sdkError('Error', 'Deserialization error: <html>Not Found</html>', 404),
  ],
  [
    'an AccessDenied that names the end of support',
    sdkError('AccessDeniedException', 'Amazon Pinpoint has reached end of support', 403),
  ],
];

describe('wiring orchestrator under faults', () => {
  let m: Mocks;
  beforeAll(() => {
    m = createMocks();
  });
  beforeEach(() => healthy(m));

  for (const [what, error] of PINPOINT_GONE) {
    it(`Pinpoint gone (${what}): says so, never fails, and checks the named Firehose stream onwards`, async () => {
      m.pinpoint.on(GetEventStreamCommand).rejects(error);
      const logger = capturingLogger();
      const report = await runMocked(
        baseRequest({ firehoseStream: STREAM }),
        fakeCluster(),
        {},
        logger
      );
      const exists = findCheck(report, 'event_stream.exists');
      assert.equal(exists.status, 'unknown');
      assert.match(exists.message, /end of support on 2026-10-30/);
      assert.equal(report.counts.fail, 0);
      assert.notEqual(report.status, 'fail');
      for (const id of [
        'firehose.domain',
        'failed_records.recent',
        'delivery_access.access_policy',
        'delivery_metrics.flow',
      ]) {
        assert.equal(findCheck(report, id).status, 'pass', id);
      }
      assert.equal(report.hops.find((h) => h.id === 'pinpoint_role')?.status, 'skipped');
      assertNoCredentials(report, logger.lines);
    });
  }

  it('Pinpoint gone and no stream named: asks for the stream, still no fail', async () => {
    m.pinpoint.on(GetEventStreamCommand).rejects(PINPOINT_GONE[0][1]);
    const report = await runMocked();
    assert.equal(findCheck(report, 'firehose.stream_named').status, 'unknown');
    assert.match(findCheck(report, 'firehose.stream_named').remedy?.text ?? '', /firehoseStream/);
    assert.equal(report.counts.fail, 0);
  });

  it('AccessDenied on DescribeDeliveryStream: unknown, tells which permission the checker lacks, later hops skipped', async () => {
    m.firehose
      .on(DescribeDeliveryStreamCommand)
      .rejects(
        sdkError(
          'AccessDeniedException',
          'User is not authorized to perform: firehose:DescribeDeliveryStream',
          400
        )
      );
    const report = await runMocked();
    const exists = findCheck(report, 'firehose.exists');
    assert.equal(exists.status, 'unknown');
    assert.match(exists.remedy?.text ?? '', /firehose:DescribeDeliveryStream/);
    for (const hop of ['failed_records', 'delivery_access', 'delivery_metrics']) {
      assert.equal(report.hops.find((h) => h.id === hop)?.status, 'skipped', hop);
    }
  });

  it('throttled CloudWatch: the metric check is unknown, the flow verdict comes from the cluster', async () => {
    m.cloudwatch
      .on(GetMetricDataCommand)
      .rejects(sdkError('Throttling', 'Rate exceeded', 400, { $retryable: { throttling: true } }));
    const report = await runMocked();
    assert.equal(findCheck(report, 'delivery_metrics.success').status, 'unknown');
    assert.match(findCheck(report, 'delivery_metrics.success').message, /throttling/);
    assert.equal(findCheck(report, 'delivery_metrics.flow').status, 'pass');
  });

  it('a call that hangs ends at its own timeout; the rest of the report is complete', async () => {
    m.s3.on(ListObjectsV2Command).callsFake(never);
    const started = Date.now();
    const report = await runMocked(baseRequest(), fakeCluster(), { callTimeoutMs: 200 });
    assert.ok(Date.now() - started < 2000, 'the hang was not cut short');
    const recent = findCheck(report, 'failed_records.recent');
    assert.equal(recent.status, 'unknown');
    assert.match(recent.message, /no answer in time/);
    assert.equal(report.complete, true);
    assert.equal(findCheck(report, 'delivery_access.access_policy').status, 'pass');
  });

  it('the overall deadline returns what is known, marking unfinished hops', async () => {
    m.firehose.on(DescribeDeliveryStreamCommand).callsFake(never);
    const started = Date.now();
    const report = await runMocked(baseRequest(), fakeCluster(), {
      deadlineMs: 300,
      callTimeoutMs: 10_000,
    });
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    assert.equal(report.complete, false);
    assert.equal(findCheck(report, 'identity.caller').status, 'pass');
    assert.equal(findCheck(report, 'event_stream.exists').status, 'pass');
    for (const hop of ['firehose', 'failed_records', 'delivery_access', 'delivery_metrics']) {
      const h = report.hops.find((x) => x.id === hop);
      assert.equal(h?.finished, false, hop);
      assert.ok(
        h?.checks.some((c) => c.id === `${hop}.deadline` && c.status === 'unknown'),
        hop
      );
    }
  });

  it('cancelling (the browser went away) stops the check', async () => {
    m.firehose.on(DescribeDeliveryStreamCommand).callsFake(never);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const report = await runMocked(baseRequest(), fakeCluster(), { signal: controller.signal });
    assert.equal(report.complete, false);
    assert.match(findCheck(report, 'firehose.deadline').message, /cancelled/);
  });

  it('independent hops run in parallel: wall time is about the longest chain, not the sum', async () => {
    const delay = 80;
    m.sts
      .on(GetCallerIdentityCommand)
      .callsFake(() =>
        later(delay, { Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/x/y' })
      );
    m.firehose
      .on(DescribeDeliveryStreamCommand)
      .callsFake(() => later(delay, { DeliveryStreamDescription: streamDescription() }));
    m.pinpoint
      .on(GetEventStreamCommand)
      .callsFake(() => later(delay, { EventStream: eventStream() }));
    m.s3.on(ListObjectsV2Command).callsFake(() => later(delay, { Contents: [] }));
    m.opensearch
      .on(DescribeDomainCommand)
      .callsFake(() => later(delay, { DomainStatus: domainStatus() }));
    m.cloudwatch.on(GetMetricDataCommand).callsFake(() =>
      later(delay, {
        MetricDataResults: metrics({ incoming: 1, delivered: 1, success: 1, freshness: 60 }),
      })
    );
    const report = await runMocked();
    assert.equal(report.status, 'pass');
    // Longest chain: GetEventStream -> DescribeDeliveryStream -> DescribeDomain/ListObjects/GetMetricData = 3 delays;
    // 6 delayed calls in sequence would take 6.
    assert.ok(report.durationMs < delay * 5, `took ${report.durationMs} ms`);
  });

  it('a named stream is described without waiting for Pinpoint', async () => {
    m.pinpoint
      .on(GetEventStreamCommand)
      .callsFake(() => later(600, { EventStream: eventStream() }));
    const report = await runMocked(baseRequest({ firehoseStream: STREAM }));
    const firehose = report.hops.find((h) => h.id === 'firehose');
    assert.ok((firehose?.durationMs ?? 1e9) < 400, `firehose waited: ${firehose?.durationMs} ms`);
  });

  it('two applications on one stream: the stream is described once, each app is checked', async () => {
    const second = 'fedcba9876543210fedcba9876543210';
    const report = await runMocked(baseRequest({ appIds: [APP_ID, second] }));
    assert.equal(m.firehose.commandCalls(DescribeDeliveryStreamCommand).length, 1);
    assert.equal(findCheck(report, 'event_stream.exists', second).status, 'pass');
    assert.equal(
      findCheck(report, 'pinpoint_role.exists').evidence.applications?.toString(),
      [APP_ID, second].toString()
    );
  });

  it('no credentials: identity fails and everything else is skipped, not a wall of errors', async () => {
    const err = sdkError(
      'CredentialsProviderError',
      'Could not load credentials from any providers',
      0
    );
    for (const mock of Object.values(m)) mock.rejects(err);
    const logger = capturingLogger();
    const report = await runMocked(baseRequest(), fakeCluster(), {}, logger);
    assert.equal(findCheck(report, 'identity.caller').status, 'fail');
    for (const hop of report.hops.slice(1)) assert.equal(hop.status, 'skipped', hop.id);
    assertNoCredentials(report, logger.lines);
  });

  it('IAM simulation refused: hop 3 reads nothing else it may not, and says which permission is missing', async () => {
    m.iam
      .on(SimulatePrincipalPolicyCommand)
      .rejects(
        sdkError('AccessDenied', 'not authorized to perform iam:SimulatePrincipalPolicy', 403)
      );
    m.iam.rejects(sdkError('AccessDenied', 'not authorized', 403));
    const report = await runMocked();
    const perms = findCheck(report, 'pinpoint_role.permissions');
    assert.equal(perms.status, 'unknown');
    assert.equal(perms.evidence.method, 'none');
    assert.match(perms.remedy?.text ?? '', /iam:ListRolePolicies/);
  });
});

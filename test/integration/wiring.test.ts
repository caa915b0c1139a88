/**
 * The wiring check with the real SDK clients against moto, and the real OpenSearch node for the cluster side
 * (newest arrival_timestamp, security API). A correct pipeline passes every check; each break moto can
 * represent is found by the check that owns it. A local node is not an AWS domain, so its GET / is presented
 * as `<account>:<domain>`, the name Amazon OpenSearch Service gives it; every other request reaches the node.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { CheckStatus, WiringReport, WiringRequest } from '../../common/wiring_types';
import { AwsClientFactory, type AwsClientFactoryOptions } from '../../server/aws/client_factory';
import type { OpenSearchClient } from '../../server/osd_port';
import { checkWiring, type WiringOptions } from '../../server/services/wiring/orchestrator';
import { countingClient } from '../support/counting_client';
import { capturingLogger, findCheck } from '../support/wiring_mocks';
import {
  type Breakage,
  buildPipeline as build,
  destroyPipeline,
  DUMMY_CREDENTIALS,
  MOTO_ACCOUNT,
  motoUrl,
  type Pipeline,
  putDeliveryMetrics,
} from '../support/wiring_pipeline';

const REGION = 'eu-west-2';
const node = countingClient();
const moto = motoUrl();
const indices: string[] = [];
const built: Pipeline[] = [];

async function buildPipeline(region: string, breakage: Breakage = 'none'): Promise<Pipeline> {
  const p = await build(region, breakage);
  built.push(p);
  return p;
}

function asDomain(domain: string): OpenSearchClient {
  return {
    transport: {
      request: (async (params, options) => {
        if (params.method === 'GET' && params.path === '/') {
          const { body } = await node.transport.request<{ version: unknown }>(params, options);
          return { statusCode: 200, body: { ...body, cluster_name: `${MOTO_ACCOUNT}:${domain}` } };
        }
        return node.transport.request(params, options);
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

async function indexRecentEvent(p: Pipeline): Promise<void> {
  const now = new Date();
  const index = `${p.indexName}-${now.toISOString().slice(0, 10)}`;
  indices.push(index);
  await node.transport.request({
    method: 'PUT',
    path: `/${index}`,
    body: {
      mappings: { properties: { arrival_timestamp: { type: 'date', format: 'epoch_millis' } } },
    },
  });
  await node.transport.request({
    method: 'POST',
    path: `/${index}/_doc`,
    querystring: { refresh: 'true' },
    body: {
      event_type: '_email.send',
      arrival_timestamp: Date.now() - 20_000,
      application: { app_id: p.appId },
    },
  });
}

async function run(
  p: Pipeline,
  request: Partial<WiringRequest> = {},
  factory: AwsClientFactoryOptions = {},
  options: WiringOptions = {}
): Promise<WiringReport> {
  const aws = new AwsClientFactory({
    endpoint: moto,
    credentials: async () => DUMMY_CREDENTIALS,
    ...factory,
  });
  try {
    return await checkWiring(
      { region: REGION, appIds: [p.appId], ...request },
      { aws, cluster: asDomain(p.domainName), logger: capturingLogger() },
      options
    );
  } finally {
    aws.destroy();
  }
}

const BROKEN: Array<[Breakage, string, CheckStatus]> = [
  ['no_event_stream', 'event_stream.exists', 'fail'],
  ['kinesis_destination', 'event_stream.destination', 'warn'],
  ['pinpoint_role_missing', 'pinpoint_role.exists', 'fail'],
  ['pinpoint_trust_wrong_service', 'pinpoint_role.trust', 'fail'],
  ['pinpoint_trust_wrong_account', 'pinpoint_role.trust', 'fail'],
  ['pinpoint_trust_no_condition', 'pinpoint_role.trust', 'warn'],
  ['pinpoint_role_no_permission', 'pinpoint_role.permissions', 'fail'],
  ['no_stream', 'firehose.exists', 'fail'],
  ['other_domain', 'firehose.domain', 'fail'],
  ['index_name_uncovered', 'firehose.index_name', 'fail'],
  ['no_rotation', 'firehose.rotation', 'warn'],
  ['slow_buffer', 'firehose.buffering', 'warn'],
  ['no_retry', 'firehose.retry', 'warn'],
  ['all_documents_no_prefix', 'firehose.s3_backup', 'warn'],
  ['logging_off', 'firehose.logging', 'warn'],
  ['failed_records', 'failed_records.recent', 'fail'],
  ['failed_records_gzip', 'failed_records.recent', 'fail'],
  ['error_output_prefix', 'failed_records.recent', 'fail'],
  ['bucket_missing', 'failed_records.recent', 'fail'],
  ['firehose_role_missing', 'delivery_access.role_permissions', 'fail'],
  ['firehose_role_no_es', 'delivery_access.role_permissions', 'fail'],
  ['domain_missing', 'delivery_access.domain', 'fail'],
  ['policy_denies', 'delivery_access.access_policy', 'fail'],
];

describe('AWS wiring check against moto (real SDK clients) and the real OpenSearch node', () => {
  let correct: Pipeline;
  let correctReport: WiringReport;

  beforeAll(async () => {
    correct = await buildPipeline(REGION);
    await indexRecentEvent(correct);
    await putDeliveryMetrics(REGION, correct.streamName, {
      incoming: 120,
      delivered: 120,
      success: 1,
      freshness: 65,
    });
    correctReport = await run(correct);
  });
  afterAll(async () => {
    for (const index of indices)
      await node.transport.request({ method: 'DELETE', path: `/${index}` }, { ignore: [404] });
    await Promise.all(built.map(destroyPipeline));
  });

  it('a correct pipeline passes every check, hop by hop', () => {
    const notPassing = correctReport.hops
      .flatMap((h) => h.checks)
      .filter((c) => c.status !== 'pass');
    assert.deepEqual(
      notPassing.map((c) => `${c.id} ${c.status}: ${c.message}`),
      []
    );
    assert.deepEqual(
      correctReport.hops.map((h) => h.id),
      [
        'identity',
        'event_stream',
        'pinpoint_role',
        'firehose',
        'failed_records',
        'delivery_access',
        'delivery_metrics',
      ]
    );
    assert.equal(correctReport.complete, true);
  });

  it('reads the evidence from AWS and the cluster', () => {
    assert.equal(findCheck(correctReport, 'identity.caller').evidence.account, MOTO_ACCOUNT);
    assert.match(
      String(findCheck(correctReport, 'event_stream.exists').evidence.destinationStreamArn),
      new RegExp(`deliverystream/${correct.streamName}$`)
    );
    assert.equal(findCheck(correctReport, 'firehose.rotation').evidence.rotation, 'OneDay');
    // moto cannot simulate IAM policies: the role's own documents were read instead, and the report says so.
    assert.equal(
      findCheck(correctReport, 'pinpoint_role.permissions').evidence.method,
      'policy documents'
    );
    const latest = findCheck(correctReport, 'delivery_metrics.latest_document').evidence;
    assert.ok(Number(latest.ageSeconds) < 120, `newest document ${latest.ageSeconds} s old`);
    assert.equal(
      findCheck(correctReport, 'delivery_metrics.success').evidence.incomingRecords,
      120
    );
  });

  for (const [breakage, check, status] of BROKEN) {
    it(`${breakage}: ${check} is ${status}`, async () => {
      const p = await buildPipeline(REGION, breakage);
      const report = await run(p);
      const found = findCheck(report, check);
      assert.equal(found.status, status, found.message);
      assert.ok(found.remedy?.text, `${check} says how to fix it`);
      assert.equal(report.complete, true);
    });
  }

  it('failed records are decoded and grouped with a sample document each', async () => {
    const p = await buildPipeline(REGION, 'failed_records_gzip');
    const groups = findCheck(await run(p), 'failed_records.recent').evidence.groups as Array<
      Record<string, unknown>
    >;
    assert.deepEqual(
      groups.map((g) => [g.errorCode, g.count, g.kind]),
      [
        ['400', 2, 'mapping'],
        ['403', 1, 'access'],
      ]
    );
    assert.deepEqual(groups[0].sampleDocument, {
      event_type: '_email.send',
      arrival_timestamp: 'yesterday',
    });
  });

  it('fine-grained access control on a cluster without the security API: unknown, with what to check', async () => {
    const p = await buildPipeline(REGION, 'fgac_on');
    const mapping = findCheck(await run(p), 'delivery_access.fgac_mapping');
    assert.equal(mapping.status, 'unknown');
    assert.match(mapping.message, /role mappings/);
    assert.match(mapping.remedy?.command ?? '', /PATCH/);
  });

  it('no events in the last hour: idle, said plainly', async () => {
    const p = await buildPipeline(REGION);
    const flow = findCheck(await run(p), 'delivery_metrics.flow');
    assert.equal(flow.status, 'warn');
    assert.match(flow.message, /^Idle/);
  });

  it('Pinpoint not reachable (connection refused): unknown, said as a network failure (not end of support), never fail, the named stream checked to the end', async () => {
    const report = await run(
      correct,
      { firehoseStream: correct.streamName },
      {
        endpoint: {
          sts: moto,
          firehose: moto,
          iam: moto,
          s3: moto,
          opensearch: moto,
          cloudwatch: moto,
          pinpoint: 'http://127.0.0.1:9',
        },
      }
    );
    const exists = findCheck(report, 'event_stream.exists');
    assert.equal(exists.status, 'unknown');
    // Bug 4: no answer at all is this machine's network, not Pinpoint's end of support.
    assert.match(
      exists.message,
      /could not connect to pinpoint:GetEventStream/,
      JSON.stringify(exists)
    );
    assert.match(exists.remedy?.text ?? '', /network path/);
    assert.equal(report.counts.fail, 0);
    assert.equal(findCheck(report, 'delivery_metrics.flow').status, 'pass');
    assert.equal(findCheck(report, 'firehose.domain').status, 'pass');
  });

  it('an AWS endpoint that accepts and never answers: bounded by the per-call timeout', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const report = await run(
        correct,
        {},
        {
          endpoint: {
            sts: moto,
            pinpoint: moto,
            iam: moto,
            s3: moto,
            opensearch: moto,
            cloudwatch: moto,
            firehose: `http://127.0.0.1:${port}`,
          },
        },
        { callTimeoutMs: 800 }
      );
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      assert.equal(findCheck(report, 'firehose.exists').status, 'unknown');
      assert.equal(findCheck(report, 'pinpoint_role.permissions').status, 'pass');
    } finally {
      silent.close();
    }
  });

  it('assumes the role it is given (STS AssumeRole) and reports the assumed identity', async () => {
    const report = await run(correct, { roleArn: correct.pinpointRoleArn });
    const caller = findCheck(report, 'identity.caller');
    assert.equal(caller.status, 'pass');
    assert.match(String(caller.evidence.arn), /assumed-role\/pp-pinpoint-/);
  });
});

/**
 * Every check of the wiring report, once passing (the correct pipeline) and once failing (one thing broken),
 * through the real SDK clients with aws-sdk-client-mock answering. Checks whose worst outcome is a warning
 * (rotation, buffering...) "fail" as warn.
 */
import assert from 'node:assert/strict';
import { beforeAll, beforeEach, describe, it } from '@jest/globals';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import {
  GetRoleCommand,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  DescribeDomainCommand,
  ResourceNotFoundException as DomainNotFound,
} from '@aws-sdk/client-opensearch';
import { GetEventStreamCommand, NotFoundException } from '@aws-sdk/client-pinpoint';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ResourceNotFoundException as StreamNotFound } from '@aws-sdk/client-firehose';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CheckStatus, WiringReport, WiringRequest } from '../../../common/wiring_types';
import type { OpenSearchClient } from '../../osd_port';
import {
  ACCOUNT,
  APP_ID,
  baseRequest,
  createMocks,
  destination,
  domainStatus,
  eventStream,
  fakeCluster,
  findCheck,
  healthy,
  metrics,
  type Mocks,
  runMocked,
  sdkError,
  simulateAllowing,
  STREAM,
  streamDescription,
  trustPolicy,
} from '../../../test/support/wiring_mocks';

import { objectBody as body } from '../../../test/support/wiring_mocks';

interface Case {
  check: string;
  status: CheckStatus;
  why: string;
  setup?: (m: Mocks) => void;
  request?: Partial<WiringRequest>;
  cluster?: () => OpenSearchClient;
}

const failedFile = [
  JSON.stringify({
    errorCode: '400',
    errorMessage: 'mapper_parsing_exception: failed to parse field [arrival_timestamp]',
    esIndexName: 'pinpoint-2026-11-25',
    rawData: Buffer.from('{"event_type":"_email.send"}').toString('base64'),
  }),
].join('\n');

const CASES: Case[] = [
  {
    check: 'identity.caller',
    status: 'fail',
    why: 'no credentials',
    setup: (m) =>
      m.sts
        .on(GetCallerIdentityCommand)
        .rejects(
          sdkError('CredentialsProviderError', 'Could not load credentials from any providers', 0)
        ),
  },
  {
    check: 'event_stream.exists',
    status: 'fail',
    why: 'no event stream',
    setup: (m) =>
      m.pinpoint.on(GetEventStreamCommand).rejects(
        new NotFoundException({
          message: 'Resource not found',
          $metadata: { httpStatusCode: 404 },
        })
      ),
  },
  {
    check: 'event_stream.destination',
    status: 'fail',
    why: 'destination is not a stream',
    setup: (m) =>
      m.pinpoint.on(GetEventStreamCommand).resolves({
        EventStream: eventStream({
          DestinationStreamArn: `arn:aws:sqs:eu-west-1:${ACCOUNT}:queue`,
        }),
      }),
  },
  {
    check: 'event_stream.role',
    status: 'fail',
    why: 'no role',
    setup: (m) =>
      m.pinpoint.on(GetEventStreamCommand).resolves({ EventStream: eventStream({ RoleArn: '' }) }),
  },
  {
    check: 'pinpoint_role.exists',
    status: 'fail',
    why: 'role deleted',
    setup: (m) =>
      m.iam.on(GetRoleCommand).rejects(
        new NoSuchEntityException({
          message: 'The role cannot be found',
          $metadata: { httpStatusCode: 404 },
        })
      ),
  },
  {
    check: 'pinpoint_role.trust',
    status: 'fail',
    why: 'trusts another service',
    setup: (m) =>
      m.iam.on(GetRoleCommand).resolves({
        Role: {
          RoleName: 'r',
          Arn: 'arn:aws:iam::1:role/r',
          Path: '/',
          RoleId: 'x',
          CreateDate: new Date(),
          AssumeRolePolicyDocument: encodeURIComponent(
            trustPolicy({ Principal: { Service: 'firehose.amazonaws.com' } })
          ),
        },
      }),
  },
  {
    check: 'pinpoint_role.permissions',
    status: 'fail',
    why: 'simulation denies PutRecordBatch',
    setup: (m) =>
      m.iam
        .on(SimulatePrincipalPolicyCommand)
        .callsFake(simulateAllowing(['firehose:PutRecordBatch'])),
  },
  {
    check: 'firehose.exists',
    status: 'fail',
    why: 'stream deleted',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).rejects(
        new StreamNotFound({
          message: `Firehose ${STREAM} not found`,
          $metadata: { httpStatusCode: 400 },
        })
      ),
  },
  {
    check: 'firehose.status',
    status: 'fail',
    why: 'CREATING_FAILED',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription({ DeliveryStreamStatus: 'CREATING_FAILED' }),
      }),
  },
  {
    check: 'firehose.source',
    status: 'fail',
    why: 'reads a Kinesis stream Pinpoint does not write to',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription({
          DeliveryStreamType: 'KinesisStreamAsSource',
          Source: {
            KinesisStreamSourceDescription: {
              KinesisStreamARN: `arn:aws:kinesis:eu-west-1:${ACCOUNT}:stream/other`,
            },
          },
        }),
      }),
  },
  {
    check: 'firehose.destination',
    status: 'fail',
    why: 'delivers to S3',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription({
          Destinations: [
            {
              DestinationId: 'd',
              ExtendedS3DestinationDescription: {
                RoleARN: 'r',
                BucketARN: 'arn:aws:s3:::b',
                BufferingHints: {},
                CompressionFormat: 'GZIP',
                EncryptionConfiguration: {},
              },
            },
          ],
        }),
      }),
  },
  {
    check: 'firehose.domain',
    status: 'fail',
    why: 'these dashboards read another domain',
    cluster: () => fakeCluster({ clusterName: `${ACCOUNT}:analytics` }),
  },
  {
    check: 'firehose.index_name',
    status: 'fail',
    why: 'events-YYYY-MM-DD not under pinpoint*',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription({}, destination({ IndexName: 'events' })),
      }),
  },
  {
    check: 'firehose.rotation',
    status: 'warn',
    why: 'NoRotation',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription(
          {},
          destination({ IndexRotationPeriod: 'NoRotation' })
        ),
      }),
  },
  {
    check: 'firehose.buffering',
    status: 'warn',
    why: '900 s buffer',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription(
          {},
          destination({ BufferingHints: { IntervalInSeconds: 900, SizeInMBs: 100 } })
        ),
      }),
  },
  {
    check: 'firehose.retry',
    status: 'warn',
    why: 'no retries',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription(
          {},
          destination({ RetryOptions: { DurationInSeconds: 0 } })
        ),
      }),
  },
  {
    check: 'firehose.s3_backup',
    status: 'warn',
    why: 'AllDocuments',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription(
          {},
          destination({ S3BackupMode: 'AllDocuments' })
        ),
      }),
  },
  {
    check: 'firehose.logging',
    status: 'warn',
    why: 'logging off',
    setup: (m) =>
      m.firehose.on(DescribeDeliveryStreamCommand).resolves({
        DeliveryStreamDescription: streamDescription(
          {},
          destination({ CloudWatchLoggingOptions: { Enabled: false } })
        ),
      }),
  },
  {
    check: 'failed_records.recent',
    status: 'fail',
    why: 'a failed-document file from this hour',
    setup: (m) => {
      m.s3.on(ListObjectsV2Command, { Prefix: 'failed_', Delimiter: '/' }).resolves({
        CommonPrefixes: [
          { Prefix: 'failed_AmazonOpenSearchService-failed/' },
          { Prefix: 'failed_other/' },
        ],
      });
      m.s3.on(ListObjectsV2Command, { Prefix: 'failed_AmazonOpenSearchService-failed/' }).resolves({
        Contents: [
          {
            Key: 'failed_AmazonOpenSearchService-failed/2026/11/25/10/f1',
            LastModified: new Date(),
            Size: 300,
          },
        ],
      });
      m.s3.on(GetObjectCommand).resolves({ Body: body(failedFile) });
    },
  },
  {
    check: 'delivery_access.role_permissions',
    status: 'fail',
    why: 'no es:ESHttpPost',
    setup: (m) =>
      m.iam.on(SimulatePrincipalPolicyCommand).callsFake(simulateAllowing(['es:ESHttpPost'])),
  },
  {
    check: 'delivery_access.domain',
    status: 'fail',
    why: 'domain deleted',
    setup: (m) =>
      m.opensearch.on(DescribeDomainCommand).rejects(
        new DomainNotFound({
          message: 'Domain not found: pinpoint',
          $metadata: { httpStatusCode: 409 },
        })
      ),
  },
  {
    check: 'delivery_access.network',
    status: 'fail',
    why: 'VPC domain, public stream',
    setup: (m) =>
      m.opensearch.on(DescribeDomainCommand).resolves({
        DomainStatus: domainStatus({
          VPCOptions: { VPCId: 'vpc-1' },
          Endpoints: { vpc: 'vpc-pinpoint.es' },
        }),
      }),
  },
  {
    check: 'delivery_access.access_policy',
    status: 'fail',
    why: 'explicit deny',
    setup: (m) =>
      m.opensearch.on(DescribeDomainCommand).resolves({
        DomainStatus: domainStatus({
          AccessPolicies: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'es:ESHttpPost', Resource: '*' },
            ],
          }),
        }),
      }),
  },
  {
    check: 'delivery_access.fgac_mapping',
    status: 'fail',
    why: 'FGAC on, role not mapped',
    setup: (m) =>
      m.opensearch
        .on(DescribeDomainCommand)
        .resolves({ DomainStatus: domainStatus({ AdvancedSecurityOptions: { Enabled: true } }) }),
    cluster: () =>
      fakeCluster({
        rolesMapping: { all_access: { backend_roles: ['arn:aws:iam::111122223333:role/admin'] } },
      }),
  },
  {
    check: 'delivery_metrics.success',
    status: 'fail',
    why: '60% indexed',
    setup: (m) =>
      m.cloudwatch.on(GetMetricDataCommand).resolves({
        MetricDataResults: metrics({
          incoming: 100,
          delivered: 100,
          success: 0.6,
          freshness: 70,
        }),
      }),
  },
  {
    check: 'delivery_metrics.freshness',
    status: 'fail',
    why: 'records wait 20 minutes',
    setup: (m) =>
      m.cloudwatch.on(GetMetricDataCommand).resolves({
        MetricDataResults: metrics({
          incoming: 100,
          delivered: 100,
          success: 1,
          freshness: 1200,
        }),
      }),
  },
  {
    check: 'delivery_metrics.latest_document',
    status: 'fail',
    why: 'records come in, newest document is a day old',
    cluster: () => fakeCluster({ latest: Date.now() - 86_400_000 }),
  },
  {
    check: 'delivery_metrics.flow',
    status: 'fail',
    why: 'stalled: nothing delivered',
    setup: (m) =>
      m.cloudwatch
        .on(GetMetricDataCommand)
        .resolves({ MetricDataResults: metrics({ incoming: 100, delivered: 0 }) }),
  },
];

describe('every check passes on a correct pipeline and fails when its part is broken', () => {
  let m: Mocks;
  let correct: WiringReport;
  beforeAll(async () => {
    m = createMocks();
    healthy(m);
    correct = await runMocked();
  });
  beforeEach(() => healthy(m));

  it('a correct pipeline passes every check', () => {
    const notPassing = correct.hops.flatMap((h) => h.checks).filter((c) => c.status !== 'pass');
    assert.deepEqual(
      notPassing.map((c) => `${c.id}: ${c.message}`),
      []
    );
    assert.equal(correct.status, 'pass');
    assert.equal(correct.complete, true);
  });

  it('the table covers every check the correct pipeline makes', () => {
    const made = new Set(correct.hops.flatMap((h) => h.checks.map((c) => c.id)));
    const covered = new Set(CASES.map((c) => c.check));
    // network appears only when either side is in a VPC.
    assert.deepEqual(
      [...made].filter((id) => !covered.has(id)),
      []
    );
  });

  for (const c of CASES) {
    it(`${c.check}: ${c.status} when ${c.why}`, async () => {
      c.setup?.(m);
      const report = await runMocked(
        baseRequest(c.request),
        c.cluster ? c.cluster() : fakeCluster()
      );
      const check = findCheck(report, c.check);
      assert.equal(check.status, c.status, check.message);
      assert.ok(
        check.remedy || c.check === 'identity.caller' || check.status === 'fail',
        `${c.check} has no remedy`
      );
      assert.ok(check.remedy?.text, `${c.check}: a ${c.status} must say how to fix it`);
    });
  }

  it('an app id is the subject of its event-stream checks', () => {
    assert.equal(findCheck(correct, 'event_stream.exists').subject, APP_ID);
    assert.equal(findCheck(correct, 'firehose.exists').subject, STREAM);
  });
});

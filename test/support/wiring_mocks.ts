/**
 * A correct Pinpoint -> Firehose (Amazon OpenSearch Service destination) -> domain pipeline answered by
 * aws-sdk-client-mock behind the real SDK clients and ports, plus a fake cluster. Tests change one answer to
 * break one thing. Covers what moto cannot: OpenSearch-type destinations, IAM simulation, CloudWatch values,
 * and injected faults (AccessDenied, throttling, hangs, NotFound, Pinpoint gone).
 */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeDeliveryStreamCommand,
  type DeliveryStreamDescription,
  FirehoseClient,
} from '@aws-sdk/client-firehose';
import {
  GetRoleCommand,
  IAMClient,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import {
  DescribeDomainCommand,
  type DomainStatus,
  OpenSearchClient as OpenSearchServiceClient,
} from '@aws-sdk/client-opensearch';
import { GetEventStreamCommand, type EventStream, PinpointClient } from '@aws-sdk/client-pinpoint';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import type { WiringReport, WiringRequest } from '../../common/wiring_types';
import { AwsClientFactory } from '../../server/aws/client_factory';
import type { Logger, OpenSearchClient, TransportRequestParams } from '../../server/osd_port';
import { checkWiring, type WiringOptions } from '../../server/services/wiring/orchestrator';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const APP_ID = '0123456789abcdef0123456789abcdef';
export const STREAM = 'pinpoint-events';
export const DOMAIN = 'pinpoint';
export const STREAM_ARN = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${STREAM}`;
export const DOMAIN_ARN = `arn:aws:es:${REGION}:${ACCOUNT}:domain/${DOMAIN}`;
export const PINPOINT_ROLE = `arn:aws:iam::${ACCOUNT}:role/pinpoint-events`;
export const FIREHOSE_ROLE = `arn:aws:iam::${ACCOUNT}:role/firehose-delivery`;
export const BUCKET = 'pinpoint-failed';

export const MOCK_CREDENTIALS = {
  accessKeyId: 'AKIAMOCKEDKEY0000001',
  secretAccessKey: 'mocked-secret-never-shown-0001',
  sessionToken: 'mocked-session-token-0001',
};

export type Mocks = ReturnType<typeof createMocks>;

export function createMocks() {
  return {
    sts: mockClient(STSClient),
    pinpoint: mockClient(PinpointClient),
    firehose: mockClient(FirehoseClient),
    iam: mockClient(IAMClient),
    s3: mockClient(S3Client),
    opensearch: mockClient(OpenSearchServiceClient),
    cloudwatch: mockClient(CloudWatchClient),
  };
}

export function trustPolicy(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'pinpoint.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/*` },
        },
        ...overrides,
      },
    ],
  });
}

export function eventStream(overrides: Partial<EventStream> = {}): EventStream {
  return {
    ApplicationId: APP_ID,
    DestinationStreamArn: STREAM_ARN,
    RoleArn: PINPOINT_ROLE,
    LastModifiedDate: '2026-01-10T10:00:00Z',
    ...overrides,
  };
}

type OsDestination = NonNullable<
  NonNullable<
    DeliveryStreamDescription['Destinations']
  >[number]['AmazonopensearchserviceDestinationDescription']
>;

export function destination(overrides: Partial<OsDestination> = {}): OsDestination {
  return {
    RoleARN: FIREHOSE_ROLE,
    DomainARN: DOMAIN_ARN,
    IndexName: 'pinpoint',
    IndexRotationPeriod: 'OneDay',
    BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 },
    RetryOptions: { DurationInSeconds: 300 },
    S3BackupMode: 'FailedDocumentsOnly',
    S3DestinationDescription: {
      RoleARN: FIREHOSE_ROLE,
      BucketARN: `arn:aws:s3:::${BUCKET}`,
      Prefix: 'failed_',
      BufferingHints: { IntervalInSeconds: 300, SizeInMBs: 5 },
      CompressionFormat: 'UNCOMPRESSED',
      EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
    },
    CloudWatchLoggingOptions: {
      Enabled: true,
      LogGroupName: `/aws/kinesisfirehose/${STREAM}`,
      LogStreamName: 'DestinationDelivery',
    },
    ...overrides,
  };
}

export function streamDescription(
  overrides: Partial<DeliveryStreamDescription> = {},
  dest: OsDestination = destination()
): DeliveryStreamDescription {
  return {
    DeliveryStreamName: STREAM,
    DeliveryStreamARN: STREAM_ARN,
    DeliveryStreamStatus: 'ACTIVE',
    DeliveryStreamType: 'DirectPut',
    VersionId: '3',
    CreateTimestamp: new Date('2026-01-10T10:00:00Z'),
    Destinations: [
      {
        DestinationId: 'destinationId-000000000001',
        AmazonopensearchserviceDestinationDescription: dest,
      },
    ],
    HasMoreDestinations: false,
    ...overrides,
  };
}

export function domainStatus(overrides: Partial<DomainStatus> = {}): DomainStatus {
  return {
    DomainId: `${ACCOUNT}/${DOMAIN}`,
    DomainName: DOMAIN,
    ARN: DOMAIN_ARN,
    ClusterConfig: {},
    Endpoint: `search-${DOMAIN}-abc.${REGION}.es.amazonaws.com`,
    EngineVersion: 'OpenSearch_2.19',
    AccessPolicies: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: FIREHOSE_ROLE },
          Action: 'es:*',
          Resource: `${DOMAIN_ARN}/*`,
        },
      ],
    }),
    AdvancedSecurityOptions: { Enabled: false },
    ...overrides,
  };
}

export function metrics(values: {
  incoming: number;
  delivered: number;
  success?: number;
  freshness?: number;
}): MetricDataResult[] {
  const r = (id: string, v: number | undefined): MetricDataResult => ({
    Id: id,
    StatusCode: 'Complete',
    Timestamps: v === undefined ? [] : [new Date()],
    Values: v === undefined ? [] : [v],
  });
  return [
    r('incoming', values.incoming),
    r('delivered', values.delivered),
    r('success', values.success),
    r('freshness', values.freshness),
  ];
}

/** Simulation that allows every action asked on every resource (one result per pair), unless listed in `deny`. */
export function simulateAllowing(deny: string[] = []) {
  return (input: SimulatePrincipalPolicyCommandInput) => ({
    EvaluationResults: (input.ActionNames ?? []).flatMap((action) =>
      (input.ResourceArns ?? ['*']).map((resource) => ({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: deny.includes(action) ? ('implicitDeny' as const) : ('allowed' as const),
      }))
    ),
    IsTruncated: false,
  });
}

/** Every service answering as for a correct pipeline. */
export function healthy(m: Mocks): void {
  for (const mock of Object.values(m)) mock.reset();
  m.sts.on(GetCallerIdentityCommand).resolves({
    Account: ACCOUNT,
    Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dashboards/i-1`,
    UserId: 'AROA:i-1',
  });
  m.pinpoint.on(GetEventStreamCommand).resolves({ EventStream: eventStream() });
  m.firehose
    .on(DescribeDeliveryStreamCommand)
    .resolves({ DeliveryStreamDescription: streamDescription() });
  m.iam.on(GetRoleCommand).resolves({
    Role: {
      RoleName: 'pinpoint-events',
      Arn: PINPOINT_ROLE,
      Path: '/',
      RoleId: 'AROA1',
      CreateDate: new Date(),
      AssumeRolePolicyDocument: encodeURIComponent(trustPolicy()),
    },
  });
  m.iam.on(SimulatePrincipalPolicyCommand).callsFake(simulateAllowing());
  m.s3.on(ListObjectsV2Command).resolves({ Contents: [], IsTruncated: false });
  m.opensearch.on(DescribeDomainCommand).resolves({ DomainStatus: domainStatus() });
  m.cloudwatch.on(GetMetricDataCommand).resolves({
    MetricDataResults: metrics({ incoming: 500, delivered: 500, success: 1, freshness: 75 }),
  });
}

export interface FakeClusterOptions {
  clusterName?: string;
  /** Epoch ms of the newest document; null for none. */
  latest?: number | null;
  rolesMapping?: Record<string, { backend_roles?: string[] }> | { status: number };
  fail?: (params: TransportRequestParams) => boolean;
}

/** The cluster side: GET /, the max arrival_timestamp aggregation, the security plugin's role mappings. */
export function fakeCluster(
  options: FakeClusterOptions = {}
): OpenSearchClient & { requests: TransportRequestParams[] } {
  const requests: TransportRequestParams[] = [];
  const error = (statusCode: number, reason: string) =>
    Object.assign(new Error(reason), {
      meta: { statusCode, body: { error: { type: reason, reason } } },
    });
  return {
    requests,
    transport: {
      request: (async (params: TransportRequestParams) => {
        requests.push(params);
        if (options.fail?.(params)) throw error(500, 'injected');
        if (params.path === '/')
          return {
            statusCode: 200,
            body: {
              cluster_name: options.clusterName ?? `${ACCOUNT}:${DOMAIN}`,
              version: { number: '2.19.0' },
            },
          };
        if (params.path.endsWith('/_search')) {
          const latest = options.latest === undefined ? Date.now() - 30_000 : options.latest;
          return { statusCode: 200, body: { aggregations: { latest: { value: latest } } } };
        }
        if (params.path === '/_plugins/_security/api/rolesmapping') {
          const mapping = options.rolesMapping ?? {
            all_access: { backend_roles: [FIREHOSE_ROLE] },
          };
          if ('status' in mapping) throw error(mapping.status as number, 'security_exception');
          return { statusCode: 200, body: mapping };
        }
        throw error(404, `no fake for ${params.method} ${params.path}`);
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

export interface CapturingLogger extends Logger {
  lines: string[];
}

export function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const push = (level: string) => (m: string | Error, meta?: Record<string, unknown>) =>
    void lines.push(
      `${level} ${m instanceof Error ? `${m.message} ${m.stack}` : m}${meta ? ` ${JSON.stringify(meta)}` : ''}`
    );
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };
}

export function baseRequest(overrides: Partial<WiringRequest> = {}): WiringRequest {
  return { region: REGION, appIds: [APP_ID], ...overrides };
}

export async function runMocked(
  request: WiringRequest = baseRequest(),
  cluster: OpenSearchClient | undefined = fakeCluster(),
  options: WiringOptions = {},
  logger: Logger = capturingLogger()
): Promise<WiringReport> {
  const aws = new AwsClientFactory({ credentials: async () => MOCK_CREDENTIALS });
  try {
    return await checkWiring(request, { aws, cluster, logger }, options);
  } finally {
    aws.destroy();
  }
}

export function findCheck(report: WiringReport, id: string, subject?: string) {
  const check = report.hops
    .flatMap((h) => h.checks)
    .find((c) => c.id === id && (subject === undefined || c.subject === subject));
  if (!check) {
    const have = report.hops.flatMap((h) => h.checks.map((c) => `${c.id}=${c.status}`)).join(', ');
    throw new Error(`check ${id} missing; have ${have}`);
  }
  return check;
}

export function sdkError(
  name: string,
  message: string,
  httpStatusCode: number,
  extra: Record<string, unknown> = {}
): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode },
    ...extra,
  });
}

/** A GetObject Body as the port reads it (the SDK's stream mixin is not a direct dependency). */
export function objectBody(content: string | Uint8Array): never {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { transformToByteArray: async () => bytes } as never;
}

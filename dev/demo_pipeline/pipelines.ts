/**
 * The demo's two Pinpoint -> Firehose -> OpenSearch pipelines, built in moto with the real SDK clients:
 * "pinpoint-demo-good", wired as the developer guide says, and "pinpoint-demo-broken", broken the ways users
 * break it: an index name the template does not cover, no rotation, a Pinpoint role without
 * firehose:PutRecordBatch, every document backed up (AllDocuments) and failed records waiting in S3.
 */
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateDomainCommand,
  OpenSearchClient as OpenSearchServiceClient,
} from '@aws-sdk/client-opensearch';
import { CreateAppCommand, PinpointClient, PutEventStreamCommand } from '@aws-sdk/client-pinpoint';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  FIREHOSE_TRUST_STATEMENT,
  firehoseBucketStatement,
  firehoseDomainStatements,
  pinpointStreamStatement,
  policyDocument as policy,
} from './iam_documents';

export const DEMO_ACCOUNT = '123456789012';
export const DEMO_CREDENTIALS = {
  accessKeyId: 'AKIADEMOPIPELINE0001',
  secretAccessKey: 'demo-pipeline-secret-not-a-real-key',
};

export interface DemoPipeline {
  name: 'good' | 'broken';
  appId: string;
  streamName: string;
  bucket: string;
  indexName: string;
  domainName: string;
}

interface Clients {
  iam: IAMClient;
  s3: S3Client;
  os: OpenSearchServiceClient;
  firehose: FirehoseClient;
  pinpoint: PinpointClient;
}

async function buildOne(c: Clients, region: string, broken: boolean): Promise<DemoPipeline> {
  const name = broken ? 'broken' : 'good';
  const streamName = `pinpoint-demo-${name}`;
  const bucket = `pinpoint-demo-${name}-backup`;
  const domainName = 'pinpoint-demo';
  // The template covers pinpoint*: "campaign-events" is what a console user types and nothing maps.
  const indexName = broken ? 'campaign-events' : 'pinpoint';
  const streamArn = `arn:aws:firehose:${region}:${DEMO_ACCOUNT}:deliverystream/${streamName}`;
  const domainArn = `arn:aws:es:${region}:${DEMO_ACCOUNT}:domain/${domainName}`;
  const pinpointRole = `pinpoint-demo-${name}-events`;
  const firehoseRole = `pinpoint-demo-${name}-delivery`;
  await c.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await c.iam.send(
    new CreateRoleCommand({
      RoleName: pinpointRole,
      AssumeRolePolicyDocument: policy([
        {
          Effect: 'Allow',
          Principal: { Service: 'pinpoint.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': DEMO_ACCOUNT } },
        },
      ]),
    })
  );
  await c.iam.send(
    new PutRolePolicyCommand({
      RoleName: pinpointRole,
      PolicyName: 'stream',
      PolicyDocument: policy([pinpointStreamStatement(streamArn, !broken)]),
    })
  );
  await c.iam.send(
    new CreateRoleCommand({
      RoleName: firehoseRole,
      AssumeRolePolicyDocument: policy([FIREHOSE_TRUST_STATEMENT]),
    })
  );
  await c.iam.send(
    new PutRolePolicyCommand({
      RoleName: firehoseRole,
      PolicyName: 'delivery',
      PolicyDocument: policy([
        ...firehoseDomainStatements(domainArn),
        firehoseBucketStatement(bucket),
      ]),
    })
  );
  await c.firehose.send(
    new CreateDeliveryStreamCommand({
      DeliveryStreamName: streamName,
      DeliveryStreamType: 'DirectPut',
      ElasticsearchDestinationConfiguration: {
        RoleARN: `arn:aws:iam::${DEMO_ACCOUNT}:role/${firehoseRole}`,
        DomainARN: domainArn,
        IndexName: indexName,
        IndexRotationPeriod: broken ? 'NoRotation' : 'OneDay',
        BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 },
        RetryOptions: { DurationInSeconds: 300 },
        S3BackupMode: broken ? 'AllDocuments' : 'FailedDocumentsOnly',
        S3Configuration: {
          RoleARN: `arn:aws:iam::${DEMO_ACCOUNT}:role/${firehoseRole}`,
          BucketARN: `arn:aws:s3:::${bucket}`,
          Prefix: 'firehose/',
        },
        CloudWatchLoggingOptions: {
          Enabled: true,
          LogGroupName: `/aws/kinesisfirehose/${streamName}`,
          LogStreamName: 'DestinationDelivery',
        },
      },
    })
  );
  const app = await c.pinpoint.send(
    new CreateAppCommand({ CreateApplicationRequest: { Name: `Demo ${name}` } })
  );
  const appId = app.ApplicationResponse?.Id ?? '';
  await c.pinpoint.send(
    new PutEventStreamCommand({
      ApplicationId: appId,
      WriteEventStream: {
        DestinationStreamArn: streamArn,
        RoleArn: `arn:aws:iam::${DEMO_ACCOUNT}:role/${pinpointRole}`,
      },
    })
  );
  return { name, appId, streamName, bucket, indexName, domainName };
}

export async function buildDemoPipelines(
  endpoint: string,
  region: string
): Promise<{ good: DemoPipeline; broken: DemoPipeline }> {
  const cfg = { region, endpoint, credentials: DEMO_CREDENTIALS };
  const c: Clients = {
    iam: new IAMClient(cfg),
    s3: new S3Client({ ...cfg, forcePathStyle: true }),
    os: new OpenSearchServiceClient(cfg),
    firehose: new FirehoseClient(cfg),
    pinpoint: new PinpointClient(cfg),
  };
  try {
    // One domain for both streams: the one these dashboards read.
    await c.os.send(
      new CreateDomainCommand({
        DomainName: 'pinpoint-demo',
        EngineVersion: 'OpenSearch_2.19',
        AccessPolicies: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
            Action: 'es:*',
            Resource: `arn:aws:es:${region}:${DEMO_ACCOUNT}:domain/pinpoint-demo/*`,
          },
        ]),
      })
    );
    const good = await buildOne(c, region, false);
    const broken = await buildOne(c, region, true);
    return { good, broken };
  } finally {
    for (const client of Object.values(c)) client.destroy();
  }
}

/**
 * Builds a Pinpoint -> Firehose -> OpenSearch pipeline in moto with the real SDK clients, correct by default
 * and broken in one named way on request. Names carry a random suffix: moto is shared by concurrent test files
 * and is never reset here.
 */
import {
  CreateDeliveryStreamCommand,
  DeleteDeliveryStreamCommand,
  FirehoseClient,
} from '@aws-sdk/client-firehose';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  OpenSearchClient as OpenSearchServiceClient,
} from '@aws-sdk/client-opensearch';
import {
  CreateAppCommand,
  DeleteAppCommand,
  PinpointClient,
  PutEventStreamCommand,
} from '@aws-sdk/client-pinpoint';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import {
  FIREHOSE_TRUST_STATEMENT,
  firehoseBucketStatement,
  firehoseDomainStatements,
  pinpointStreamStatement,
  policyDocument as policy,
} from '../../dev/demo_pipeline/iam_documents';
import { putFailedRecords } from './wiring_moto_data';
import {
  awsConfig,
  DUMMY_CREDENTIALS,
  MOTO_ACCOUNT,
  motoUrl,
  type Breakage,
} from './wiring_moto_config';

export { awsConfig, DUMMY_CREDENTIALS, MOTO_ACCOUNT, motoUrl, type Breakage };

export interface Pipeline {
  region: string;
  suffix: string;
  appId: string;
  streamName: string;
  domainName: string;
  bucket: string;
  indexName: string;
  pinpointRoleArn: string;
  firehoseRoleArn: string;
}

export async function buildPipeline(
  region: string,
  breakage: Breakage = 'none',
  suffix = randomBytes(4).toString('hex')
): Promise<Pipeline> {
  const cfg = awsConfig(region);
  const iam = new IAMClient(cfg);
  const s3 = new S3Client({ ...cfg, forcePathStyle: true });
  const os = new OpenSearchServiceClient(cfg);
  const firehose = new FirehoseClient(cfg);
  const pinpoint = new PinpointClient(cfg);
  try {
    const domainName = `pp${suffix}`;
    const bucket = `pp-failed-${suffix}`;
    const streamName = `pp-stream-${suffix}`;
    const indexName =
      breakage === 'index_name_uncovered' ? `events${suffix}` : `pinpoint_t_wiring_${suffix}`;
    const pinpointRole = `pp-pinpoint-${suffix}`;
    const firehoseRole = `pp-firehose-${suffix}`;
    const pinpointRoleArn = `arn:aws:iam::${MOTO_ACCOUNT}:role/${pinpointRole}`;
    const firehoseRoleArn = `arn:aws:iam::${MOTO_ACCOUNT}:role/${firehoseRole}`;
    const streamArn = `arn:aws:firehose:${region}:${MOTO_ACCOUNT}:deliverystream/${streamName}`;
    const domainArn = `arn:aws:es:${region}:${MOTO_ACCOUNT}:domain/${domainName}`;

    if (breakage !== 'bucket_missing')
      await s3.send(
        new CreateBucketCommand({
          Bucket: bucket,
          ...(region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
        })
      );

    if (breakage !== 'pinpoint_role_missing') {
      const condition =
        breakage === 'pinpoint_trust_no_condition'
          ? undefined
          : {
              StringEquals: {
                'aws:SourceAccount':
                  breakage === 'pinpoint_trust_wrong_account' ? '999999999999' : MOTO_ACCOUNT,
              },
            };
      await iam.send(
        new CreateRoleCommand({
          RoleName: pinpointRole,
          AssumeRolePolicyDocument: policy([
            {
              Effect: 'Allow',
              Principal: {
                Service:
                  breakage === 'pinpoint_trust_wrong_service'
                    ? 'firehose.amazonaws.com'
                    : 'pinpoint.amazonaws.com',
              },
              Action: 'sts:AssumeRole',
              ...(condition ? { Condition: condition } : {}),
            },
          ]),
        })
      );
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: pinpointRole,
          PolicyName: 'stream',
          PolicyDocument: policy([
            pinpointStreamStatement(streamArn, breakage !== 'pinpoint_role_no_permission'),
          ]),
        })
      );
    }

    if (breakage !== 'firehose_role_missing') {
      await iam.send(
        new CreateRoleCommand({
          RoleName: firehoseRole,
          AssumeRolePolicyDocument: policy([FIREHOSE_TRUST_STATEMENT]),
        })
      );
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: firehoseRole,
          PolicyName: 'delivery',
          PolicyDocument: policy([
            ...(breakage === 'firehose_role_no_es' ? [] : firehoseDomainStatements(domainArn)),
            firehoseBucketStatement(bucket),
          ]),
        })
      );
    }

    if (breakage !== 'domain_missing') {
      const statements =
        breakage === 'policy_denies'
          ? [
              {
                Effect: 'Deny',
                Principal: { AWS: firehoseRoleArn },
                Action: 'es:*',
                Resource: `${domainArn}/*`,
              },
            ]
          : [
              {
                Effect: 'Allow',
                Principal: { AWS: firehoseRoleArn },
                Action: 'es:*',
                Resource: `${domainArn}/*`,
              },
            ];
      await os.send(
        new CreateDomainCommand({
          DomainName: domainName,
          EngineVersion: 'OpenSearch_2.19',
          AccessPolicies: policy(statements),
          ...(breakage === 'fgac_on'
            ? { AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true } }
            : {}),
        })
      );
    }

    if (breakage !== 'no_stream') {
      const targetDomain =
        breakage === 'other_domain'
          ? `arn:aws:es:${region}:${MOTO_ACCOUNT}:domain/someother${suffix}`
          : domainArn;
      await firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: streamName,
          DeliveryStreamType: 'DirectPut',
          ElasticsearchDestinationConfiguration: {
            RoleARN: firehoseRoleArn,
            DomainARN: targetDomain,
            IndexName: indexName,
            IndexRotationPeriod: breakage === 'no_rotation' ? 'NoRotation' : 'OneDay',
            BufferingHints:
              breakage === 'slow_buffer'
                ? { IntervalInSeconds: 900, SizeInMBs: 100 }
                : { IntervalInSeconds: 60, SizeInMBs: 1 },
            RetryOptions: { DurationInSeconds: breakage === 'no_retry' ? 0 : 300 },
            S3BackupMode:
              breakage === 'all_documents_no_prefix' ? 'AllDocuments' : 'FailedDocumentsOnly',
            S3Configuration: {
              RoleARN: firehoseRoleArn,
              BucketARN: `arn:aws:s3:::${bucket}`,
              ...(breakage === 'all_documents_no_prefix' ? {} : { Prefix: 'failed_' }),
              ...(breakage === 'error_output_prefix'
                ? {
                    ErrorOutputPrefix:
                      'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
                  }
                : {}),
            },
            CloudWatchLoggingOptions:
              breakage === 'logging_off'
                ? { Enabled: false }
                : {
                    Enabled: true,
                    LogGroupName: `/aws/kinesisfirehose/${streamName}`,
                    LogStreamName: 'DestinationDelivery',
                  },
          },
        })
      );
    }

    const app = await pinpoint.send(
      new CreateAppCommand({ CreateApplicationRequest: { Name: `pp-${suffix}` } })
    );
    const appId = app.ApplicationResponse?.Id ?? '';
    if (breakage !== 'no_event_stream') {
      await pinpoint.send(
        new PutEventStreamCommand({
          ApplicationId: appId,
          WriteEventStream: {
            DestinationStreamArn:
              breakage === 'kinesis_destination'
                ? `arn:aws:kinesis:${region}:${MOTO_ACCOUNT}:stream/pp-kinesis-${suffix}`
                : streamArn,
            RoleArn: pinpointRoleArn,
          },
        })
      );
    }

    if (
      breakage === 'failed_records' ||
      breakage === 'failed_records_gzip' ||
      breakage === 'error_output_prefix'
    ) {
      await putFailedRecords(s3, bucket, breakage, new Date());
    }
    return {
      region,
      suffix,
      appId,
      streamName,
      domainName,
      bucket,
      indexName,
      pinpointRoleArn,
      firehoseRoleArn,
    };
  } finally {
    for (const c of [iam, s3, os, firehose, pinpoint]) c.destroy();
  }
}

/**
 * Removes what buildPipeline made (best effort: a break may have left a piece out). moto keeps state for the
 * whole test run and limits Firehose to 50 streams per region, so every test file cleans up after itself.
 */
export async function destroyPipeline(p: Pipeline): Promise<void> {
  const cfg = awsConfig(p.region);
  const iam = new IAMClient(cfg);
  const s3 = new S3Client({ ...cfg, forcePathStyle: true });
  const os = new OpenSearchServiceClient(cfg);
  const firehose = new FirehoseClient(cfg);
  const pinpoint = new PinpointClient(cfg);
  const quietly = (work: Promise<unknown>) => work.catch(() => undefined);
  try {
    await Promise.all([
      quietly(firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: p.streamName }))),
      quietly(pinpoint.send(new DeleteAppCommand({ ApplicationId: p.appId }))),
      quietly(os.send(new DeleteDomainCommand({ DomainName: p.domainName }))),
      quietly(
        (async () => {
          const listed = await s3.send(new ListObjectsV2Command({ Bucket: p.bucket }));
          for (const o of listed.Contents ?? [])
            await s3.send(new DeleteObjectCommand({ Bucket: p.bucket, Key: o.Key }));
          await s3.send(new DeleteBucketCommand({ Bucket: p.bucket }));
        })()
      ),
      ...[
        [p.pinpointRoleArn, 'stream'],
        [p.firehoseRoleArn, 'delivery'],
      ].map(([arn, policy]) =>
        quietly(
          (async () => {
            const RoleName = arn.split('/').pop();
            await quietly(iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName: policy })));
            await iam.send(new DeleteRoleCommand({ RoleName }));
          })()
        )
      ),
    ]);
  } finally {
    for (const c of [iam, s3, os, firehose, pinpoint]) c.destroy();
  }
}

export { failedRecord, putDeliveryMetrics } from './wiring_moto_data';

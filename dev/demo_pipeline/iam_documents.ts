/**
 * The IAM documents of a Pinpoint -> Firehose -> OpenSearch pipeline, as the AWS guides write them: the demo's
 * pipelines (pipelines.ts) and the wiring tests' pipelines (test/support/wiring_pipeline.ts) both build from
 * these, each breaking them in its own ways.
 */

export function policyDocument(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** What Pinpoint's role may do on the delivery stream; without PutRecordBatch the events never arrive. */
export function pinpointStreamStatement(streamArn: string, canPut = true): object {
  return {
    Effect: 'Allow',
    Action: canPut
      ? ['firehose:PutRecordBatch', 'firehose:DescribeDeliveryStream']
      : ['firehose:DescribeDeliveryStream'],
    Resource: streamArn,
  };
}

export const FIREHOSE_TRUST_STATEMENT = {
  Effect: 'Allow',
  Principal: { Service: 'firehose.amazonaws.com' },
  Action: 'sts:AssumeRole',
};

/** What Firehose's role may do on the domain (describe it, write and read documents). */
export function firehoseDomainStatements(domainArn: string): object[] {
  return [
    {
      Effect: 'Allow',
      Action: [
        'es:DescribeDomain',
        'es:DescribeDomains',
        'es:DescribeDomainConfig',
        'es:ESHttpPost',
        'es:ESHttpPut',
      ],
      Resource: [domainArn, `${domainArn}/*`],
    },
    { Effect: 'Allow', Action: ['es:ESHttpGet'], Resource: [`${domainArn}/*`] },
  ];
}

/** What Firehose's role may do on the backup bucket (failed records, or every document). */
export function firehoseBucketStatement(bucket: string): object {
  return {
    Effect: 'Allow',
    Action: [
      's3:PutObject',
      's3:GetBucketLocation',
      's3:ListBucket',
      's3:AbortMultipartUpload',
      's3:GetObject',
    ],
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  };
}

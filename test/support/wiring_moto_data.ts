/**
 * What a running pipeline leaves in AWS, written into moto: Firehose's failed-document files in S3 and its
 * CloudWatch delivery metrics.
 */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import { awsConfig, type Breakage } from './wiring_moto_config';

const pad = (n: number) => String(n).padStart(2, '0');

export function failedRecord(
  errorCode: string,
  errorMessage: string,
  doc: unknown,
  index = 'pinpoint-2026-11-25'
): string {
  return JSON.stringify({
    attemptsMade: 1,
    arrivalTimestamp: Date.now(),
    errorCode,
    errorMessage,
    attemptEndingTimestamp: Date.now(),
    esDocumentId: 'doc-1',
    esIndexName: index,
    esTypeName: '',
    rawData: Buffer.from(JSON.stringify(doc)).toString('base64'),
  });
}

export async function putFailedRecords(
  s3: S3Client,
  bucket: string,
  breakage: Breakage,
  at: Date
): Promise<void> {
  const folder = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${pad(at.getUTCHours())}`;
  const body = [
    failedRecord(
      '400',
      '{"type":"mapper_parsing_exception","reason":"failed to parse field [arrival_timestamp] of type [date]"}',
      { event_type: '_email.send', arrival_timestamp: 'yesterday' }
    ),
    failedRecord(
      '400',
      '{"type":"mapper_parsing_exception","reason":"failed to parse field [arrival_timestamp] of type [date]"}',
      { event_type: '_email.open', arrival_timestamp: 'later' }
    ),
    failedRecord(
      '403',
      '{"type":"security_exception","reason":"no permissions for [indices:data/write/bulk]"}',
      { event_type: '_SMS.SUCCESS' }
    ),
  ].join('\n');
  const key =
    breakage === 'error_output_prefix'
      ? `errors/AmazonOpenSearchService-failed/${folder.split('/').slice(0, 3).join('/')}/pp-stream-1-2026`
      : `failed_${breakage === 'failed_records_gzip' ? 'elasticsearch-failed' : 'AmazonOpenSearchService-failed'}/${folder}/pp-stream-1-2026-11-25`;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: breakage === 'failed_records_gzip' ? gzipSync(body) : body,
    })
  );
}

/** Writes Firehose-like datapoints for the last hour (moto accepts the AWS/ namespace). */
export async function putDeliveryMetrics(
  region: string,
  streamName: string,
  values: { incoming: number; delivered: number; success: number; freshness: number },
  prefix = 'DeliveryToElasticsearch'
): Promise<void> {
  const cw = new CloudWatchClient(awsConfig(region));
  try {
    const at = new Date(Date.now() - 5 * 60_000);
    const dims = [{ Name: 'DeliveryStreamName', Value: streamName }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Firehose',
        MetricData: [
          {
            MetricName: 'IncomingRecords',
            Dimensions: dims,
            Timestamp: at,
            Value: values.incoming,
          },
          {
            MetricName: `${prefix}.Records`,
            Dimensions: dims,
            Timestamp: at,
            Value: values.delivered,
          },
          {
            MetricName: `${prefix}.Success`,
            Dimensions: dims,
            Timestamp: at,
            Value: values.success,
          },
          {
            MetricName: `${prefix}.DataFreshness`,
            Dimensions: dims,
            Timestamp: at,
            Value: values.freshness,
          },
        ],
      })
    );
  } finally {
    cw.destroy();
  }
}

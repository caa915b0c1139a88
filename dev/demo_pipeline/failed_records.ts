/**
 * What the broken pipeline left in its backup bucket: Firehose failed-record files (the format of
 * test/support/wiring_moto_data.failedRecord) around realistic events from the demo generator. Two stories a
 * user meets: a week of 403s while the Firehose role was not mapped under fine-grained access control (fixed
 * since: those replay into the daily pinpoint-* indices), and mapping errors into the uncovered
 * "campaign-events" index (outside the archive: a replay skips them and says why).
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import { failedRecord } from '../../test/support/wiring_moto_data';
import { rotatedIndexName } from '../../common/index_naming';
import { generateDayEvents, utcDay } from '../demo/pinpoint_events';
import { DEMO_CREDENTIALS, type DemoPipeline } from './pipelines';

const pad = (n: number) => String(n).padStart(2, '0');
const folder = (t: Date) =>
  `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${pad(t.getUTCHours())}`;

const ACCESS =
  '{"type":"security_exception","reason":"no permissions for [indices:data/write/bulk] and User [name=arn:aws:iam::123456789012:role/pinpoint-demo-broken-delivery, backend_roles=[arn:aws:iam::123456789012:role/pinpoint-demo-broken-delivery]]"}';
const MAPPING =
  '{"type":"mapper_parsing_exception","reason":"failed to parse field [attributes.campaign_send_status] of type [long] in document"}';

export async function putDemoFailedRecords(
  endpoint: string,
  region: string,
  pipeline: DemoPipeline,
  now: Date = new Date()
): Promise<number> {
  const s3 = new S3Client({
    region,
    endpoint,
    credentials: DEMO_CREDENTIALS,
    forcePathStyle: true,
  });
  let count = 0;
  try {
    for (const offset of [-3, -2, -1]) {
      const day = utcDay(now, offset);
      const events = generateDayEvents({ day, count: 40, seed: 900 + offset });
      const lines = events.map((e, i) => {
        const meant =
          i % 4 === 3
            ? 'campaign-events'
            : rotatedIndexName('pinpoint', new Date(e.arrival_timestamp), 'OneDay');
        const line = JSON.parse(
          failedRecord(
            meant === 'campaign-events' ? '400' : '403',
            meant === 'campaign-events' ? MAPPING : ACCESS,
            e,
            meant
          )
        ) as Record<string, unknown>;
        // Firehose stamps each record with its own times and id.
        line.arrivalTimestamp = e.arrival_timestamp;
        line.attemptEndingTimestamp = e.arrival_timestamp + 300_000;
        line.esDocumentId = `49650${day.replace(/-/g, '')}${String(i).padStart(6, '0')}`;
        return JSON.stringify(line);
      });
      const at = new Date(`${day}T12:00:00Z`);
      const key = `firehose/AmazonOpenSearchService-failed/${folder(at)}/pinpoint-demo-broken-1-${day}-12-00-00-${pad(Math.abs(offset))}`;
      // Firehose compresses when asked; one day's file is gzipped to show both forms are read.
      const body = lines.join('\n');
      await s3.send(
        new PutObjectCommand({
          Bucket: pipeline.bucket,
          Key: key,
          Body: offset === -1 ? gzipSync(body) : body,
        })
      );
      count += lines.length;
    }
  } finally {
    s3.destroy();
  }
  return count;
}

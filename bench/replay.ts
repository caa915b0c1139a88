/**
 * Failed-record replay against a raw _bulk of the same NDJSON (goal: replay >= 0.8x raw).
 *
 *   MOTO_URL=… OPENSEARCH_URL=… npx tsx bench/replay.ts [--records 50000] [--runs 3]
 *
 * Failed-record files (5,000 records each, as Firehose writes them: JSON lines around base64 events from the
 * demo generator) are put in moto's S3 once. A first, untimed replay records the _bulk bodies it sends. Each
 * run then times, alternating, into freshly deleted indices:
 *   replay:       replayFromS3 end to end (locate, list, read and decode S3, derive ids, _bulk create)
 *   replay write: replayFailedRecords on records already read (the part that competes with raw)
 *   raw:          the recorded bodies sent as they are, with the same two in flight
 */
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FailedRecordsRequest } from '../common/failed_records';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import { AwsClientFactory } from '../server/aws/client_factory';
import {
  loadFailedRecords,
  replayFailedRecords,
  replayFromS3,
} from '../server/services/failed_records';
import {
  argNumber,
  benchClient,
  dropIndices,
  median,
  rawBulk,
  recording,
} from './bench_support_cli';

const args = process.argv.slice(2);
const records = argNumber(args, 'records', 50_000);
const runs = argNumber(args, 'runs', 3);
const url = process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200';
const moto = process.env.MOTO_URL;
const PREFIX = 'bench_replay';
const region = 'us-east-1';
const credentials = { accessKeyId: 'AKIABENCHREPLAY00001', secretAccessKey: 'bench-secret' };

async function seed(bucket: string): Promise<void> {
  const s3 = new S3Client({ region, endpoint: moto, credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const perFile = 5000;
  for (let f = 0; f * perFile < records; f++) {
    const n = Math.min(perFile, records - f * perFile);
    const lines = generateDayEvents({ day: '2026-11-20', count: n, seed: 100 + f }).map((e) =>
      JSON.stringify({
        attemptsMade: 1,
        arrivalTimestamp: e.arrival_timestamp,
        errorCode: '403',
        errorMessage:
          '{"type":"security_exception","reason":"no permissions for [indices:data/write/bulk]"}',
        attemptEndingTimestamp: e.arrival_timestamp + 300_000,
        esDocumentId: `${f}-${e.arrival_timestamp}`,
        esIndexName: `${PREFIX}-2026-11-20`,
        esTypeName: '',
        rawData: Buffer.from(JSON.stringify(e)).toString('base64'),
      })
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `failed_AmazonOpenSearchService-failed/2026/11/20/${String(f % 24).padStart(2, '0')}/file-${f}`,
        Body: lines.join('\n'),
      })
    );
  }
  s3.destroy();
}

async function main(): Promise<void> {
  if (!moto) throw new Error('MOTO_URL is not set');
  const { raw, port } = benchClient(url);
  const aws = new AwsClientFactory({
    endpoint: moto,
    credentials: async () => credentials,
    requestTimeoutMs: 60_000,
  });
  const bucket = `bench-replay-${Date.now().toString(36)}`;
  await seed(bucket);
  const request: FailedRecordsRequest = { region, bucket, prefix: 'failed_', indexPrefix: PREFIX };
  const refresh = () => raw.transport.request({ method: 'POST', path: `/${PREFIX}*/_refresh` });
  const bodies: string[] = [];
  await dropIndices(raw, `${PREFIX}*`);
  const warm = await replayFromS3(request, recording(port, bodies), { aws });
  const docs = warm.summary.written;
  const loaded = (await loadFailedRecords(request, { aws })).files.flatMap((f) => f.records);
  process.stdout.write(
    `${docs} records written by the untimed replay, ${bodies.length} _bulk bodies recorded\n`
  );
  const rates: Record<'e2e' | 'write' | 'raw', number[]> = { e2e: [], write: [], raw: [] };
  const ratios: Record<'e2e' | 'write', number[]> = { e2e: [], write: [] };
  const sides = {
    e2e: () => replayFromS3(request, port, { aws }),
    write: () => replayFailedRecords(port, loaded, { indexPrefix: PREFIX }),
    raw: () => rawBulk(raw, bodies, 2),
  };
  for (let r = 0; r < runs; r++) {
    const order = (r % 2 === 0 ? ['raw', 'write', 'e2e'] : ['e2e', 'write', 'raw']) as Array<
      keyof typeof sides
    >;
    const run: Record<string, number> = {};
    for (const side of order) {
      await dropIndices(raw, `${PREFIX}*`);
      const t = Date.now();
      await sides[side]();
      await refresh();
      run[side] = docs / ((Date.now() - t) / 1000);
      rates[side].push(run[side]);
    }
    ratios.e2e.push(run.e2e / run.raw);
    ratios.write.push(run.write / run.raw);
    process.stdout.write(
      `run ${r + 1}: replay ${Math.round(run.e2e)}/s, replay write ${Math.round(run.write)}/s, raw ${Math.round(run.raw)}/s\n`
    );
  }
  await dropIndices(raw, `${PREFIX}*`);
  aws.destroy();
  await raw.close();
  const write = median(ratios.write);
  process.stdout.write(
    `replay: medians ${Math.round(median(rates.e2e))}/s end to end (S3 read included), ${Math.round(median(rates.write))}/s writing, ` +
      `raw _bulk ${Math.round(median(rates.raw))}/s of the same NDJSON; ratios ${median(ratios.e2e).toFixed(2)}x end to end, ` +
      `${write.toFixed(2)}x writing (goal >= 0.8x) over ${runs} runs of ${docs} records\n`
  );
  process.exitCode = write >= 0.8 ? 0 : 1;
}

void main();

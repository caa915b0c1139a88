/**
 * failed-records against moto's S3 and the real OpenSearch node: list finds the records under every folder
 * spelling Firehose uses (and a gzip file), groups them by error with counts, dates and a sample, reports
 * corrupt objects one line each; show prints one group; replay writes into esIndexName, and a second replay
 * writes nothing (ids derived from the record). --json everywhere; exit codes 0 / 1 / 2.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import type { FailedRecordsListing, ReplaySummary } from '../../common/failed_records';
import { opensearchUrl } from '../support/counting_client';
import { motoEnv, runCli } from '../support/cli_run';
import { failedRecord } from '../support/wiring_moto_data';
import {
  awsConfig,
  buildPipeline,
  destroyPipeline,
  motoUrl,
  type Pipeline,
} from '../support/wiring_pipeline';

const os = opensearchUrl();
const archive = `clifr${Date.now().toString(36)}`;
const region = 'us-east-1';
let pipeline: Pipeline;
let s3: S3Client;

const MAPPING = '{"type":"mapper_parsing_exception","reason":"failed to parse field [x]"}';
const ACCESS =
  '{"type":"security_exception","reason":"no permissions for [indices:data/write/bulk]"}';

async function put(key: string, body: string | Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: pipeline.bucket, Key: key, Body: body }));
}

async function count(index: string): Promise<number> {
  await fetch(`${os}/${index}/_refresh`, { method: 'POST' });
  const res = await fetch(`${os}/${index}/_count`);
  return res.ok ? ((await res.json()) as { count: number }).count : 0;
}

describe('failed-records CLI', () => {
  const day = `${archive}-2026-11-20`;
  const other = `${archive}-2026-11-21`;
  beforeAll(async () => {
    Object.assign(process.env, motoEnv(motoUrl(), region));
    pipeline = await buildPipeline(region, 'none');
    s3 = new S3Client({ ...awsConfig(region), forcePathStyle: true });
    const rec = (code: string, msg: string, n: number, index: string) =>
      failedRecord(
        code,
        msg,
        { event_type: '_email.send', n, arrival_timestamp: 1763600000000 + n },
        index
      );
    // The stream's prefix is failed_: every spelling Firehose used, one of them gzipped.
    await put(
      'failed_AmazonOpenSearchService-failed/2026/11/20/10/f1',
      [1, 2, 3].map((n) => rec('400', MAPPING, n, day)).join('\n')
    );
    await put(
      'failed_elasticsearch-failed/2026/11/20/11/f2',
      gzipSync([4, 5].map((n) => rec('403', ACCESS, n, other)).join(''))
    );
    await put(
      'failed_AmazonOpenSearchService_failed/2026/11/20/12/f3',
      rec('400', MAPPING, 6, day)
    );
    // A record meant for an index outside the archive is never replayed.
    await put(
      'failed_elasticsearch_failed/2026/11/20/13/f4',
      rec('400', MAPPING, 7, 'someone-else')
    );
    // Corrupt objects: not JSON, JSON that is not a record, a gzip cut short.
    await put('failed_AmazonOpenSearchService-failed/2026/11/20/14/garbage', 'this is not json');
    await put('failed_AmazonOpenSearchService-failed/2026/11/20/14/notrecord', '{"hello":"world"}');
    await put(
      'failed_AmazonOpenSearchService-failed/2026/11/20/14/truncated',
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02])
    );
  });
  afterAll(async () => {
    await destroyPipeline(pipeline);
    s3.destroy();
    await fetch(`${os}/${archive}-*`, { method: 'DELETE' });
  });

  it('list groups by error with counts, dates and a sample, and names each corrupt object (exit 1)', async () => {
    const { code, out } = await runCli(['failed-records', 'list', '--stream', pipeline.streamName]);
    expect(code).toBe(1);
    expect(out).toMatch(/7 failed records in 4 files/);
    expect(out).toMatch(/1\. 5× 400 .*mapper_parsing_exception/);
    expect(out).toMatch(/2\. 2× 403 .*security_exception/);
    expect(out).toMatch(/unreadable: .*garbage: not failed-record JSON/);
    expect(out).toMatch(/unreadable: .*notrecord: JSON but no failed records/);
    expect(out).toMatch(/unreadable: .*truncated: /);
  });

  it('list --json: every folder spelling, the groups and the corrupt objects', async () => {
    const { code, out } = await runCli([
      'failed-records',
      'list',
      '--stream',
      pipeline.streamName,
      '--json',
    ]);
    expect(code).toBe(1);
    const listing = JSON.parse(out) as FailedRecordsListing;
    expect(listing.prefixes.sort()).toEqual(
      [
        'failed_AmazonOpenSearchService-failed/',
        'failed_AmazonOpenSearchService_failed/',
        'failed_elasticsearch-failed/',
        'failed_elasticsearch_failed/',
      ].sort()
    );
    expect(listing.records).toBe(7);
    expect(listing.groups.map((g) => [g.errorCode, g.count, g.kind])).toEqual([
      ['400', 5, 'mapping'],
      ['403', 2, 'access'],
    ]);
    expect(listing.groups[0].indices).toEqual([day, 'someone-else']);
    expect(listing.groups[0].firstArrival).toBeDefined();
    expect(listing.corrupt).toHaveLength(3);
  });

  it('list --bucket --prefix reads the same place without the stream', async () => {
    const { out } = await runCli([
      'failed-records',
      'list',
      '--bucket',
      pipeline.bucket,
      '--prefix',
      'failed_',
      '--json',
    ]);
    expect((JSON.parse(out) as FailedRecordsListing).records).toBe(7);
  });

  it('list --since after every record finds nothing (exit 1 for the corrupt objects only)', async () => {
    const { out } = await runCli([
      'failed-records',
      'list',
      '--stream',
      pipeline.streamName,
      '--since',
      '2099-01-01',
      '--json',
    ]);
    expect((JSON.parse(out) as FailedRecordsListing).records).toBe(0);
  });

  it('show prints one group with its sample document', async () => {
    const { code, out } = await runCli([
      'failed-records',
      'show',
      '2',
      '--stream',
      pipeline.streamName,
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/Group 2 of 2: 2 records \(access\)/);
    expect(out).toMatch(/"event_type": "_email.send"/);
    const json = await runCli([
      'failed-records',
      'show',
      '1',
      '--stream',
      pipeline.streamName,
      '--json',
    ]);
    expect(JSON.parse(json.out).count).toBe(5);
  });

  it('replay writes each record into esIndexName; a second replay writes nothing twice', async () => {
    const args = [
      'failed-records',
      'replay',
      '--stream',
      pipeline.streamName,
      '--opensearch',
      os,
      '--index-prefix',
      archive,
      '--yes',
      '--json',
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const s1 = (JSON.parse(first.out) as { summary: ReplaySummary }).summary;
    expect([s1.written, s1.alreadyPresent, s1.failedAgain, s1.skipped]).toEqual([6, 0, 0, 1]);
    expect(s1.skippedReasons[0].reason).toMatch(/outside the archive/);
    expect(await count(day)).toBe(4);
    expect(await count(other)).toBe(2);

    const second = await runCli(args);
    const s2 = (JSON.parse(second.out) as { summary: ReplaySummary }).summary;
    expect([s2.written, s2.alreadyPresent]).toEqual([0, 6]);
    expect(await count(day)).toBe(4);
  });

  it('replay --error-code only replays that group; the text summary says what was written', async () => {
    const { code, out } = await runCli([
      'failed-records',
      'replay',
      '--stream',
      pipeline.streamName,
      '--opensearch',
      os,
      '--index-prefix',
      archive,
      '--error-code',
      '403',
      '--yes',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/Replay finished: 0 written, 2 already present, 0 failed again/);
  });

  it('--help shows examples', async () => {
    const { code, out } = await runCli(['failed-records', 'replay', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Examples:/);
    expect(out).toMatch(/--aws-sigv4/);
  });
});

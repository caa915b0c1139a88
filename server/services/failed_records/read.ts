/**
 * Reading every failed-record file under the places found: list, fetch (a few at a time), decode with the
 * wiring check's decoder, and keep what cannot be decoded as a corrupt object with the reason, never a crash.
 * Records are filtered by arrival time when asked.
 */
import type { CorruptObject } from '../../../common/failed_records';
import type { AwsPorts } from '../../aws/client_factory';
import { decodeFailedRecords, type FailedRecord } from '../wiring/failed_record_decode';
import type { FailedRecordsPlace } from './source';

export interface FailedFile {
  key: string;
  records: FailedRecord[];
}

export interface ReadResult {
  files: FailedFile[];
  corrupt: CorruptObject[];
}

export interface ReadOptions {
  since?: number;
  until?: number;
  /** At most this many files (newest kept); default 100,000. */
  maxFiles?: number;
  concurrency?: number;
  onFile?: (done: number, total: number) => void;
}

/** Firehose files are at most 128 MiB before compression; a larger object is not one of them. */
const MAX_OBJECT_BYTES = 256 * 1024 * 1024;
const CALL = { timeoutMs: 60_000 };

function isRecord(r: FailedRecord): boolean {
  return (
    typeof r.rawData === 'string' && (r.errorCode !== undefined || r.errorMessage !== undefined)
  );
}

function inRange(r: FailedRecord, since?: number, until?: number): boolean {
  const t = Number(r.arrivalTimestamp ?? r.attemptEndingTimestamp ?? NaN);
  if (!Number.isFinite(t)) return since === undefined && until === undefined;
  return (since === undefined || t >= since) && (until === undefined || t < until);
}

export async function readFailedRecords(
  aws: AwsPorts,
  place: FailedRecordsPlace,
  options: ReadOptions = {}
): Promise<ReadResult> {
  const limit = options.maxFiles ?? 100_000;
  const listed = (
    await Promise.all(
      place.prefixes.map((prefix) =>
        aws.s3.listObjects({ bucket: place.bucket, prefix, limit }, CALL)
      )
    )
  )
    .flat()
    .filter((o) => !o.key.endsWith('/'));
  const files: FailedFile[] = [];
  const corrupt: CorruptObject[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < listed.length) {
      const object = listed[next++];
      try {
        const bytes = await aws.s3.getObjectHead(place.bucket, object.key, MAX_OBJECT_BYTES, CALL);
        let records: FailedRecord[];
        try {
          records = decodeFailedRecords(bytes);
        } catch (error) {
          corrupt.push({
            key: object.key,
            reason: `cannot decompress: ${(error as Error).message}`,
          });
          continue;
        }
        const valid = records.filter(isRecord);
        if (valid.length === 0) {
          corrupt.push({
            key: object.key,
            reason: records.length
              ? 'JSON but no failed records (no errorCode/rawData)'
              : 'not failed-record JSON',
          });
          continue;
        }
        if (valid.length < records.length)
          corrupt.push({
            key: object.key,
            reason: `${records.length - valid.length} objects are not failed records`,
          });
        files.push({
          key: object.key,
          records: valid.filter((r) => inRange(r, options.since, options.until)),
        });
      } finally {
        done += 1;
        options.onFile?.(done, listed.length);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 8, listed.length) }, worker)
  );
  files.sort((a, b) => a.key.localeCompare(b.key));
  corrupt.sort((a, b) => a.key.localeCompare(b.key));
  return { files, corrupt };
}

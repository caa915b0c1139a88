/**
 * Failed records: what Firehose backed up to S3 when OpenSearch refused a document, grouped for a person to read
 * and replayed once the cause is fixed. Types and the pure validation of a request, shared by the route, the CLI
 * and the app.
 */
import { parseFirehoseStream, validatePinpointAppId, validateRegion } from './aws_validation';
import { API_BASE } from './constants';
import { validateIndexPrefix } from './index_naming';
import { InvalidInputError, type Json, asObject, rejectUnknownKeys } from './validation';

export const FAILED_RECORDS_PATHS = {
  /** POST FailedRecordsRequest: the grouped listing. */
  list: `${API_BASE}/failed_records`,
  /** POST FailedRecordsRequest + errorCode?: replay, then {listing, summary}. */
  replay: `${API_BASE}/failed_records/replay`,
} as const;

export type FailureKind = 'mapping' | 'access' | 'capacity' | 'other';

export interface FailedRecordsRequest {
  region: string;
  /** The delivery stream (name or ARN): its S3 backup names the bucket and prefix. */
  stream?: string;
  /** A Pinpoint project: its event stream names the delivery stream (while Pinpoint still answers). */
  appId?: string;
  bucket?: string;
  /** The backup prefix (failed folders are found under it) or the failed folder itself. */
  prefix?: string;
  /** Records whose arrival time falls in [since, until) (epoch ms). */
  since?: number;
  until?: number;
  /** The archive's index prefix: records meant for any other index are never replayed. */
  indexPrefix: string;
}

export interface FailedRecordGroup {
  errorCode: string;
  errorMessage: string;
  kind: FailureKind;
  count: number;
  /** The indices Firehose meant (esIndexName), most frequent first. */
  indices: string[];
  firstArrival?: string;
  lastArrival?: string;
  sampleKey: string;
  sampleDocument: Json;
  fix: string;
}

export interface CorruptObject {
  key: string;
  reason: string;
}

export interface FailedRecordsListing {
  region: string;
  bucket: string;
  prefixes: string[];
  files: number;
  records: number;
  corrupt: CorruptObject[];
  groups: FailedRecordGroup[];
  firstArrival?: string;
  lastArrival?: string;
}

export interface ReplayOutcome {
  index: string;
  written: number;
  alreadyPresent: number;
  failedAgain: number;
}

export interface ReplaySummary {
  records: number;
  written: number;
  alreadyPresent: number;
  failedAgain: number;
  /** Records not sent: meant for an index outside the archive, or undecodable. */
  skipped: number;
  skippedReasons: Array<{ reason: string; count: number }>;
  byIndex: ReplayOutcome[];
  /** Why the documents that failed again failed, grouped. */
  failures: Array<{ type: string; reason: string; count: number; index: string }>;
  durationMs: number;
  docsPerSecond: number;
}

/** S3 bucket naming rules (general purpose buckets). */
export function validateBucketName(value: unknown, what = 'bucket'): string {
  if (typeof value !== 'string' || value === '')
    throw new InvalidInputError(`${what} must be a bucket name`);
  const name = value.startsWith('arn:') ? value.replace(/^arn:[^:]+:s3:::/, '') : value;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes('..'))
    throw new InvalidInputError(
      `${what} "${value}" is not an S3 bucket name (3-63 lowercase letters, digits, "." and "-")`
    );
  return name;
}

export function validateS3Prefix(value: unknown, what = 'prefix'): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  if (value.length > 1024) throw new InvalidInputError(`${what} is longer than S3's 1024 bytes`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f]/.test(value))
    throw new InvalidInputError(`${what} holds control characters`);
  if (value.startsWith('/'))
    throw new InvalidInputError(`${what} "${value}" must not start with "/" (S3 keys have none)`);
  // Used as given: Firehose prefixes need not end in "/" (failed_ + AmazonOpenSearchService-failed/).
  return value;
}

const RELATIVE = /^(\d{1,5})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** An ISO-8601 time, epoch ms, or a relative `30m` / `24h` / `7d` / `2w` before `now`. */
export function parseTimeArg(value: unknown, what: string, now: Date = new Date()): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidInputError(`${what} must be a time (2026-11-25T10:00Z, epoch ms or 24h / 7d)`);
  const v = value.trim();
  const rel = RELATIVE.exec(v);
  if (rel) return now.getTime() - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS];
  if (/^\d{10,13}$/.test(v)) return Number(v.length === 10 ? `${v}000` : v);
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (Number.isFinite(t)) return t;
  }
  throw new InvalidInputError(
    `${what} "${v}" is not a time; use ISO-8601 (2026-11-25 or 2026-11-25T10:00Z), epoch ms, or 30m / 24h / 7d / 2w ago`
  );
}

const KEYS = [
  'region',
  'stream',
  'appId',
  'bucket',
  'prefix',
  'since',
  'until',
  'indexPrefix',
] as const;

export interface ReplayRequest extends FailedRecordsRequest {
  errorCode?: string;
}

export function parseReplayRequest(data: unknown, now: Date = new Date()): ReplayRequest {
  const obj = asObject(data, 'replay request');
  const { errorCode, ...rest } = obj;
  if (
    errorCode !== undefined &&
    (typeof errorCode !== 'string' || !/^[\w.:-]{1,64}$/.test(errorCode))
  )
    throw new InvalidInputError('errorCode must be an error code from the listing (e.g. 400)');
  return { ...parseFailedRecordsRequest(rest, now), errorCode: errorCode as string | undefined };
}

export function parseFailedRecordsRequest(
  data: unknown,
  now: Date = new Date()
): FailedRecordsRequest {
  const obj = asObject(data, 'failed-records request');
  rejectUnknownKeys(obj, KEYS, 'failed-records request');
  const stream =
    obj.stream === undefined || obj.stream === ''
      ? undefined
      : parseFirehoseStream(obj.stream, 'stream');
  const region = validateRegion(obj.region ?? stream?.region, 'region');
  const bucket =
    obj.bucket === undefined || obj.bucket === ''
      ? undefined
      : validateBucketName(obj.bucket, 'bucket');
  const appId =
    obj.appId === undefined || obj.appId === ''
      ? undefined
      : validatePinpointAppId(obj.appId, 'appId');
  if (!stream && !bucket && !appId)
    throw new InvalidInputError(
      'say where the failed records are: a delivery stream (--stream), a Pinpoint project (--app-id) or a bucket (--bucket [--prefix])'
    );
  const since =
    obj.since === undefined || obj.since === '' ? undefined : parseTimeArg(obj.since, 'since', now);
  const until =
    obj.until === undefined || obj.until === '' ? undefined : parseTimeArg(obj.until, 'until', now);
  if (since !== undefined && until !== undefined && since >= until)
    throw new InvalidInputError('since must be before until');
  return {
    region,
    stream: stream?.arn ?? stream?.name,
    appId,
    bucket,
    prefix: obj.prefix === undefined ? undefined : validateS3Prefix(obj.prefix, 'prefix'),
    since,
    until,
    indexPrefix: validateIndexPrefix(obj.indexPrefix ?? 'pinpoint', 'index prefix'),
  };
}

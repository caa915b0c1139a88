/**
 * Hop 5: documents OpenSearch refused, as Firehose backed them up to S3. Mapping conflicts and 403s show up
 * here and nowhere else. Firehose has spelled the folder four ways over the years, and an ErrorOutputPrefix
 * replaces it, so every spelling is listed. The newest files are read (first bytes only), decoded and grouped
 * by errorCode/errorMessage with one sample document per group.
 */
import type { Json } from '../../../common/validation';
import type { ObjectSummary } from '../../aws/s3';
import { SKIP } from './catalogue';
import { type HopContext, isAwsError, readFailure } from './context';
import type { FailedRecordsFacts } from './facts';
import { decodeFailedRecords, type FailedGroup, groupFailures } from './failed_record_decode';
import type { HopBuilder } from './hop_builder';
import { judgeFailedRecords } from './judgements/delivery';
import type { StreamInfo } from './stream_info';

export const FAILED_FOLDERS = [
  'AmazonOpenSearchService-failed/',
  'AmazonOpenSearchService_failed/',
  'elasticsearch-failed/',
  'elasticsearch_failed/',
] as const;

const WINDOW_DAYS = 7;
const RECENT_MS = 24 * 3_600_000;
const LIST_LIMIT = 1000;
const FILES_READ = 5;
const BYTES_PER_FILE = 256 * 1024;
/** Folders read under the S3 prefix when looking for the failed folder (a bucket root may hold many). */
const FOLDER_LIMIT = 2000;

const pad = (n: number) => String(n).padStart(2, '0');
/** Firehose's YYYY/MM/DD/HH folders (UTC). */
export function hourFolder(date: Date): string {
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${pad(date.getUTCHours())}/`;
}

interface Place {
  prefix: string;
  /** True when YYYY/MM/DD/HH/ folders follow the prefix, so StartAfter can skip old days. */
  dated: boolean;
}

/**
 * Where failed documents may be: each spelling of the failed folder under the S3 prefix (only those that
 * exist, found with one delimiter listing), and the static start of ErrorOutputPrefix.
 */
export async function failedPlaces(ctx: HopContext, info: StreamInfo): Promise<Place[]> {
  const places: Place[] = [];
  if (info.errorOutputPrefix) {
    // Firehose writes failed documents only there once an ErrorOutputPrefix is set.
    const expanded = info.errorOutputPrefix.includes('!{firehose:error-output-type}')
      ? FAILED_FOLDERS.map((f) =>
          info.errorOutputPrefix!.replace('!{firehose:error-output-type}', f.slice(0, -1))
        )
      : [info.errorOutputPrefix];
    for (const prefix of expanded) places.push({ prefix: prefix.split('!{')[0], dated: false });
  } else {
    const folders = new Set(
      await ctx
        .aws(info.region)
        .s3.listFolders(info.bucket ?? '', info.prefix, FOLDER_LIMIT, ctx.call)
    );
    for (const folder of FAILED_FOLDERS) {
      if (folders.has(`${info.prefix}${folder}`))
        places.push({ prefix: `${info.prefix}${folder}`, dated: true });
    }
  }
  const seen = new Set<string>();
  return places.filter((p) => (seen.has(p.prefix) ? false : (seen.add(p.prefix), true)));
}

async function listPlace(
  ctx: HopContext,
  info: StreamInfo,
  place: Place
): Promise<ObjectSummary[]> {
  const s3 = ctx.aws(info.region).s3;
  const bucket = info.bucket ?? '';
  const weekAgo = new Date(ctx.now.getTime() - WINDOW_DAYS * 86_400_000);
  const startAfter = place.dated ? `${place.prefix}${hourFolder(weekAgo)}` : undefined;
  const found = await s3.listObjects(
    { bucket, prefix: place.prefix, startAfter, limit: LIST_LIMIT },
    ctx.call
  );
  if (found.length < LIST_LIMIT || !place.dated) return found;
  // A busy week: the first page is its oldest part, so read the last day separately for the newest files.
  const dayAgo = new Date(ctx.now.getTime() - RECENT_MS);
  const recent = await s3.listObjects(
    {
      bucket,
      prefix: place.prefix,
      startAfter: `${place.prefix}${hourFolder(dayAgo)}`,
      limit: LIST_LIMIT,
    },
    ctx.call
  );
  return [...found, ...recent];
}

function groupEvidence(groups: FailedGroup[]): Json {
  return groups.map((g) => ({
    errorCode: g.errorCode,
    errorMessage: g.errorMessage,
    count: g.count,
    kind: g.kind,
    index: g.index ?? null,
    sampleKey: g.sampleKey,
    sampleDocument: g.sampleDocument,
    fix: g.fix,
  }));
}

export async function checkFailedRecords(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo
): Promise<void> {
  const subject = info.name;
  if (!info.bucket) {
    hop.skip(SKIP.noBackupBucket, subject);
    return;
  }
  const facts: FailedRecordsFacts = {
    stream: info.name,
    region: info.region,
    bucket: info.bucket,
    prefixes: [],
    windowDays: WINDOW_DAYS,
    files: 0,
    more: false,
    recent: false,
    groups: [],
    missingBucket: false,
  };
  let places: Place[] = [];
  let objects: ObjectSummary[];
  try {
    places = await failedPlaces(ctx, info);
    objects = (await Promise.all(places.map((p) => listPlace(ctx, info, p)))).flat();
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.record(
        judgeFailedRecords({ ...facts, missingBucket: true, error: error.describe() }),
        subject
      );
      return;
    }
    hop.failure('failed_records.recent', readFailure(error), `list s3://${info.bucket}`, subject, {
      bucket: info.bucket,
    });
    return;
  }
  facts.prefixes = places.map((p) => p.prefix);
  if (objects.length === 0) {
    hop.record(judgeFailedRecords(facts), subject);
    return;
  }
  const newestFirst = [...objects].sort(
    (a, b) =>
      (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) ||
      b.key.localeCompare(a.key)
  );
  const newest = newestFirst[0];
  const s3 = ctx.aws(info.region).s3;
  let groups: FailedGroup[] = [];
  let readError: unknown;
  try {
    const heads = await Promise.all(
      newestFirst.slice(0, FILES_READ).map(async (o) => ({
        key: o.key,
        records: decodeFailedRecords(
          await s3.getObjectHead(info.bucket ?? '', o.key, BYTES_PER_FILE, ctx.call)
        ),
      }))
    );
    groups = groupFailures(heads);
  } catch (error) {
    readError = error;
  }
  hop.record(
    judgeFailedRecords({
      ...facts,
      files: objects.length,
      more: objects.length >= LIST_LIMIT,
      newestKey: newest.key,
      newestAt: newest.lastModified?.toISOString(),
      recent: newest.lastModified
        ? ctx.now.getTime() - newest.lastModified.getTime() < RECENT_MS
        : true,
      groups: groupEvidence(groups),
      firstFix: groups[0]?.fix,
      summary: groups.length
        ? groups
            .map((g) => `${g.count}× ${g.errorCode}: ${g.errorMessage.slice(0, 120)}`)
            .join('; ')
        : undefined,
      readError:
        readError === undefined
          ? undefined
          : isAwsError(readError)
            ? readError.describe()
            : String(readError),
    }),
    subject
  );
}

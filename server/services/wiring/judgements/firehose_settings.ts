/**
 * The delivery settings of a Firehose -> OpenSearch destination, judged against what the plugin expects and
 * what the seed walkthrough set: daily indices named `pinpoint-YYYY-MM-DD` (covered by the `pinpoint*`
 * template), a 1 MiB / 60 s buffer for freshness, retries, failed documents kept in S3, CloudWatch logging on.
 */
import { DEFAULT_INDEX_PREFIX } from '../../../../common/constants';
import {
  indexPatternTitle,
  matchesIndexPattern,
  rotatedIndexName,
  validateIndexPrefix,
} from '../../../../common/index_naming';
import { InvalidInputError } from '../../../../common/validation';
import type {
  BackupFacts,
  BufferingFacts,
  IndexNameFacts,
  LoggingFacts,
  RetryFacts,
  RotationFacts,
  StreamCoordinates,
} from '../facts';
import type { StreamInfo } from '../stream_info';
import { verdict } from './verdict';

import { SEED_INTERVAL_SECONDS, SEED_SIZE_MB } from '../seed_buffering';

export { SEED_INTERVAL_SECONDS, SEED_SIZE_MB };
/** Firehose's default interval; beyond it events arrive noticeably late. */
const LATE_INTERVAL_SECONDS = 300;
const MIN_RETRY_SECONDS = 60;
const DEFAULT_RETRY_SECONDS = 300;

export function coordinates(info: StreamInfo): StreamCoordinates {
  return {
    name: info.name,
    region: info.region,
    versionId: info.versionId,
    destinationId: info.destinationId,
    destType: info.destType,
  };
}

/** Today's and tomorrow's index names (now is a fact too: the judgement itself reads no clock). */
export function indexNameFacts(info: StreamInfo, now: Date): IndexNameFacts {
  const templatePattern = indexPatternTitle(DEFAULT_INDEX_PREFIX);
  const base = {
    stream: coordinates(info),
    indexName: info.indexName,
    rotation: info.rotation,
    templatePattern,
    covered: false,
  };
  try {
    validateIndexPrefix(info.indexName, 'IndexName');
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { ...base, invalid: error.message };
  }
  const todaysIndex = rotatedIndexName(info.indexName, now, info.rotation);
  const tomorrowsIndex = rotatedIndexName(
    info.indexName,
    new Date(now.getTime() + 86_400_000),
    info.rotation
  );
  const covered =
    matchesIndexPattern(todaysIndex, templatePattern) &&
    matchesIndexPattern(tomorrowsIndex, templatePattern);
  return { ...base, todaysIndex, tomorrowsIndex, covered };
}

export function judgeIndexName(f: IndexNameFacts) {
  if (f.invalid) return verdict('firehose.index_name', 'fail', 'invalid', f);
  return f.covered
    ? verdict('firehose.index_name', 'pass', 'covered', f)
    : verdict('firehose.index_name', 'fail', 'uncovered', f);
}

export function judgeRotation(f: RotationFacts) {
  switch (f.rotation) {
    case 'OneDay':
      return verdict('firehose.rotation', 'pass', 'daily', f);
    case 'NoRotation':
      return verdict('firehose.rotation', 'warn', 'none', f);
    case 'OneHour':
      return verdict('firehose.rotation', 'warn', 'hourly', f);
    default:
      return verdict('firehose.rotation', 'pass', 'coarse', f);
  }
}

export function judgeBuffering(f: BufferingFacts) {
  return f.intervalSeconds > LATE_INTERVAL_SECONDS
    ? verdict('firehose.buffering', 'warn', 'late', f)
    : verdict('firehose.buffering', 'pass', 'fresh', f);
}

export function retryFacts(info: StreamInfo): RetryFacts {
  return {
    stream: coordinates(info),
    durationInSeconds: info.retrySeconds ?? DEFAULT_RETRY_SECONDS,
  };
}

export function judgeRetry(f: RetryFacts) {
  return f.durationInSeconds < MIN_RETRY_SECONDS
    ? verdict('firehose.retry', 'warn', 'short', f)
    : verdict('firehose.retry', 'pass', 'enough', f);
}

export function judgeBackup(f: BackupFacts) {
  const hasPrefix = f.prefix !== '' || f.errorOutputPrefix !== undefined;
  if (f.s3BackupMode === 'FailedDocumentsOnly' && hasPrefix)
    return verdict('firehose.s3_backup', 'pass', 'failed_only', f);
  return f.s3BackupMode === 'AllDocuments'
    ? verdict('firehose.s3_backup', 'warn', 'all_documents', f)
    : verdict('firehose.s3_backup', 'warn', 'no_prefix', f);
}

export function judgeLogging(f: LoggingFacts) {
  return f.enabled
    ? verdict('firehose.logging', 'pass', 'on', f)
    : verdict('firehose.logging', 'warn', 'off', f);
}

/** All six settings of one destination, in reading order. */
export function judgeSettings(info: StreamInfo, now: Date) {
  const stream = coordinates(info);
  return [
    judgeIndexName(indexNameFacts(info, now)),
    judgeRotation({ stream, rotation: info.rotation }),
    judgeBuffering({ stream, intervalSeconds: info.intervalSeconds, sizeMb: info.sizeMb }),
    judgeRetry(retryFacts(info)),
    judgeBackup({
      stream,
      s3BackupMode: info.backupMode,
      bucket: info.bucket,
      prefix: info.prefix,
      errorOutputPrefix: info.errorOutputPrefix,
    }),
    judgeLogging({ stream, enabled: info.loggingEnabled, logGroup: info.logGroup }),
  ];
}

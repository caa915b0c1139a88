/**
 * The delivery settings of a Firehose -> OpenSearch destination, judged against what the plugin expects and
 * what the seed walkthrough set: daily indices named `pinpoint-YYYY-MM-DD` (covered by the `pinpoint*`
 * template), a 1 MiB / 60 s buffer for freshness, retries, failed documents kept in S3, CloudWatch logging on.
 */
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import {
  indexPatternTitle,
  matchesIndexPattern,
  rotatedIndexName,
  validateIndexPrefix,
} from '../../../common/index_naming';
import { InvalidInputError } from '../../../common/validation';
import type { HopContext } from './context';
import { FIREHOSE_CONSOLE, type StreamInfo, updateDestinationCli } from './stream_info';
import type { HopBuilder } from './hop_builder';

/** The seed's buffer: events show up within about a minute. */
export const SEED_INTERVAL_SECONDS = 60;
export const SEED_SIZE_MB = 1;
/** Firehose's default interval; beyond it events arrive noticeably late. */
const LATE_INTERVAL_SECONDS = 300;
const MIN_RETRY_SECONDS = 60;

function checkIndexName(ctx: HopContext, hop: HopBuilder, info: StreamInfo): void {
  const pattern = indexPatternTitle(DEFAULT_INDEX_PREFIX);
  const base = {
    id: 'index_name',
    title: 'Index names covered by the template',
    subject: info.name,
  };
  try {
    validateIndexPrefix(info.indexName, 'IndexName');
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    hop.add({
      ...base,
      status: 'fail',
      message: `${error.message}: OpenSearch refuses every document.`,
      evidence: { indexName: info.indexName },
      remedy: {
        summary: `Set IndexName to ${DEFAULT_INDEX_PREFIX}.`,
        cli: updateDestinationCli(info, { IndexName: DEFAULT_INDEX_PREFIX }),
      },
    });
    return;
  }
  const today = rotatedIndexName(info.indexName, ctx.now, info.rotation);
  const tomorrow = rotatedIndexName(
    info.indexName,
    new Date(ctx.now.getTime() + 86_400_000),
    info.rotation
  );
  const covered = matchesIndexPattern(today, pattern) && matchesIndexPattern(tomorrow, pattern);
  hop.add({
    ...base,
    status: covered ? 'pass' : 'fail',
    message: covered
      ? `Firehose writes to ${today} (then ${tomorrow}), which the ${pattern} template shapes.`
      : `Firehose writes to ${today}, which the ${pattern} template does not cover: arrival_timestamp is mapped as a number and the index pattern does not see it.`,
    evidence: {
      indexName: info.indexName,
      rotation: info.rotation,
      todaysIndex: today,
      templatePattern: pattern,
    },
    remedy: covered
      ? undefined
      : {
          summary: `Set the destination's IndexName to ${DEFAULT_INDEX_PREFIX} (index names then start with "${DEFAULT_INDEX_PREFIX}-").`,
          console: FIREHOSE_CONSOLE(info.name),
          cli: updateDestinationCli(info, { IndexName: DEFAULT_INDEX_PREFIX }),
        },
  });
}

function checkRotation(hop: HopBuilder, info: StreamInfo): void {
  const base = {
    id: 'rotation',
    title: 'Daily index rotation',
    subject: info.name,
    evidence: { rotation: info.rotation },
  };
  const remedy = {
    summary:
      'Rotate daily (OneDay): one index per day, and old days can be deleted when space runs out.',
    console: FIREHOSE_CONSOLE(info.name),
    cli: updateDestinationCli(info, { IndexRotationPeriod: 'OneDay' }),
  };
  switch (info.rotation) {
    case 'OneDay':
      hop.add({ ...base, status: 'pass', message: 'One index per day (OneDay), as recommended.' });
      return;
    case 'NoRotation':
      hop.add({
        ...base,
        status: 'warn',
        message:
          'NoRotation: everything goes to one index that only grows, and old data cannot be dropped by day.',
        remedy,
      });
      return;
    case 'OneHour':
      hop.add({
        ...base,
        status: 'warn',
        message: 'OneHour makes 24 indices a day: shards pile up fast.',
        remedy,
      });
      return;
    default:
      hop.add({
        ...base,
        status: 'pass',
        message: `${info.rotation}: works; OneDay is recommended for finer retention.`,
      });
  }
}

function checkBuffering(hop: HopBuilder, info: StreamInfo): void {
  const { intervalSeconds, sizeMb } = info;
  const evidence = {
    intervalSeconds,
    sizeMb,
    seed: `${SEED_SIZE_MB} MiB / ${SEED_INTERVAL_SECONDS} s`,
  };
  const base = { id: 'buffering', title: 'Buffering vs freshness', subject: info.name, evidence };
  const late = intervalSeconds > LATE_INTERVAL_SECONDS;
  hop.add({
    ...base,
    status: late ? 'warn' : 'pass',
    message: late
      ? `Events can take up to ${intervalSeconds} s (buffer ${sizeMb} MiB / ${intervalSeconds} s) to show in the dashboards.`
      : `Events show within about ${intervalSeconds} s (buffer ${sizeMb} MiB / ${intervalSeconds} s).`,
    remedy: late
      ? {
          summary: `Buffer ${SEED_SIZE_MB} MiB / ${SEED_INTERVAL_SECONDS} s for fresh dashboards.`,
          console: FIREHOSE_CONSOLE(info.name),
          cli: updateDestinationCli(info, {
            BufferingHints: { IntervalInSeconds: SEED_INTERVAL_SECONDS, SizeInMBs: SEED_SIZE_MB },
          }),
        }
      : undefined,
  });
}

function checkRetry(hop: HopBuilder, info: StreamInfo): void {
  const seconds = info.retrySeconds ?? 300;
  const short = seconds < MIN_RETRY_SECONDS;
  hop.add({
    id: 'retry',
    title: 'Retry duration',
    subject: info.name,
    status: short ? 'warn' : 'pass',
    message: short
      ? `Retries last ${seconds} s: a short cluster hiccup sends documents to the S3 backup instead of the index.`
      : `Firehose retries a failed delivery for ${seconds} s before backing the documents up to S3.`,
    evidence: { durationInSeconds: seconds },
    remedy: short
      ? {
          summary: 'Retry for 300 s (the default).',
          cli: updateDestinationCli(info, { RetryOptions: { DurationInSeconds: 300 } }),
        }
      : undefined,
  });
}

function checkBackup(hop: HopBuilder, info: StreamInfo): void {
  const evidence = {
    s3BackupMode: info.backupMode,
    bucket: info.bucket,
    prefix: info.prefix,
    errorOutputPrefix: info.errorOutputPrefix,
  };
  const base = {
    id: 's3_backup',
    title: 'Failed documents kept in S3',
    subject: info.name,
    evidence,
  };
  const hasPrefix = info.prefix !== '' || info.errorOutputPrefix !== undefined;
  if (info.backupMode === 'FailedDocumentsOnly' && hasPrefix) {
    hop.add({
      ...base,
      status: 'pass',
      message: `Documents OpenSearch refuses are kept in s3://${info.bucket}/${info.errorOutputPrefix ?? info.prefix}.`,
    });
    return;
  }
  hop.add({
    ...base,
    status: 'warn',
    message:
      info.backupMode === 'AllDocuments'
        ? 'Every document is also copied to S3 (AllDocuments): storage doubles; failed documents are still there under the failed prefix.'
        : 'Failed documents go to the bucket root, mixed with anything else there: set a prefix so they can be found and re-driven.',
    remedy: {
      summary: 'Back up failed documents only, under a prefix such as failed_ (the seed’s choice).',
      console: FIREHOSE_CONSOLE(info.name),
    },
  });
}

function checkLogging(hop: HopBuilder, info: StreamInfo): void {
  hop.add({
    id: 'logging',
    title: 'CloudWatch error logging',
    subject: info.name,
    status: info.loggingEnabled ? 'pass' : 'warn',
    message: info.loggingEnabled
      ? `Delivery errors are logged to ${info.logGroup ?? 'CloudWatch Logs'}.`
      : 'Delivery errors are not logged: a failing delivery shows only as failed documents in S3.',
    evidence: { enabled: info.loggingEnabled, logGroup: info.logGroup },
    remedy: info.loggingEnabled
      ? undefined
      : {
          summary: 'Turn on error logging for the destination.',
          console: FIREHOSE_CONSOLE(info.name),
          cli: updateDestinationCli(info, {
            CloudWatchLoggingOptions: {
              Enabled: true,
              LogGroupName: `/aws/kinesisfirehose/${info.name}`,
              LogStreamName: 'DestinationDelivery',
            },
          }),
        },
  });
}

export function checkSettings(ctx: HopContext, hop: HopBuilder, info: StreamInfo): void {
  checkIndexName(ctx, hop, info);
  checkRotation(hop, info);
  checkBuffering(hop, info);
  checkRetry(hop, info);
  checkBackup(hop, info);
  checkLogging(hop, info);
}

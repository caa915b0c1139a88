/**
 * Wording of the Firehose hop: the stream itself, where it delivers, and its delivery settings judged against
 * what the plugin expects (daily `pinpoint-YYYY-MM-DD` indices, a 1 MiB / 60 s buffer, retries, failed
 * documents in S3 under a prefix, error logging on).
 */
import { DEFAULT_INDEX_PREFIX } from '../../../../common/constants';
import type {
  BackupFacts,
  BufferingFacts,
  ClusterMatchFacts,
  IndexNameFacts,
  LoggingFacts,
  RetryFacts,
  RotationFacts,
  StreamDestinationFacts,
  StreamExistsFacts,
  StreamNamedFacts,
  StreamSourceFacts,
  StreamStatusFacts,
} from '../facts';
import { SEED_INTERVAL_SECONDS, SEED_SIZE_MB } from '../seed_buffering';
import { firehoseConsole, updateDestinationCli } from './commands';
import { forReasons, wording } from './wording';

const rotateDaily = (f: RotationFacts) => ({
  text: 'Rotate daily (OneDay): one index per day, and old days can be deleted when space runs out.',
  console: firehoseConsole(f.stream.name),
  command: updateDestinationCli(f.stream, { IndexRotationPeriod: 'OneDay' }),
});

export const FIREHOSE_CHECKS = {
  'firehose.stream_named': wording<StreamNamedFacts>()({
    title: 'Stream to check',
    message: {
      unknown: () =>
        'Pinpoint no longer answers, so the Firehose stream cannot be found from the event stream.',
      unreadable: () =>
        'The event streams could not be read (see the Pinpoint event stream hop), so the Firehose stream is not known.',
    },
    remedy: forReasons(['unknown', 'unreadable'], () => ({
      text: 'Give the Firehose delivery stream name (firehoseStream, or --firehose-stream) to check it and the hops after it.',
    })),
  }),

  'firehose.exists': wording<StreamExistsFacts>()({
    title: 'Stream exists',
    message: {
      exists: (f) => `${f.arn}`,
      missing: (f) => `There is no Firehose stream ${f.name} in ${f.region}.`,
      other_account: (f) =>
        `The stream was given as an ARN in account ${f.askedAccount}, but the check runs as account ${f.callerAccount}: Firehose describes only the caller's own streams, so it is not checked (rather than checking a same-named stream of another account).`,
    },
    remedy: {
      missing: () => ({
        text: 'Create a Direct PUT stream with an Amazon OpenSearch Service destination (daily rotation, failed documents to S3), then point the event stream at it.',
        console:
          'Amazon Data Firehose console → Create Firehose stream → Source: Direct PUT → Destination: Amazon OpenSearch Service',
      }),
      other_account: (f) => ({
        text: `Run the check with credentials of account ${f.askedAccount} (the CLI with that account's profile or --role-arn; on the server, a role of that account an administrator allowed).`,
      }),
    },
  }),

  'firehose.status': wording<StreamStatusFacts>()({
    title: 'Stream is ACTIVE',
    message: {
      active: () => 'The stream accepts records.',
      creating: (f) => `The stream is ${f.status}.`,
      broken: (f) => `The stream is ${f.status}${f.failure ? `: ${f.failure}` : ''}.`,
    },
    remedy: {
      broken: (f) => ({
        text: 'Delete and recreate the stream with the failure fixed.',
        console: firehoseConsole(f.name),
      }),
    },
  }),

  'firehose.source': wording<StreamSourceFacts>()({
    title: 'Source is Direct PUT',
    message: {
      direct: () => 'Direct PUT: Pinpoint writes to it with PutRecordBatch.',
      from_pinpoint: (f) =>
        `Reads the Kinesis data stream Pinpoint writes to (${f.kinesisSource}).`,
      wrong: (f) =>
        `The source is ${f.deliveryStreamType}${f.kinesisSource ? ` (${f.kinesisSource})` : ''}: Pinpoint's PutRecordBatch is refused by such a stream.`,
    },
    remedy: {
      wrong: () => ({
        text: 'The source cannot be changed: create a Direct PUT stream and point the event stream at it.',
      }),
    },
  }),

  'firehose.destination': wording<StreamDestinationFacts>()({
    title: 'Destination is OpenSearch',
    message: {
      opensearch: () => 'Amazon OpenSearch Service destination.',
      elasticsearch: () => 'Elasticsearch destination (the older name of the same service).',
      serverless: () =>
        'The stream delivers to an OpenSearch Serverless collection, not to a domain these dashboards can check.',
      other: (f) => `The stream delivers to ${f.destination}, not to an OpenSearch domain.`,
    },
    remedy: forReasons(['serverless', 'other'], () => ({
      text: 'Create a stream whose destination is Amazon OpenSearch Service and point the event stream at it.',
    })),
  }),

  'firehose.domain': wording<ClusterMatchFacts>()({
    title: 'Delivers to this cluster',
    message: {
      not_asked: (f) =>
        `The stream delivers to domain ${f.askedDomain?.startsWith('arn:') ? f.domainArn : f.domainName}, not to ${f.askedDomain}.`,
      no_cluster: () => 'No cluster to compare with.',
      cluster_unreadable: (f) => `Could not read this cluster's name: ${f.clusterError}`,
      unmanaged_name: (f) =>
        `This cluster's name "${f.clusterName}" is not an Amazon OpenSearch Service "<account>:<domain>" name, so whether the stream delivers here cannot be told.`,
      endpoint_only: (f) =>
        `The stream names an endpoint (${f.clusterEndpoint}), not a domain; this cluster is ${f.clusterName}.`,
      match: (f) =>
        `Domain ${f.domainName} is the cluster these dashboards read (${f.clusterName}).`,
      mismatch: (f) =>
        `The stream delivers to ${f.domainAccount}:${f.domainName}, but these dashboards read ${f.clusterName}.`,
    },
    remedy: {
      not_asked: (f) => ({
        text: `Point the stream at ${f.askedDomain} (a new stream: the domain cannot be changed in place).`,
      }),
      mismatch: () => ({
        text: 'Open these dashboards on the stream’s domain, or create a stream that delivers to this one.',
      }),
    },
  }),

  'firehose.index_name': wording<IndexNameFacts>()({
    title: 'Index names covered by the template',
    message: {
      invalid: (f) => `${f.invalid}: OpenSearch refuses every document.`,
      covered: (f) =>
        `Firehose writes to ${f.todaysIndex} (then ${f.tomorrowsIndex}), which the ${f.templatePattern} template shapes.`,
      uncovered: (f) =>
        `Firehose writes to ${f.todaysIndex}, which the ${f.templatePattern} template does not cover: arrival_timestamp is mapped as a number and the index pattern does not see it.`,
    },
    remedy: {
      invalid: (f) => ({
        text: `Set IndexName to ${DEFAULT_INDEX_PREFIX}.`,
        command: updateDestinationCli(f.stream, { IndexName: DEFAULT_INDEX_PREFIX }),
      }),
      uncovered: (f) => ({
        text: `Set the destination's IndexName to ${DEFAULT_INDEX_PREFIX} (index names then start with "${DEFAULT_INDEX_PREFIX}-").`,
        console: firehoseConsole(f.stream.name),
        command: updateDestinationCli(f.stream, { IndexName: DEFAULT_INDEX_PREFIX }),
      }),
    },
  }),

  'firehose.rotation': wording<RotationFacts>()({
    title: 'Daily index rotation',
    message: {
      daily: () => 'One index per day (OneDay), as recommended.',
      none: () =>
        'NoRotation: everything goes to one index that only grows, and old data cannot be dropped by day.',
      hourly: () => 'OneHour makes 24 indices a day: shards pile up fast.',
      coarse: (f) => `${f.rotation}: works; OneDay is recommended for finer retention.`,
    },
    remedy: { none: rotateDaily, hourly: rotateDaily },
  }),

  'firehose.buffering': wording<BufferingFacts>()({
    title: 'Buffering vs freshness',
    message: {
      fresh: (f) =>
        `Events show within about ${f.intervalSeconds} s (buffer ${f.sizeMb} MiB / ${f.intervalSeconds} s).`,
      late: (f) =>
        `Events can take up to ${f.intervalSeconds} s (buffer ${f.sizeMb} MiB / ${f.intervalSeconds} s) to show in the dashboards.`,
    },
    remedy: {
      late: (f) => ({
        text: `Buffer ${SEED_SIZE_MB} MiB / ${SEED_INTERVAL_SECONDS} s for fresh dashboards.`,
        console: firehoseConsole(f.stream.name),
        command: updateDestinationCli(f.stream, {
          BufferingHints: { IntervalInSeconds: SEED_INTERVAL_SECONDS, SizeInMBs: SEED_SIZE_MB },
        }),
      }),
    },
  }),

  'firehose.retry': wording<RetryFacts>()({
    title: 'Retry duration',
    message: {
      enough: (f) =>
        `Firehose retries a failed delivery for ${f.durationInSeconds} s before backing the documents up to S3.`,
      short: (f) =>
        `Retries last ${f.durationInSeconds} s: a short cluster hiccup sends documents to the S3 backup instead of the index.`,
    },
    remedy: {
      short: (f) => ({
        text: 'Retry for 300 s (the default).',
        command: updateDestinationCli(f.stream, { RetryOptions: { DurationInSeconds: 300 } }),
      }),
    },
  }),

  'firehose.s3_backup': wording<BackupFacts>()({
    title: 'Failed documents kept in S3',
    message: {
      failed_only: (f) =>
        `Documents OpenSearch refuses are kept in s3://${f.bucket}/${f.errorOutputPrefix ?? f.prefix}.`,
      all_documents: () =>
        'Every document is also copied to S3 (AllDocuments): storage doubles; failed documents are still there under the failed prefix.',
      no_prefix: () =>
        'Failed documents go to the bucket root, mixed with anything else there: set a prefix so they can be found and re-driven.',
    },
    remedy: forReasons(['all_documents', 'no_prefix'], (f: BackupFacts) => ({
      text: 'Back up failed documents only, under a prefix such as failed_ (the seed’s choice).',
      console: firehoseConsole(f.stream.name),
    })),
  }),

  'firehose.logging': wording<LoggingFacts>()({
    title: 'CloudWatch error logging',
    message: {
      on: (f) => `Delivery errors are logged to ${f.logGroup ?? 'CloudWatch Logs'}.`,
      off: () =>
        'Delivery errors are not logged: a failing delivery shows only as failed documents in S3.',
    },
    remedy: {
      off: (f) => ({
        text: 'Turn on error logging for the destination.',
        console: firehoseConsole(f.stream.name),
        command: updateDestinationCli(f.stream, {
          CloudWatchLoggingOptions: {
            Enabled: true,
            LogGroupName: `/aws/kinesisfirehose/${f.stream.name}`,
            LogStreamName: 'DestinationDelivery',
          },
        }),
      }),
    },
  }),
} as const;

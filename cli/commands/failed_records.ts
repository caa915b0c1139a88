/**
 * `failed-records list|show|replay`: the documents OpenSearch refused, as Firehose backed them up to S3. The
 * bucket and prefix come from the delivery stream (--stream) or are given (--bucket, --prefix). list groups
 * them by error; show prints one group in full with its sample; replay writes them into the indices Firehose
 * meant, idempotently, after asking. AWS credentials, region and endpoint follow the SDK's environment.
 */
import type { Command } from 'commander';
import {
  type FailedRecordsListing,
  type FailedRecordsRequest,
  type ReplaySummary,
  parseFailedRecordsRequest,
} from '../../common/failed_records';
import { InvalidInputError } from '../../common/validation';
import { AwsClientFactory } from '../../server/aws/client_factory';
import {
  listFailedRecords,
  loadFailedRecords,
  replayFailedRecords,
} from '../../server/services/failed_records';
import { DEFAULT_OPENSEARCH_URL, createOpenSearchClient, parseServiceUrl } from '../connection';
import {
  addConnectionOptions,
  connectionSettings,
  type ConnectionFlags,
} from '../connection_flags';
import { warnInsecure } from '../connection_help';
import { askHidden } from '../connection_prompt';
import { EXIT } from '../exit';
import { colours, colourEnabled, type Colours } from '../output/colour';
import { formatCount, startProgress } from '../output/progress';
import { confirm } from '../prompt';
import type { CliIo } from '../io';

interface FailedFlags extends ConnectionFlags {
  region?: string;
  stream?: string;
  appId?: string;
  bucket?: string;
  prefix?: string;
  since?: string;
  until?: string;
  indexPrefix: string;
  opensearch: string;
  json?: boolean;
  yes?: boolean;
  errorCode?: string;
}

const EXAMPLES = `
Examples:
  pinpoint-dashboards failed-records list --region us-east-1 --stream pinpoint-to-opensearch
  pinpoint-dashboards failed-records list --region us-east-1 --bucket my-backup --prefix firehose/ --since 7d
  pinpoint-dashboards failed-records show 1 --region us-east-1 --stream pinpoint-to-opensearch
  pinpoint-dashboards failed-records replay --region us-east-1 --stream pinpoint-to-opensearch \\
      --opensearch https://search-x.us-east-1.es.amazonaws.com --aws-sigv4 --yes
Exit codes: 0 nothing failed (replay: everything written), 1 failed records found (replay: some failed again),
2 usage, AWS or connection error.
`;

function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--region <region>', 'AWS region of the stream and bucket (default: AWS_REGION)')
    .option('--stream <name|arn>', 'Firehose delivery stream: its S3 backup is read')
    .option('--app-id <id>', "Pinpoint project: its event stream's delivery stream is read")
    .option('--bucket <name>', 'the backup bucket (instead of --stream)')
    .option('--prefix <prefix>', 'S3 prefix of the backup (or of the failed folder itself)')
    .option('--since <time>', 'only records that arrived since (ISO time, epoch ms, or 24h / 7d)')
    .option('--until <time>', 'only records that arrived before')
    .option(
      '--index-prefix <prefix>',
      'the archive: records for other indices are never replayed',
      'pinpoint'
    )
    .option('--json', 'print the result as JSON')
    .addHelpText('after', EXAMPLES);
}

function requestOf(flags: FailedFlags): FailedRecordsRequest {
  return parseFailedRecordsRequest({
    region: flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
    stream: flags.stream,
    appId: flags.appId,
    bucket: flags.bucket,
    prefix: flags.prefix,
    since: flags.since,
    until: flags.until,
    indexPrefix: flags.indexPrefix,
  });
}

function where(l: FailedRecordsListing): string {
  return `s3://${l.bucket}/${l.prefixes.length === 1 ? l.prefixes[0] : `{${l.prefixes.join(',')}}`}`;
}

export function formatListing(l: FailedRecordsListing, c: Colours): string {
  const lines: string[] = [];
  const range = l.firstArrival ? ` from ${l.firstArrival} to ${l.lastArrival}` : '';
  lines.push(
    l.records === 0
      ? c.green(`No failed records in ${where(l)} (${l.files} files).`)
      : `${c.bold(formatCount(l.records))} failed records in ${l.files} files in ${where(l)}${range}:`
  );
  l.groups.forEach((g, i) => {
    lines.push(
      `  ${c.bold(String(i + 1))}. ${c.red(`${formatCount(g.count)}×`)} ${c.yellow(g.errorCode)} ${g.errorMessage.slice(0, 160)}`
    );
    lines.push(
      c.dim(
        `     ${g.kind}; ${g.firstArrival ?? '?'} .. ${g.lastArrival ?? '?'}; into ${g.indices.slice(0, 3).join(', ')}${g.indices.length > 3 ? ` +${g.indices.length - 3}` : ''}`
      )
    );
    lines.push(`     fix: ${g.fix}`);
  });
  for (const bad of l.corrupt) lines.push(c.yellow(`  unreadable: ${bad.key}: ${bad.reason}`));
  if (l.records > 0)
    lines.push(
      c.dim('Details: failed-records show <n>. Once fixed: failed-records replay (idempotent).')
    );
  return `${lines.join('\n')}\n`;
}

function formatGroup(l: FailedRecordsListing, n: number, c: Colours): string {
  const g = l.groups[n - 1];
  return (
    [
      `${c.bold(`Group ${n} of ${l.groups.length}`)}: ${formatCount(g.count)} records (${g.kind})`,
      `error code:    ${g.errorCode}`,
      `error message: ${g.errorMessage}`,
      `arrived:       ${g.firstArrival ?? '?'} .. ${g.lastArrival ?? '?'}`,
      `indices:       ${g.indices.join(', ')}`,
      `sample file:   s3://${l.bucket}/${g.sampleKey}`,
      `fix:           ${g.fix}`,
      'sample document:',
      JSON.stringify(g.sampleDocument, null, 2),
    ].join('\n') + '\n'
  );
}

export function formatReplay(s: ReplaySummary, c: Colours): string {
  const lines = [
    `${s.failedAgain ? c.yellow('Replay finished with failures') : c.green('Replay finished')}: ` +
      `${formatCount(s.written)} written, ${formatCount(s.alreadyPresent)} already present, ` +
      `${formatCount(s.failedAgain)} failed again, ${formatCount(s.skipped)} skipped ` +
      `(${formatCount(s.records)} records in ${(s.durationMs / 1000).toFixed(1)} s, ${formatCount(s.docsPerSecond)} docs/s)`,
  ];
  for (const o of s.byIndex)
    lines.push(
      `  ${o.index}: ${o.written} written, ${o.alreadyPresent} already present, ${o.failedAgain} failed again`
    );
  for (const f of s.failures)
    lines.push(c.red(`  failed again ${f.count}× in ${f.index}: ${f.type}: ${f.reason}`));
  for (const r of s.skippedReasons) lines.push(c.dim(`  skipped ${r.count}×: ${r.reason}`));
  return `${lines.join('\n')}\n`;
}

function parseGroupNumber(value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
    throw new InvalidInputError(`group "${value}" must be a number from the list (1, 2, ...)`);
  return Number(value);
}

export function registerFailedRecordsCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  const parent = program
    .command('failed-records')
    .description('List, inspect and replay the records Firehose could not deliver (its S3 backup)')
    .addHelpText('after', EXAMPLES);
  const c = () => colours(colourEnabled());
  const aws = () => {
    // The SDK's note about future Node versions is not something a user of this command can act on.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    return new AwsClientFactory({ requestTimeoutMs: 30_000 });
  };

  addSourceOptions(
    parent.command('list').description('Group the failed records by error, with counts and dates')
  ).action(async (flags: FailedFlags) => {
    const request = requestOf(flags);
    const factory = aws();
    try {
      const progress = startProgress(0, {
        label: 'reading S3',
        unit: 'files',
        enabled: !flags.json,
      });
      const listing = await listFailedRecords(request, {
        aws: factory,
        onRead: (done, total) => progress.update(done, total),
      });
      progress.stop();
      io.out(flags.json ? `${JSON.stringify(listing, null, 2)}\n` : formatListing(listing, c()));
      setExitCode(listing.records > 0 || listing.corrupt.length > 0 ? EXIT.findings : EXIT.ok);
    } finally {
      factory.destroy();
    }
  });

  addSourceOptions(
    parent
      .command('show <group>')
      .description('One group in full: message, dates, indices, a sample')
  ).action(async (group: string, flags: FailedFlags) => {
    const n = parseGroupNumber(group);
    const request = requestOf(flags);
    const factory = aws();
    try {
      const listing = await listFailedRecords(request, { aws: factory });
      if (n > listing.groups.length)
        throw new InvalidInputError(
          `there ${listing.groups.length === 1 ? 'is 1 group' : `are ${listing.groups.length} groups`}; group ${n} does not exist`
        );
      io.out(
        flags.json
          ? `${JSON.stringify({ ...listing.groups[n - 1], bucket: listing.bucket }, null, 2)}\n`
          : formatGroup(listing, n, c())
      );
      setExitCode(EXIT.findings);
    } finally {
      factory.destroy();
    }
  });

  addConnectionOptions(
    addSourceOptions(
      parent
        .command('replay')
        .description('Write the failed records into the indices Firehose meant (idempotent)')
    )
  )
    .option('--opensearch <url>', 'OpenSearch URL to replay into', DEFAULT_OPENSEARCH_URL)
    .option('--error-code <code>', 'only records that failed with this error code')
    .option('--yes', 'do not ask before writing (for unattended runs)')
    .action(async (flags: FailedFlags) => {
      const request = requestOf(flags);
      const url = parseServiceUrl(flags.opensearch, '--opensearch');
      const settings = connectionSettings(flags, { opensearch: url }, askHidden);
      warnInsecure(settings, io.err);
      const client = createOpenSearchClient(url, settings);
      const factory = aws();
      try {
        // Ask after reading, so the question says how many records go where.
        const { listing, files } = await loadFailedRecords(request, { aws: factory });
        const records = files
          .flatMap((f) => f.records)
          .filter((r) => flags.errorCode === undefined || String(r.errorCode) === flags.errorCode);
        if (records.length === 0) {
          io.out(
            flags.json
              ? `${JSON.stringify({ listing, summary: null }, null, 2)}\n`
              : formatListing(listing, c())
          );
          setExitCode(EXIT.ok);
          return;
        }
        const indices = [...new Set(listing.groups.flatMap((g) => g.indices))];
        const ok = await confirm(
          `Replay ${records.length} records into ${indices.slice(0, 5).join(', ')}${indices.length > 5 ? ` and ${indices.length - 5} more` : ''}?`,
          flags.yes
        );
        if (!ok) {
          io.err('nothing written\n');
          setExitCode(EXIT.usage);
          return;
        }
        const progress = startProgress(records.length, {
          label: 'replaying',
          unit: 'docs',
          enabled: !flags.json,
        });
        const summary = await replayFailedRecords(client, records, {
          indexPrefix: request.indexPrefix,
          onProgress: (d, t) => progress.update(d, t),
        });
        progress.stop();
        io.out(
          flags.json
            ? `${JSON.stringify({ listing, summary }, null, 2)}\n`
            : formatReplay(summary, c())
        );
        setExitCode(summary.failedAgain > 0 ? EXIT.findings : EXIT.ok);
      } finally {
        factory.destroy();
      }
    });
}

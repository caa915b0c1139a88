/**
 * `check --aws --region <r> --app-id <id> [--app-id <id>...] [--firehose-stream <name>] [--domain <name>]
 * [--role-arn <arn>]`: the AWS wiring section of `check`. Credentials, region and endpoint follow the SDK's
 * standard environment (AWS_PROFILE, AWS_ACCESS_KEY_ID..., AWS_REGION, AWS_ENDPOINT_URL); the cluster of
 * --opensearch is the one compared with the stream's domain. Exit code 1 when any check fails.
 */
import type { Command } from 'commander';
import { parseWiringRequest } from '../../common/aws_validation';
import { InvalidInputError } from '../../common/validation';
import type { CheckStatus, WiringCheck, WiringReport } from '../../common/wiring_types';
import { AwsClientFactory, type AwsPortSource } from '../../server/aws/client_factory';
import type { Logger, OpenSearchClient } from '../../server/osd_port';
import { checkWiring } from '../../server/services/wiring/orchestrator';
import type { CheckSection } from '../check_section';

export interface AwsFlags {
  aws?: boolean;
  region?: string;
  appId?: string[];
  firehoseStream?: string;
  domain?: string;
  roleArn?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addAwsOptions(cmd: Command): void {
  cmd
    .option(
      '--aws',
      'also check the AWS wiring: Pinpoint event stream -> Firehose -> OpenSearch domain'
    )
    .option('--region <region>', 'AWS region of the Pinpoint project (default: AWS_REGION)')
    .option('--app-id <id>', 'Pinpoint application (project) id; repeat for several', collect)
    .option(
      '--firehose-stream <name>',
      'Firehose delivery stream (default: the event stream’s destination)'
    )
    .option('--domain <name>', 'OpenSearch Service domain (default: the stream’s destination)')
    .option('--role-arn <arn>', 'a role to assume for the AWS calls');
}

/** The flags as a validated request; refuses AWS flags given without --aws rather than ignoring them. */
export function awsRequestFromFlags(flags: AwsFlags, env: NodeJS.ProcessEnv = process.env) {
  const given = ['region', 'appId', 'firehoseStream', 'domain', 'roleArn'].filter(
    (k) => flags[k as keyof AwsFlags] !== undefined
  );
  if (!flags.aws) {
    if (given.length > 0)
      throw new InvalidInputError(
        `--${given[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --aws`
      );
    return undefined;
  }
  const region = flags.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    throw new InvalidInputError('--aws needs --region (or AWS_REGION in the environment)');
  return parseWiringRequest({
    region,
    appIds: flags.appId ?? [],
    firehoseStream: flags.firehoseStream,
    domain: flags.domain,
    roleArn: flags.roleArn,
  });
}

const MARK: Record<CheckStatus, string> = {
  pass: 'ok  ',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: '??  ',
  skipped: '--  ',
};

function formatCheck(check: WiringCheck): string[] {
  const lines = [
    `    [${MARK[check.status]}] ${check.title}${check.subject ? ` (${check.subject})` : ''}: ${check.message}`,
  ];
  if (check.status === 'pass' || check.status === 'skipped') return lines;
  const evidence = Object.entries(check.evidence)
    .filter(([key]) => key !== 'groups' && key !== 'trustPolicy' && key !== 'accessPolicies')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (evidence.length > 0) lines.push(`           evidence: ${evidence.join(', ')}`);
  const groups = check.evidence.groups;
  if (Array.isArray(groups)) {
    for (const g of groups as Array<Record<string, unknown>>) {
      lines.push(`           ${g.count}x ${g.errorCode}: ${String(g.errorMessage).slice(0, 200)}`);
      lines.push(`              sample: ${JSON.stringify(g.sampleDocument).slice(0, 300)}`);
    }
  }
  if (check.remedy) {
    lines.push(`           fix: ${check.remedy.summary}`);
    if (check.remedy.console) lines.push(`           console: ${check.remedy.console}`);
    if (check.remedy.cli) lines.push(`           cli: ${check.remedy.cli}`);
  }
  return lines;
}

export function formatWiringReport(report: WiringReport): string {
  const { request, counts } = report;
  const lines = [
    `AWS wiring in ${request.region}${request.appIds.length ? ` for ${request.appIds.join(', ')}` : ''}: ${report.status.toUpperCase()}` +
      ` (${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail, ${counts.unknown} unknown, ${counts.skipped} skipped)` +
      ` in ${(report.durationMs / 1000).toFixed(1)} s${report.complete ? '' : ` - stopped at the ${report.deadlineMs / 1000} s deadline`}`,
  ];
  report.hops.forEach((hop, i) => {
    lines.push(`  ${i + 1}. ${hop.title}: ${hop.status}`);
    for (const check of hop.checks) lines.push(...formatCheck(check));
  });
  return `${lines.join('\n')}\n`;
}

/** The CLI has no Dashboards logger: debug is dropped, warnings and errors go to stderr. */
function cliLogger(err: (s: string) => void): Logger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (m) => err(`warning: ${m instanceof Error ? m.message : m}\n`),
    error: (m) => err(`error: ${m instanceof Error ? m.message : m}\n`),
  };
}

export async function runAwsCheck(
  flags: AwsFlags,
  cluster: OpenSearchClient | undefined,
  err: (s: string) => void,
  aws?: AwsPortSource
): Promise<WiringReport | undefined> {
  const request = awsRequestFromFlags(flags);
  if (!request) return undefined;
  const factory = aws ?? new AwsClientFactory();
  try {
    return await checkWiring(request, { aws: factory, cluster, logger: cliLogger(err) });
  } finally {
    if (factory instanceof AwsClientFactory && !aws) factory.destroy();
  }
}

export const awsCheckSection: CheckSection = {
  key: 'aws',
  addOptions: addAwsOptions,
  async run({ connection, flags, io }) {
    const report = await runAwsCheck(flags as AwsFlags, connection.client, io.err);
    if (!report) return undefined;
    return {
      key: 'aws',
      json: report,
      text: formatWiringReport(report),
      hasFindings: report.counts.fail > 0,
    };
  },
};

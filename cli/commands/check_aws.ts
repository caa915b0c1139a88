/**
 * `check --aws --region <r> --app-id <id> [--app-id <id>...] [--firehose-stream <name>] [--domain <name>]
 * [--role-arn <arn>]`: the AWS wiring section of `check`. Credentials, region and endpoint follow the SDK's
 * standard environment (AWS_PROFILE, AWS_ACCESS_KEY_ID..., AWS_REGION, AWS_ENDPOINT_URL); the cluster of
 * --opensearch is the one compared with the stream's domain. Exit code 1 when any check fails.
 */
import type { Command } from 'commander';
import { parseWiringRequest } from '../../common/aws_validation';
import { InvalidInputError } from '../../common/validation';
import { summarizeWiring, type WiringCheck, type WiringReport } from '../../common/wiring_types';
import { AwsClientFactory, type AwsPortSource } from '../../server/aws/client_factory';
import type { Logger, OpenSearchClient } from '../../server/osd_port';
import { checkWiring } from '../../server/services/wiring/orchestrator';
import type { CheckSection } from '../check_section';
import { renderCheck, renderSummary } from '../output/check_render';
import { colours } from '../output/colour';

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
    // The operator runs the CLI with their own credentials: assuming a role is theirs to decide (the server's
    // route assumes only roles an administrator listed in pinpoint.wiring.assumableRoleArns).
    .option('--role-arn <arn>', 'a role to assume for the AWS calls (with your own credentials)');
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

/** Too big for a line; the setup page shows them (and --json has them whole). */
const HIDDEN_EVIDENCE = ['trustPolicy', 'accessPolicies', 'groups', 'decisions'];

function groupLines(check: WiringCheck, indent: string): string[] | undefined {
  const groups = check.evidence.groups;
  if (!Array.isArray(groups) || groups.length === 0) return undefined;
  const lines: string[] = [];
  for (const g of groups as Array<Record<string, unknown>>) {
    lines.push(`${indent}${g.count}x ${g.errorCode}: ${String(g.errorMessage).slice(0, 200)}`);
    lines.push(`${indent}   sample: ${JSON.stringify(g.sampleDocument).slice(0, 300)}`);
  }
  return lines;
}

/** The report through the CLI's one check renderer: the verdict first, then each hop and its checks. */
export function formatWiringReport(report: WiringReport, colour = false): string {
  const c = colours(colour);
  const { request } = report;
  const checks = report.hops.flatMap((h) => h.checks);
  const where = `AWS wiring in ${request.region}${request.appIds.length ? ` for ${request.appIds.join(', ')}` : ''}`;
  const timing = ` in ${(report.durationMs / 1000).toFixed(1)} s${report.complete ? '' : ` - stopped at the ${report.deadlineMs / 1000} s deadline`}`;
  const lines = [`${where}${timing}`, ...renderSummary(summarizeWiring(checks), checks, c)];
  report.hops.forEach((hop, i) => {
    lines.push(`  ${i + 1}. ${hop.title}: ${hop.status}`);
    for (const check of hop.checks) {
      const generic = renderCheck(check, { colours: c, indent: '    ', hide: HIDDEN_EVIDENCE });
      const groups = check.status === 'pass' ? undefined : groupLines(check, '          ');
      // The failed-document groups go right after the message and evidence, before the fix.
      if (groups) {
        const fixAt = generic.findIndex((l) => l.includes('fix:'));
        generic.splice(fixAt < 0 ? generic.length : fixAt, 0, ...groups);
      }
      lines.push(...generic);
    }
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

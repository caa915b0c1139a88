/**
 * `pinpoint-dashboards summaries build --yes` and `summaries status [--json]`: the campaign summaries kept in
 * the cluster (.pinpoint-summaries), the same service as the app's "Build summaries" button. A build writes
 * only to the summaries index, only when asked, and redoes only missing or changed days.
 */
import type { Command } from 'commander';
import { buildSummaries, summaryStatus, type SummaryStatus } from '../../server/services/summaries';
import { addCommonOptions, connect, type CommonFlags } from '../common_options';
import { EXIT } from '../exit';
import type { CliIo } from '../io';
import { formatCount, startProgress } from '../output/progress';
import { confirm } from '../prompt';

const EXAMPLES = `
Examples:
  pinpoint-dashboards summaries status                 which days are summarised, which indices are stale
  pinpoint-dashboards summaries build --yes            summarise every closed day not yet summarised
`;

function statusText(s: SummaryStatus): string {
  const c = s.counts;
  const lines = [
    s.exists
      ? `${s.days.length} send days summarised in ${s.index}${s.firstDay ? ` (${s.firstDay} – ${s.lastDay})` : ''}`
      : `no summaries yet (${s.index} does not exist): run summaries build --yes`,
    `indices: ${c.summarised} summarised, ${c.stale} stale, ${c.missing} missing, ${c.today} today (read raw), ${c.deleted} deleted (history kept), ${c.excluded} excluded`,
  ];
  const pending = s.indices.filter((i) => ['stale', 'missing', 'excluded'].includes(i.state));
  for (const i of pending.slice(0, 10)) {
    lines.push(`  ${i.state.padEnd(8)} ${i.index}${i.reason ? `: ${i.reason}` : ''}`);
  }
  if (pending.length > 10)
    lines.push(`  … and ${pending.length - 10} more (--json lists them all)`);
  lines.push(s.buildNeeded ? 'a build would update the summaries' : 'the summaries are up to date');
  return `${lines.join('\n')}\n`;
}

export function registerSummariesCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  const summaries = program
    .command('summaries')
    .description(
      'campaign summaries kept in the cluster: fast year-long reports that outlive raw indices'
    )
    .addHelpText('after', EXAMPLES);

  addCommonOptions(
    summaries.command('status').description('which days are summarised, stale or missing')
  ).action(async (flags: CommonFlags) => {
    const connection = connect(flags);
    const status = await summaryStatus({ client: connection.client, prefix: connection.prefix });
    io.out(flags.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
    setExitCode(EXIT.ok);
  });

  addCommonOptions(
    summaries
      .command('build')
      .description('summarise closed days not yet summarised or changed since (never today)')
  ).action(async (flags: CommonFlags) => {
    const connection = connect(flags);
    const deps = { client: connection.client, prefix: connection.prefix };
    const before = await summaryStatus(deps);
    if (!before.buildNeeded) {
      io.out(
        flags.json
          ? `${JSON.stringify({ built: [], kept: [], indices: [] })}\n`
          : statusText(before)
      );
      setExitCode(EXIT.ok);
      return;
    }
    const todo = before.counts.missing + before.counts.stale;
    if (
      !(await confirm(
        `Summarise ${todo} indices into ${before.index} on ${connection.opensearchUrl}?`,
        flags.yes
      ))
    ) {
      io.err('nothing written\n');
      setExitCode(EXIT.ok);
      return;
    }
    const progress = startProgress(0, { label: 'summarising', unit: 'days', enabled: !flags.json });
    const result = await buildSummaries(deps, (done, total) => progress.update(done, total));
    progress.stop();
    if (flags.json) io.out(`${JSON.stringify(result)}\n`);
    else {
      io.out(
        `${result.built.length} days summarised from ${result.indices.length} indices (${formatCount(result.events)} events, ${formatCount(result.eventsPerSecond)} events/s)\n`
      );
      if (result.kept.length) {
        io.out(
          `${result.kept.length} days kept as they were: a raw index they were read from has been deleted\n`
        );
      }
    }
    setExitCode(EXIT.ok);
  });
}

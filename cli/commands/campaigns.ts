/**
 * `pinpoint-dashboards campaigns [--from] [--to] [--campaign <id>] [--json | --csv]`: the campaigns service's
 * report, the same numbers as the app. Names: cli/commands/names.ts.
 */
import type { Command } from 'commander';
import { listRows, sortRows, toCsv, type CampaignListRow } from '../../common/campaigns/list';
import { DEFAULT_RANGE, parsePinpointId, parseTimeExpression } from '../../common/campaigns/query';
import { InvalidInputError } from '../../common/validation';
import { getCampaigns } from '../../server/services/campaigns/campaigns_service';
import { NamesStore } from '../../server/services/names/names_store';
import { summaryReader } from '../../server/services/summaries/reader';
import { addCommonOptions, connect, type CommonFlags } from '../common_options';
import { EXIT } from '../exit';
import type { CliIo } from '../io';

interface CampaignFlags extends CommonFlags {
  from: string;
  to: string;
  campaign?: string;
  csv?: boolean;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function table(rows: CampaignListRow[]): string {
  const header = [
    'id',
    'name',
    'channel',
    'sent',
    'delivered',
    'opened',
    'clicked',
    'open rate',
    'click rate',
    'SMS $',
  ];
  const body = rows.map((r) => [
    r.id,
    r.name ?? '(no name)',
    r.channel,
    String(r.sent),
    String(r.delivered),
    String(r.opened),
    String(r.clicked),
    pct(r.openRate),
    pct(r.clickRate),
    r.smsSpend.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

export function registerCampaignsCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  addCommonOptions(
    program
      .command('campaigns')
      .description(
        'every campaign and journey with messages sent in a range: exact funnel, rates, treatments'
      )
      .option('--from <time>', 'start (ISO 8601 or date math such as now-30d)', DEFAULT_RANGE.from)
      .option('--to <time>', 'end, exclusive (ISO 8601 or date math)', DEFAULT_RANGE.to)
      .option('--campaign <id>', 'only this campaign (32-hex id)')
      .option('--csv', 'print the list as CSV')
  ).action(async (flags: CampaignFlags) => {
    if (flags.json && flags.csv) throw new InvalidInputError('choose one of --json and --csv');
    const request = {
      from: parseTimeExpression(flags.from, '--from'),
      to: parseTimeExpression(flags.to, '--to'),
      ...(flags.campaign ? { campaignId: parsePinpointId(flags.campaign, '--campaign') } : {}),
    };
    const connection = connect(flags);
    const deps = {
      client: connection.client,
      prefix: connection.prefix,
      names: new NamesStore(connection.client),
      // Summaries where built (summaries build), raw events for the rest.
      summaries: summaryReader(),
    };
    const report = await getCampaigns(deps, request);
    const rows = sortRows(listRows(report.campaigns, report.journeys), 'sent', 'desc');
    if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else if (flags.csv) io.out(toCsv(rows));
    else {
      io.out(`Messages sent ${report.from} – ${report.to} (exact counts)\n\n`);
      io.out(
        rows.length > 0
          ? `${table(rows)}\n`
          : 'no campaign or journey sent messages in this range\n'
      );
      if (rows.length === 0 && report.dataSpan) {
        io.out(
          `the archive holds events from ${report.dataSpan.first} to ${report.dataSpan.latest}\n`
        );
      }
      for (const e of report.sources.excluded) io.err(`excluded ${e.index}: ${e.reason}\n`);
    }
    setExitCode(EXIT.ok);
  });
}

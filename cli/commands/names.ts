/**
 * `pinpoint-dashboards names …` — owned by the names helper. The same names service as the app:
 *   names import <file.csv> --yes          names from a CSV with the header id,name (all rows checked first)
 *   names list [--json]                    every name kept in the cluster
 *   names refresh --region r --app-id id…  names from Pinpoint's GetCampaigns / ListJourneys while it answers
 * Exit codes: 0 done, 1 a refresh where some application gave no names, 2 bad input or no cluster.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { validatePinpointAppIds, validateRegion } from '../../common/aws_validation';
import { InvalidInputError } from '../../common/validation';
import { AwsClientFactory } from '../../server/aws/client_factory';
import { PinpointNamesClients } from '../../server/aws/pinpoint_names';
import {
  MAX_CSV_BYTES,
  NamesStore,
  parseNamesCsv,
  refreshNamesFromPinpoint,
  type NameEntry,
} from '../../server/services/names/names_service';
import { addCommonOptions, connect, type CommonFlags } from '../common_options';
import { EXIT } from '../exit';
import type { CliIo } from '../io';
import { confirm } from '../prompt';

interface RefreshFlags extends CommonFlags {
  region?: string;
  appId?: string[];
}

const EXAMPLES = `
Examples:
  pinpoint-dashboards names import names.csv --yes      (header id,name; quote names with commas)
  pinpoint-dashboards names list --json
  pinpoint-dashboards names refresh --region us-east-1 --app-id 6e0b7591a90841d6a9bd8fea2e8ed7b0`;

function readCsvFile(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_CSV_BYTES) {
      throw new InvalidInputError(
        `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_CSV_BYTES / 1024 / 1024} MB per import, split it`
      );
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function table(names: NameEntry[]): string {
  const rows = names.map((n) => [n.id, n.kind ?? '', n.source, n.name]);
  const header = ['id', 'kind', 'source', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerNamesCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  const names = program
    .command('names')
    .description('campaign and journey names kept in the cluster (they outlive Pinpoint)')
    .addHelpText('after', EXAMPLES);

  addCommonOptions(
    names
      .command('import <file>')
      .description(
        'import names from a CSV file with the header id,name; nothing is written if a row is bad'
      )
  ).action(async (file: string, flags: CommonFlags) => {
    // Every row is checked before connecting: a bad file is exit 2 with its line, and nothing is written.
    const rows = parseNamesCsv(readCsvFile(file));
    const connection = connect(flags);
    if (!(await confirm(`Write ${rows.length} names to ${connection.opensearchUrl}?`, flags.yes))) {
      io.err('nothing written\n');
      setExitCode(EXIT.ok);
      return;
    }
    const result = await new NamesStore(connection.client).write(rows, 'csv');
    if (flags.json) io.out(`${JSON.stringify({ rows: rows.length, ...result })}\n`);
    else
      io.out(
        `${rows.length} rows: ${result.written} names written, ${result.unchanged} unchanged\n`
      );
    setExitCode(EXIT.ok);
  });

  addCommonOptions(
    names.command('list').description('every campaign and journey name, by id')
  ).action(async (flags: CommonFlags) => {
    const all = await new NamesStore(connect(flags).client).all();
    if (flags.json) io.out(`${JSON.stringify({ names: all, total: all.length }, null, 2)}\n`);
    else if (all.length === 0) {
      io.out('no names yet: import a CSV (names import <file.csv>) or refresh from Pinpoint\n');
    } else io.out(`${table(all)}\n${all.length} names\n`);
    setExitCode(EXIT.ok);
  });

  addCommonOptions(
    names
      .command('refresh')
      .description(
        "read names from Pinpoint's GetCampaigns / ListJourneys; names typed or imported are kept"
      )
      .option('--region <region>', 'AWS region of the Pinpoint applications (default: AWS_REGION)')
      .option('--app-id <id>', 'Pinpoint application (project) id; repeat for several', collect)
  ).action(async (flags: RefreshFlags) => {
    const region = validateRegion(
      flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
      '--region (or AWS_REGION)'
    );
    const appIds = validatePinpointAppIds(flags.appId, '--app-id');
    if (appIds.length === 0) {
      throw new InvalidInputError(
        '--app-id: name the Pinpoint application (project) to read names from'
      );
    }
    const connection = connect(flags);
    if (!(await confirm(`Write names from Pinpoint to ${connection.opensearchUrl}?`, flags.yes))) {
      io.err('nothing written\n');
      setExitCode(EXIT.ok);
      return;
    }
    // The SDK's note about future Node versions is not something a user of this command can act on.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const factory = new AwsClientFactory();
    try {
      const result = await refreshNamesFromPinpoint(
        new PinpointNamesClients(factory).forRegion(region),
        new NamesStore(connection.client),
        appIds,
        { timeoutMs: 10_000 }
      );
      if (flags.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
      else {
        for (const app of result.applications) {
          io.out(
            app.error
              ? `${app.applicationId}: ${app.error}\n`
              : `${app.applicationId}: ${app.campaigns} campaigns, ${app.journeys} journeys\n`
          );
        }
        io.out(`${result.message}\n`);
      }
      setExitCode(result.applications.some((a) => a.failure) ? EXIT.findings : EXIT.ok);
    } finally {
      factory.destroy();
    }
  });
}

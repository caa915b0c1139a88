/**
 * `generate --days N --events-per-day M --seed S [--before-template]`: realistic Pinpoint events (the demo
 * generator: campaigns, treatments, journeys, email, SMS, push, custom app events) delivered as Firehose
 * delivers them: in arrival order, in _bulk batches cut by the buffering hints, into indices named after the
 * receive time and the rotation period. Same seed, same documents and ids: a re-run overwrites, never
 * duplicates. Without --before-template the template must already cover the indices (what Firehose meets on a
 * set-up domain); with it, none may (the indices are mapped dynamically, as before `setup`).
 */
import type { Command } from 'commander';
import type { IndexRotation } from '../../common/index_naming';
import { matchesIndexPattern, rotatedIndexName } from '../../common/index_naming';
import { InvalidInputError } from '../../common/validation';
import type { OpenSearchClient } from '../../server/osd_port';
import { addCommonOptions, connect, type CommonFlags } from '../common_options';
import { EXIT } from '../exit';
import { colourEnabled, colours } from '../output/colour';
import { formatCount, startProgress } from '../output/progress';
import { confirm } from '../prompt';
import { FirehoseDelivery } from './generate_delivery';
import { dayEvents } from './generate_events';
import type { CliIo } from '../io';

interface GenerateFlags extends CommonFlags {
  days: string;
  eventsPerDay: string;
  seed: string;
  beforeTemplate?: boolean;
  rotation: string;
  bufferInterval: string;
  bufferSize: string;
  end?: string;
  concurrency: string;
}

const ROTATIONS: IndexRotation[] = ['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'];

function intFlag(value: string, flag: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    throw new InvalidInputError(
      `${flag} must be a whole number from ${min} to ${max}, got "${value}"`
    );
  return Number(value);
}

/** JavaScript rolls 2026-02-30 over to March; a day must name itself. */
function validDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

export interface GeneratePlan {
  days: string[];
  eventsPerDay: number;
  seed: number;
  rotation: IndexRotation;
  intervalSeconds: number;
  sizeMb: number;
  concurrency: number;
  until: number;
}

export function planFromFlags(flags: GenerateFlags, now: Date = new Date()): GeneratePlan {
  const days = intFlag(flags.days, '--days', 1, 3660);
  const eventsPerDay = intFlag(flags.eventsPerDay, '--events-per-day', 1, 100_000_000);
  const seed = intFlag(flags.seed, '--seed', 0, 2 ** 31 - 1);
  if (!ROTATIONS.includes(flags.rotation as IndexRotation))
    throw new InvalidInputError(
      `--rotation must be one of ${ROTATIONS.join(', ')}, got "${flags.rotation}"`
    );
  // Firehose's own ranges for an OpenSearch destination.
  const intervalSeconds = intFlag(flags.bufferInterval, '--buffer-interval', 0, 900);
  const sizeMb = intFlag(flags.bufferSize, '--buffer-size', 1, 100);
  const concurrency = intFlag(flags.concurrency, '--concurrency', 1, 16);
  let end = now;
  if (flags.end !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.end) || !validDay(flags.end))
      throw new InvalidInputError(`--end must be a day, YYYY-MM-DD, got "${flags.end}"`);
    end = new Date(Math.min(Date.parse(`${flags.end}T23:59:59.999Z`), now.getTime()));
  }
  const list: string[] = [];
  for (let i = days - 1; i >= 0; i--)
    list.push(new Date(end.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  return {
    days: list,
    eventsPerDay,
    seed,
    rotation: flags.rotation as IndexRotation,
    intervalSeconds,
    sizeMb,
    concurrency,
    until: end.getTime(),
  };
}

interface TemplatesBody {
  index_templates?: Array<{ name: string; index_template: { index_patterns: string[] | string } }>;
}

/** Names of the templates (composable and legacy) whose patterns cover `index`. */
async function coveringTemplates(client: OpenSearchClient, index: string): Promise<string[]> {
  const names: string[] = [];
  const read = async <T>(path: string): Promise<T | undefined> => {
    try {
      return (await client.transport.request<T>({ method: 'GET', path })).body;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      if (/not found/i.test((error as Error).message)) return undefined;
      throw error;
    }
  };
  const composable = await read<TemplatesBody>('/_index_template');
  for (const t of composable?.index_templates ?? []) {
    const patterns = ([] as string[]).concat(t.index_template.index_patterns);
    if (patterns.some((p) => matchesIndexPattern(index, p))) names.push(t.name);
  }
  const legacy = await read<Record<string, { index_patterns?: string[] }>>('/_template');
  for (const [name, t] of Object.entries(legacy ?? {})) {
    if ((t.index_patterns ?? []).some((p) => matchesIndexPattern(index, p))) names.push(name);
  }
  // Templates of the system (.kibana, ...) never match a pinpoint index; no filtering needed.
  return names;
}

const EXAMPLES = `
Examples:
  pinpoint-dashboards generate --days 7 --events-per-day 2000 --seed 1 --yes
  pinpoint-dashboards generate --days 30 --events-per-day 1000000 --seed 7 --rotation OneHour --yes
  pinpoint-dashboards generate --days 3 --events-per-day 500 --seed 2 --before-template --prefix demo --yes
`;

export function registerGenerateCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  addCommonOptions(
    program
      .command('generate')
      .description(
        'Write realistic Pinpoint events the way Firehose delivers them (batches, rotation)'
      )
  )
    .requiredOption('--days <n>', 'how many UTC days, ending with --end (default today)')
    .requiredOption('--events-per-day <m>', 'events per day (today gets its share so far)')
    .option('--seed <s>', 'random seed: the same seed gives the same documents', '1')
    .option(
      '--before-template',
      'write as Firehose did before setup: no template may cover the indices'
    )
    .option('--rotation <period>', 'Firehose IndexRotationPeriod', 'OneDay')
    .option(
      '--buffer-interval <seconds>',
      'Firehose BufferingHints.IntervalInSeconds (0-900)',
      '300'
    )
    .option('--buffer-size <mb>', 'Firehose BufferingHints.SizeInMBs (1-100)', '5')
    .option('--end <day>', 'last day, YYYY-MM-DD (default today)')
    .option('--concurrency <n>', '_bulk requests in flight', '2')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: GenerateFlags) => {
      const plan = planFromFlags(flags);
      const connection = connect(flags);
      const c = colours(colourEnabled());
      const firstIndex = rotatedIndexName(
        connection.prefix,
        new Date(`${plan.days[0]}T00:00:00Z`),
        plan.rotation
      );
      const templates = await coveringTemplates(connection.client, firstIndex);
      if (flags.beforeTemplate && templates.length > 0)
        throw new InvalidInputError(
          `--before-template: ${templates.join(', ')} already covers ${firstIndex}; use a --prefix no template covers`
        );
      if (!flags.beforeTemplate && templates.length === 0)
        throw new InvalidInputError(
          `no index template covers ${firstIndex}: run \`pinpoint-dashboards setup --prefix ${connection.prefix}\` first, or pass --before-template`
        );
      const total = plan.days.length * plan.eventsPerDay;
      const ok = await confirm(
        `Write about ${formatCount(total)} synthetic Pinpoint events into ${connection.prefix}-* on ${connection.opensearchUrl}?`,
        flags.yes
      );
      if (!ok) {
        io.err('nothing written\n');
        setExitCode(EXIT.usage);
        return;
      }
      const progress = startProgress(total, {
        label: 'generating',
        unit: 'events',
        enabled: !flags.json,
      });
      let done = 0;
      const delivery = new FirehoseDelivery(connection.client, {
        prefix: connection.prefix,
        rotation: plan.rotation,
        hints: { intervalSeconds: plan.intervalSeconds, sizeMb: plan.sizeMb },
        concurrency: plan.concurrency,
        onBatch: (docs) => progress.update((done += docs)),
      });
      const started = Date.now();
      for (const day of plan.days) {
        for (const e of dayEvents(day, plan.eventsPerDay, plan.seed, plan.until))
          await delivery.add(e);
      }
      const result = await delivery.close();
      progress.stop();
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? result.docs / seconds : result.docs;
      await connection.client.transport.request({
        method: 'POST',
        path: `/${encodeURIComponent(`${connection.prefix}*`)}/_refresh`,
      });
      const summary = {
        docs: result.docs,
        failed: result.failed,
        firstError: result.firstError,
        batches: result.batches,
        bytes: result.bytes,
        seconds: Number(seconds.toFixed(2)),
        docsPerSecond: Math.round(rate),
        indices: Object.fromEntries(result.indices),
        plan: { ...plan, until: new Date(plan.until).toISOString() },
      };
      if (flags.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        io.out(
          `${result.failed ? c.yellow('Generated with failures') : c.green('Generated')}: ${formatCount(result.docs)} events in ` +
            `${result.indices.size} indices, ${formatCount(result.batches)} _bulk batches, ${seconds.toFixed(1)} s, ${formatCount(rate)} events/s\n`
        );
        if (result.failed)
          io.out(
            c.red(
              `  ${formatCount(result.failed)} documents refused, first: ${result.firstError}\n`
            )
          );
      }
      setExitCode(result.failed > 0 ? EXIT.findings : EXIT.ok);
    });
}

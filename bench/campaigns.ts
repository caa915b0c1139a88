/**
 * Campaign analytics at archive scale: `OPENSEARCH_URL=… npx tsx bench/campaigns.ts [--events 2000000]
 * [--big] [--runs 3] [--keep]`. Generates a year of traffic (dev/demo/campaign_events.ts, scaled to --events;
 * --big: 10 million) into 365 daily indices, then times, in the same run, medians of --runs:
 *   - the raw path (getCampaigns over the whole year) vs the bare composite aggregations it issues (goal ≤ 1.15×);
 *   - the summaries: build throughput in events/s (from nothing, into .pinpoint-summaries-bench), the
 *     campaigns view from summaries (+ raw for today) vs raw (goal ≥ 20×), every number identical (asserted).
 * With --keep the data stays for the next run (generation is skipped when it is already there).
 */
import { Client } from '@opensearch-project/opensearch';
import { buildIndexTemplate, templateName } from '../common/template';
import { PINPOINT_SOURCE } from '../common/sources/pinpoint';
import { generateSendDay } from '../dev/demo/campaign_events';
import type { OpenSearchClient } from '../server/osd_port';
import { getCampaigns } from '../server/services/campaigns/campaigns_service';
import { buildSummaries, summaryReader, SummaryStore } from '../server/services/summaries';
import type { CampaignsDeps } from '../server/services/campaigns/deps';
import { compositePage } from '../server/services/campaigns/composite';
import { listArchiveIndices, selectIndices } from '../server/services/campaigns/index_selection';
import { rawSpecs } from '../server/services/campaigns/raw_counts';
import { resolveTimeRange } from '../server/services/campaigns/time_range';

const DAY = 86_400_000;
const PREFIX = 'bench_campaigns';
const SUMMARY_INDEX = '.pinpoint-summaries-bench';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}
const say = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function countEvents(client: OpenSearchClient): Promise<number> {
  const { body } = await client.transport.request<{ count: number }>(
    {
      method: 'GET',
      path: `/${PREFIX}-*/_count`,
      querystring: { ignore_unavailable: true, allow_no_indices: true },
    },
    { ignore: [404] }
  );
  return body.count ?? 0;
}

async function generate(client: OpenSearchClient, target: number, now: Date): Promise<number> {
  const days = Array.from({ length: 365 }, (_, i) => ({
    offset: i - 364,
    day: new Date(now.getTime() + (i - 364) * DAY).toISOString().slice(0, 10),
  }));
  let unit = 0;
  for (const d of days) unit += generateSendDay({ day: d.day, offset: d.offset }).length;
  const scale = target / unit;
  await client.transport.request({ method: 'DELETE', path: `/${PREFIX}-*` }, { ignore: [404] });
  const template = buildIndexTemplate(PREFIX);
  template.template.settings = { ...template.template.settings, refresh_interval: '-1' };
  await client.transport.request({
    method: 'PUT',
    path: `/_index_template/${templateName(PREFIX)}`,
    body: template,
  });
  // One index per day of the year, even the days whose events all arrive later.
  for (let i = 0; i < days.length; i += 40) {
    await Promise.all(
      days
        .slice(i, i + 40)
        .map((d) =>
          client.transport.request(
            { method: 'PUT', path: `/${PREFIX}-${d.day}` },
            { ignore: [400] }
          )
        )
    );
  }
  const started = Date.now();
  let sent = 0;
  let inflight: Promise<unknown>[] = [];
  const until = now.getTime();
  for (const d of days) {
    const events = generateSendDay({ day: d.day, offset: d.offset, scale }).filter(
      (e) => e.arrival_timestamp <= until
    );
    for (let i = 0; i < events.length; i += 5000) {
      const bulkBody: object[] = [];
      for (const e of events.slice(i, i + 5000)) {
        bulkBody.push(
          {
            index: {
              _index: `${PREFIX}-${new Date(e.arrival_timestamp).toISOString().slice(0, 10)}`,
            },
          },
          e
        );
      }
      inflight.push(
        client.transport
          .request<{ errors: boolean }>(
            { method: 'POST', path: '/_bulk', bulkBody },
            { requestTimeout: 300_000 }
          )
          .then(({ body }) => {
            if (body.errors) throw new Error('bulk errors while generating');
          })
      );
      sent += bulkBody.length / 2;
      if (inflight.length >= 2) {
        await Promise.all(inflight);
        inflight = [];
      }
    }
  }
  await Promise.all(inflight);
  await client.transport.request({
    method: 'PUT',
    path: `/${PREFIX}-*/_settings`,
    body: { index: { refresh_interval: null } },
  });
  await client.transport.request(
    { method: 'POST', path: `/${PREFIX}-*/_refresh` },
    { requestTimeout: 300_000 }
  );
  say(
    `generated ${sent} events into 365 daily indices in ${((Date.now() - started) / 1000).toFixed(0)} s (${Math.round((sent * 1000) / (Date.now() - started))} events/s indexed)`
  );
  return sent;
}

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))
        )
      : v
  );
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const out = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
}

async function main(): Promise<void> {
  const url = process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200';
  // --events 10000000 (or --big) for the large run.
  const target = process.argv.includes('--big') ? 10_000_000 : arg('events', 2_000_000);
  const runs = arg('runs', 3);
  const client = new Client({ node: url, requestTimeout: 600_000 }) as unknown as OpenSearchClient;
  const now = new Date();
  let events = await countEvents(client);
  if (!process.argv.includes('--keep') || events < target * 0.9)
    events = await generate(client, target, now);
  else say(`reusing ${events} events in ${PREFIX}-*`);

  const deps: CampaignsDeps = { client, prefix: PREFIX, now: () => now };
  // Whole UTC days: the year up to the end of today (today itself is always read raw).
  const request = { from: 'now-366d/d', to: 'now/d' };
  const range = resolveTimeRange(request, now);
  const archive = await listArchiveIndices(client, PREFIX);
  const selection = await selectIndices(client, PREFIX, PINPOINT_SOURCE, range, archive);
  say(`${selection.indices.length} indices, ${events} events; ${runs} runs each`);

  const bare = async () => {
    for (const group of PINPOINT_SOURCE.groups) {
      for (const spec of rawSpecs(PINPOINT_SOURCE, group, {
        target: selection.target,
        indices: selection.indices.map((i) => i.index),
        range,
      })) {
        let after: Record<string, unknown> | undefined;
        do after = (await compositePage(client, spec, after)).afterKey;
        while (after);
      }
    }
  };
  const rawMs: number[] = [];
  const bareMs: number[] = [];
  let rawReport: Awaited<ReturnType<typeof getCampaigns>> | undefined;
  for (let r = 0; r < runs; r++) {
    const [b] = await timed(bare);
    const [ms, report] = await timed(() => getCampaigns(deps, request));
    bareMs.push(b);
    rawMs.push(ms);
    rawReport = report;
  }
  say(
    `raw path (getCampaigns, ${rawReport!.campaigns.length} campaigns + ${rawReport!.journeys.length} journeys): median ${median(rawMs).toFixed(0)} ms (${rawMs.map((x) => x.toFixed(0)).join(', ')})`
  );
  say(
    `bare composite aggregations it issues: median ${median(bareMs).toFixed(0)} ms (${bareMs.map((x) => x.toFixed(0)).join(', ')})`
  );
  say(`ratio raw/bare: ${(median(rawMs) / median(bareMs)).toFixed(3)}x (goal <= 1.15x)`);

  // Summaries: built from nothing (timed: events/s), then the same view from summaries (whole closed days)
  // plus raw (today, and the days today's index still touches), which must give identical numbers.
  const store = new SummaryStore(client, `${SUMMARY_INDEX}`);
  await client.transport.request(
    { method: 'DELETE', path: `/${SUMMARY_INDEX}` },
    { ignore: [404] }
  );
  const summaryDeps = { client, prefix: PREFIX, now: () => now, store };
  const [buildMs, build] = await timed(() => buildSummaries(summaryDeps));
  say(
    `summary build: ${build.built.length} days from ${build.indices.length} closed indices, ${build.events} events in ${(buildMs / 1000).toFixed(1)} s: ${Math.round((build.events * 1000) / buildMs)} events/s`
  );
  const [noopMs, noop] = await timed(() => buildSummaries(summaryDeps));
  say(`incremental build with nothing changed: ${noopMs.toFixed(0)} ms, ${noop.built.length} days`);
  const withSummaries: CampaignsDeps = { ...deps, summaries: summaryReader(SUMMARY_INDEX) };
  const sumMs: number[] = [];
  let sumReport: typeof rawReport;
  for (let r = 0; r < runs; r++) {
    const [ms, report] = await timed(() => getCampaigns(withSummaries, request));
    sumMs.push(ms);
    sumReport = report;
  }
  // Same numbers; breakdown objects (notSent) may list their keys in another order.
  const same =
    canonical(sumReport!.campaigns) === canonical(rawReport!.campaigns) &&
    canonical(sumReport!.journeys) === canonical(rawReport!.journeys);
  say(
    `from summaries (${sumReport!.sources.summaryDays.length} summary days, ${sumReport!.sources.rawIndices.length} raw indices): median ${median(sumMs).toFixed(0)} ms (${sumMs.map((x) => x.toFixed(0)).join(', ')}); raw/summaries ${(median(rawMs) / median(sumMs)).toFixed(1)}x (goal >= 20x); identical numbers: ${same}`
  );
  if (!same) {
    for (const [a, b] of [
      [rawReport!.campaigns, sumReport!.campaigns],
      [rawReport!.journeys, sumReport!.journeys],
    ] as const) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (canonical(a[i]) !== canonical(b[i])) {
          say(`first difference:\nraw  ${JSON.stringify(a[i])}\nsumm ${JSON.stringify(b[i])}`);
          break;
        }
      }
    }
    throw new Error('summaries and raw disagree');
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});

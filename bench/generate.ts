/**
 * The generator's ingest against a raw _bulk of the same NDJSON (goal: generate >= 0.8x raw).
 *
 *   OPENSEARCH_URL=http://127.0.0.1:9200 npx tsx bench/generate.ts [--events 200000] [--runs 3] [--days 1]
 *
 * A first, untimed pass records the _bulk bodies the generator sends (Firehose batching: 5 MiB or 900 s,
 * OneDay rotation, 2 in flight). Each run then times, in alternating order, into freshly deleted indices:
 *   generate: the demo generator streamed + FirehoseDelivery (generation, serialisation, batching, sending)
 *   raw:      the recorded bodies sent as they are, 2 in flight
 * Throughput is events / wall-clock seconds, refresh included; medians over the runs and of per-run ratios.
 */
import { FirehoseDelivery } from '../cli/commands/generate_delivery';
import { dayEvents } from '../cli/commands/generate_events';
import type { OpenSearchClient } from '../server/osd_port';
import {
  argNumber,
  benchClient,
  dropIndices,
  median,
  rawBulk,
  recording,
} from './bench_support_cli';

const PREFIX = 'bench_generate';
const args = process.argv.slice(2);
const events = argNumber(args, 'events', 200_000);
const runs = argNumber(args, 'runs', 3);
const days = argNumber(args, 'days', 1);
const url = process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200';

async function generate(client: OpenSearchClient): Promise<number> {
  const delivery = new FirehoseDelivery(client, {
    prefix: PREFIX,
    rotation: 'OneDay',
    hints: { intervalSeconds: 900, sizeMb: 5 },
    concurrency: 2,
  });
  for (let d = days; d >= 1; d--) {
    const day = new Date(Date.parse('2026-11-20T00:00:00Z') - (d - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const e of dayEvents(day, Math.round(events / days), 1, Date.now())) await delivery.add(e);
  }
  const result = await delivery.close();
  if (result.failed) throw new Error(`generator: ${result.failed} refused: ${result.firstError}`);
  return result.docs;
}

async function main(): Promise<void> {
  const { raw, port } = benchClient(url);
  const refresh = () => raw.transport.request({ method: 'POST', path: `/${PREFIX}*/_refresh` });
  const bodies: string[] = [];
  await dropIndices(raw, `${PREFIX}*`);
  const docs = await generate(recording(port, bodies));
  process.stdout.write(`recorded ${bodies.length} _bulk bodies, ${docs} events\n`);
  const gen: number[] = [];
  const rawRates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const time = async (what: () => Promise<unknown>) => {
      await dropIndices(raw, `${PREFIX}*`);
      const t = Date.now();
      await what();
      await refresh();
      return docs / ((Date.now() - t) / 1000);
    };
    const order = r % 2 === 0 ? ['raw', 'gen'] : ['gen', 'raw'];
    const rates: Record<string, number> = {};
    for (const side of order)
      rates[side] = await time(() => (side === 'raw' ? rawBulk(raw, bodies, 2) : generate(port)));
    gen.push(rates.gen);
    rawRates.push(rates.raw);
    ratios.push(rates.gen / rates.raw);
    process.stdout.write(
      `run ${r + 1}: generate ${Math.round(rates.gen)}/s, raw _bulk ${Math.round(rates.raw)}/s, ratio ${(rates.gen / rates.raw).toFixed(2)}\n`
    );
  }
  await dropIndices(raw, `${PREFIX}*`);
  await raw.close();
  const ratio = median(ratios);
  process.stdout.write(
    `generate: median ${Math.round(median(gen))} events/s vs raw _bulk ${Math.round(median(rawRates))}/s of the same NDJSON; ` +
      `median per-run ratio ${ratio.toFixed(2)}x (goal >= 0.8x) over ${runs} runs of ${docs} events\n`
  );
  process.exitCode = ratio >= 0.8 ? 0 : 1;
}

void main();

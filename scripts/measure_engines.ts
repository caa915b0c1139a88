/**
 * `tsx scripts/measure_engines.ts [--runs 3] [--engines os2,es7,os3,secure,secure3]`: startup time (JVM spawn to
 * yellow/green health, with the secure engines' security index initialised) and resident memory of each
 * engine as the test orchestrator starts it (512 MiB heap, quick-start JVM flags), median of N fresh starts,
 * one engine at a time. The README's engine table comes from here.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  ENGINES,
  ENGINE_NAMES,
  SECURE_USERS,
  basicAuth,
  isEngineName,
  startEngine,
  type EngineName,
} from './lib/engines';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(engine: EngineName, runs: number): Promise<string> {
  const startups: number[] = [];
  const cpu: number[] = [];
  const idle: number[] = [];
  const loaded: number[] = [];
  const headers: Record<string, string> = ENGINES[engine].secured
    ? { authorization: basicAuth(SECURE_USERS.admin) }
    : {};
  for (let i = 0; i < runs; i++) {
    const node = await startEngine({ engine });
    try {
      startups.push(node.startupMs);
      cpu.push(node.cpuSeconds());
      idle.push(node.rssMiB());
      // A little real work: 2,000 documents in one bulk, a search.
      const lines = Array.from({ length: 2000 }, (_, n) =>
        [JSON.stringify({ index: {} }), JSON.stringify({ arrival_timestamp: 1.7e12 + n, n })].join(
          '\n'
        )
      ).join('\n');
      await fetch(`${node.url}/m_src/_bulk?refresh=true`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-ndjson' },
        body: `${lines}\n`,
        signal: AbortSignal.timeout(60_000),
      });
      await fetch(`${node.url}/m_src/_search?size=100`, {
        headers,
        signal: AbortSignal.timeout(60_000),
      });
      loaded.push(node.rssMiB());
      process.stdout.write(
        `${engine} run ${i + 1}: ready after ${node.startupMs} ms (${cpu.at(-1)} CPU s), RSS ${idle.at(-1)} MiB idle, ${loaded.at(-1)} MiB after work\n`
      );
    } finally {
      await node.stop();
    }
  }
  return `${ENGINES[engine].label}: startup ${median(startups)} ms (${median(cpu)} CPU s), RSS ${median(idle)} MiB idle, ${median(loaded)} MiB after work (median of ${runs})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, engines: { type: 'string' } },
  });
  const engines = values.engines ? values.engines.split(',') : ENGINE_NAMES;
  const summary: string[] = [];
  for (const engine of engines) {
    if (!isEngineName(engine)) throw new Error(`unknown engine ${engine}`);
    summary.push(await measure(engine, Number(values.runs)));
  }
  process.stdout.write(`\n${summary.join('\n')}\nload average ${loadavg()[0].toFixed(1)}\n`);
}

void main();

/**
 * `tsx scripts/measure_opensearch.ts [runs=3]`: startup time (JVM spawn to green health) and resident memory
 * of the embedded OpenSearch node, median of N fresh starts. The README's figures come from here.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startOpenSearchNode } from './lib/opensearch_node';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Resident set size in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
}

/** CPU seconds (user + system) the process has used: unlike wall time, barely moved by other load. */
function cpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; clock ticks of 1/100 s.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Math.round(Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const startups: number[] = [];
  const idle: number[] = [];
  const cpu: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < runs; i++) {
    const node = await startOpenSearchNode();
    try {
      const health = await fetch(`${node.url}/_cluster/health?wait_for_status=green&timeout=60s`);
      if (((await health.json()) as { status: string }).status !== 'green')
        throw new Error('not green');
      startups.push(node.startupMs);
      cpu.push(cpuSeconds(node.pid));
      idle.push(rssMiB(node.pid));
      // A little real work: an index, 2,000 documents, a search, a painless reindex.
      const lines = Array.from({ length: 2000 }, (_, n) =>
        [JSON.stringify({ index: {} }), JSON.stringify({ arrival_timestamp: 1.7e12 + n, n })].join(
          '\n'
        )
      ).join('\n');
      await fetch(`${node.url}/m_src/_bulk?refresh=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: `${lines}\n`,
      });
      await fetch(`${node.url}/_reindex?refresh=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source: { index: 'm_src' },
          dest: { index: 'm_dest' },
          script: { source: 'ctx._source.n = ctx._source.n * 2' },
        }),
      });
      await fetch(`${node.url}/m_dest/_search?size=100`);
      loaded.push(rssMiB(node.pid));
      process.stdout.write(
        `run ${i + 1}: green after ${node.startupMs} ms (${cpu.at(-1)} CPU s), RSS ${idle.at(-1)} MiB idle, ${loaded.at(-1)} MiB after work\n`
      );
    } finally {
      await node.stop();
    }
  }
  process.stdout.write(
    `median of ${runs}: startup ${median(startups)} ms (${median(cpu)} CPU s), load ${loadavg()[0].toFixed(1)}, RSS ${median(idle)} MiB idle, ${median(loaded)} MiB after work\n`
  );
}

void main();

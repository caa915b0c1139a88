/**
 * `npm run bench -- <name> [options]`: benchmarks against the OpenSearch node at OPENSEARCH_URL
 * (default http://127.0.0.1:9200). Each prints its figures and exits 1 when it misses its goal.
 *
 *   validation [--indices 1000] [--runs 15] [--keep]   the validation report vs one raw GET <prefix>*\/_mapping
 */
import { Client } from '@opensearch-project/opensearch';
import type { OpenSearchClient } from '../server/osd_port';
import { runValidationBench } from './validation';

type Bench = (client: OpenSearchClient, args: string[]) => Promise<boolean>;

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

const BENCHES: Record<string, Bench> = {
  async validation(client, args) {
    const result = await runValidationBench(client, {
      indices: flag(args, 'indices', 1000),
      runs: flag(args, 'runs', 15),
      keep: args.includes('--keep'),
      prefix: 'bench_validation',
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      [
        `validation over ${result.indices} daily indices, median of ${result.runs} runs:`,
        `  raw GET <prefix>*/_mapping: ${fmt(result.rawMedianMs)}  (runs: ${result.rawMs.map(fmt).join(', ')})`,
        `  full report (${result.reportRequests} requests): ${fmt(result.reportMedianMs)}  (runs: ${result.reportMs.map(fmt).join(', ')})`,
        `  ratio report/raw: ${result.ratio.toFixed(2)}x (goal <= 1.5x)`,
        '',
      ].join('\n')
    );
    return result.ratio <= 1.5;
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]\n`);
    return 2;
  }
  const url = process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200';
  const client = new Client({ node: url, requestTimeout: 300_000 }) as unknown as OpenSearchClient;
  return (await bench(client, args)) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? error.message : String(error)}\n`
    );
    process.exitCode = 2;
  }
);

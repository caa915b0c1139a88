/**
 * Repair throughput against a raw `_reindex` of the same index (goal: repair >= 0.9x raw).
 *
 *   npx tsx bench/repair.ts [--docs 100000] [--runs 5] [--url http://127.0.0.1:9200]
 *
 * Without --url (or OPENSEARCH_URL) the bench starts its own OpenSearch node and stops it at the end, so a
 * shared node's load does not skew the figures. One source is loaded before any template (long timestamps);
 * each run clones it twice (identical segments), then times, in alternating order:
 *   raw:    POST _reindex?slices=auto into a fresh index with the template's mapping, waited for with one
 *           GET _tasks/<id>?wait_for_completion=true, then a refresh (a synchronous _reindex would do the same,
 *           but OpenSearch 2.19 returns a TASK_RESOURCE_USAGE header per scroll batch with it, which overflows
 *           Node's 16 KiB header limit on large indices)
 *   repair: RepairService.repair (plan, write block, copy, verification, alias swap, unhide), start to done
 * Throughput is documents / wall-clock seconds (creating the destination index included on both sides); the
 * figures are medians over the runs, and the median of the per-run ratios (raw and repair of one run ran
 * back to back, so a busy machine weighs on both alike).
 */
import { Client } from '@opensearch-project/opensearch';
import { eventMappings } from '../common/event_mappings';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../dev/demo/pinpoint_events';
import { startOpenSearchNode, type OpenSearchNode } from '../scripts/lib/opensearch_node';
import type { OpenSearchClient } from '../server/osd_port';
import { RepairService } from '../server/services/repair/repair_service';

export interface RepairBenchOptions {
  docs: number;
  runs: number;
  url?: string;
  log?: (line: string) => void;
}

export interface RepairBenchResult {
  docs: number;
  runs: number;
  rawDocsPerSec: number[];
  repairDocsPerSec: number[];
  rawMedian: number;
  repairMedian: number;
  /** repairMedian / rawMedian. */
  ratio: number;
  /** Median of each run's repair/raw: robust to a node that speeds up or slows down between runs. */
  pairedRatio: number;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function request<T = unknown>(
  client: OpenSearchClient,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  querystring?: Record<string, string | number | boolean>
): Promise<T> {
  const { body: result } = await client.transport.request<T>(
    { method, path, body, querystring },
    { requestTimeout: 3_600_000 }
  );
  return result;
}

/** An identical copy of `master` (hard-linked segments), writable, with the same long mapping. */
async function cloneOf(client: OpenSearchClient, master: string, name: string): Promise<void> {
  await request(
    client,
    'POST',
    `/${master}/_clone/${name}`,
    {
      settings: { 'index.blocks.write': null },
    },
    { wait_for_active_shards: 1 }
  );
  await request(client, 'GET', '/_cluster/health', undefined, {
    wait_for_status: 'yellow',
    timeout: '60s',
  });
}

export async function runRepairBench(options: RepairBenchOptions): Promise<RepairBenchResult> {
  const log = options.log ?? (() => {});
  let node: OpenSearchNode | undefined;
  let url = options.url;
  if (!url) {
    log('starting an OpenSearch node for the bench');
    node = await startOpenSearchNode({ heap: '1g' });
    url = node.url;
  }
  const client = new Client({
    node: url,
    requestTimeout: 3_600_000,
  }) as unknown as OpenSearchClient;
  const day = utcDay(new Date(), -10);
  const prefix = `bench_repair_${Date.now().toString(36)}`;
  const master = `${prefix}_master-${day}`;
  try {
    log(`loading ${options.docs} events into ${master} (before any template: long timestamps)`);
    await bulkIndex(client, master, generateDayEvents({ day, count: options.docs }), {
      chunk: 5000,
    });
    await request(client, 'PUT', `/${master}/_settings`, { 'index.blocks.write': true });

    const raw: number[] = [];
    const repaired: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const rawSource = `${prefix}_raw${run}-${day}`;
      const repairSource = `${prefix}_rep${run}-${day}`;
      await cloneOf(client, master, rawSource);
      await cloneOf(client, master, repairSource);

      const timeRaw = async (): Promise<void> => {
        const dest = `${prefix}_rawdest${run}`;
        // Creating the fresh index is timed, as the repair's creation of its copy is.
        const t0 = performance.now();
        await request(client, 'PUT', `/${dest}`, { mappings: eventMappings() });
        const { task } = await request<{ task: string }>(
          client,
          'POST',
          '/_reindex',
          { source: { index: rawSource }, dest: { index: dest } },
          { wait_for_completion: false, slices: 'auto' }
        );
        await request(client, 'GET', `/_tasks/${task}`, undefined, {
          wait_for_completion: true,
          timeout: '1h',
        });
        await request(client, 'POST', `/${dest}/_refresh`);
        raw.push(options.docs / ((performance.now() - t0) / 1000));
      };
      const timeRepair = async (): Promise<void> => {
        const service = new RepairService(client, quiet);
        const t0 = performance.now();
        const state = await service.repair(repairSource, prefix);
        const seconds = (performance.now() - t0) / 1000;
        if (state.step !== 'done' || state.targetCount !== options.docs) {
          throw new Error(`repair did not complete: ${JSON.stringify(state)}`);
        }
        repaired.push(options.docs / seconds);
      };
      // Alternate the order so a warming or tiring node does not favour one side.
      if (run % 2 === 0) {
        await timeRaw();
        await timeRepair();
      } else {
        await timeRepair();
        await timeRaw();
      }
      log(
        `run ${run + 1}/${options.runs}: raw ${raw[raw.length - 1].toFixed(0)} docs/s, repair ${repaired[repaired.length - 1].toFixed(0)} docs/s`
      );
      await request(client, 'DELETE', `/${prefix}_r*`, undefined, { expand_wildcards: 'all' });
    }
    const rawMedian = median(raw);
    const repairMedian = median(repaired);
    return {
      docs: options.docs,
      runs: options.runs,
      rawDocsPerSec: raw,
      repairDocsPerSec: repaired,
      rawMedian,
      repairMedian,
      ratio: repairMedian / rawMedian,
      pairedRatio: median(repaired.map((r, i) => r / raw[i])),
    };
  } finally {
    await client.transport
      .request(
        { method: 'DELETE', path: `/${prefix}*`, querystring: { expand_wildcards: 'all' } },
        { ignore: [404] }
      )
      .catch(() => undefined);
    await node?.stop();
  }
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const options: RepairBenchOptions = {
    docs: Number(flag(args, 'docs') ?? 100_000),
    runs: Number(flag(args, 'runs') ?? 5),
    url: flag(args, 'url') ?? process.env.OPENSEARCH_URL,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  runRepairBench(options)
    .then((r) => {
      process.stdout.write(
        `repair bench: ${r.docs} docs, ${r.runs} runs\n` +
          `  raw _reindex: median ${r.rawMedian.toFixed(0)} docs/s (${r.rawDocsPerSec.map((v) => v.toFixed(0)).join(', ')})\n` +
          `  repair:       median ${r.repairMedian.toFixed(0)} docs/s (${r.repairDocsPerSec.map((v) => v.toFixed(0)).join(', ')})\n` +
          `  ratio of medians repair/raw: ${r.ratio.toFixed(2)}x (goal >= 0.90x) ${r.ratio >= 0.9 ? 'MET' : 'NOT MET'}\n` +
          `  median of per-run ratios:    ${r.pairedRatio.toFixed(2)}x\n`
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      process.exitCode = 1;
    });
}

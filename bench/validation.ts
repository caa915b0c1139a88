/**
 * Validation over many daily indices vs one raw `GET <prefix>*\/_mapping`, in the same run against the same node.
 * The report reads that same mapping once (plus a constant handful of small requests), so its cost should stay
 * within a small factor of the raw call however many indices there are. Goal: ratio <= 1.5.
 *
 * The indices are what a real archive looks like: the oldest few created before the template (timestamps as
 * long), the rest by the template, a couple of events each.
 */
import { findCheck } from '../common/check';
import { performance } from 'node:perf_hooks';
import { buildIndexTemplate, templateName } from '../common/template';
import { buildReport } from '../server/services/index_engine';
import type { OpenSearchClient } from '../server/osd_port';
import { FakeSavedObjects, FakeUiSettings } from '../test/support/fake_saved_objects';
import { createDailyIndices } from '../test/support/many_indices';
import { cleanupPrefix } from '../test/support/index_engine_fixtures';

export interface ValidationBenchOptions {
  indices: number;
  runs: number;
  keep: boolean;
  prefix: string;
  log: (line: string) => void;
}

export interface ValidationBenchResult {
  indices: number;
  runs: number;
  rawMs: number[];
  reportMs: number[];
  rawMedianMs: number;
  reportMedianMs: number;
  ratio: number;
  reportRequests: number;
}

const PRE_TEMPLATE = 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function countIndices(client: OpenSearchClient, prefix: string): Promise<number> {
  const { body } = await client.transport.request<unknown[]>({
    method: 'GET',
    path: `/_cat/indices/${prefix}*`,
    querystring: { format: 'json', h: 'index' },
  });
  return body.length;
}

async function prepare(client: OpenSearchClient, o: ValidationBenchOptions): Promise<void> {
  if ((await countIndices(client, o.prefix)) === o.indices) {
    o.log(`reusing ${o.indices} indices of ${o.prefix}*`);
    return;
  }
  await cleanupPrefix(client, o.prefix);
  // One shard per daily index and a replica that cannot be placed on one node: room for 2 x indices shards.
  await client.transport.request({
    method: 'PUT',
    path: '/_cluster/settings',
    body: { persistent: { 'cluster.max_shards_per_node': Math.max(1000, o.indices * 2 + 500) } },
  });
  const started = performance.now();
  const end = new Date();
  await createDailyIndices(client, o.prefix, {
    count: PRE_TEMPLATE,
    start: o.indices - PRE_TEMPLATE,
    endDay: end,
  });
  await client.transport.request({
    method: 'PUT',
    path: `/_index_template/${templateName(o.prefix)}`,
    body: buildIndexTemplate(o.prefix),
  });
  await createDailyIndices(client, o.prefix, { count: o.indices - PRE_TEMPLATE, endDay: end });
  o.log(`created ${o.indices} indices in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function runValidationBench(
  client: OpenSearchClient,
  o: ValidationBenchOptions
): Promise<ValidationBenchResult> {
  await prepare(client, o);
  let requests = 0;
  const counting: OpenSearchClient = {
    transport: {
      request: ((params, options) => {
        requests += 1;
        return client.transport.request(params, options);
      }) as OpenSearchClient['transport']['request'],
    },
  };
  const raw = () => client.transport.request({ method: 'GET', path: `/${o.prefix}*/_mapping` });
  const report = () =>
    buildReport(
      { client: counting, savedObjects: new FakeSavedObjects(), uiSettings: new FakeUiSettings() },
      o.prefix
    );

  // Warm-up: JIT, caches and connection pools on both sides.
  await raw();
  await report();
  const rawMs: number[] = [];
  const reportMs: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    // Alternate the order so neither side always runs on a warmer node.
    if (i % 2 === 0) {
      rawMs.push(await time(raw));
      reportMs.push(await time(report));
    } else {
      reportMs.push(await time(report));
      rawMs.push(await time(raw));
    }
  }
  requests = 0;
  const last = await report();
  const bad = findCheck(last.checks, 'indices.timestamps')?.evidence.badCount;
  o.log(`report: status ${last.status}, ${bad} indices with long timestamps, ${requests} requests`);
  const reportRequests = requests;
  if (!o.keep) {
    await cleanupPrefix(client, o.prefix);
    await client.transport.request({
      method: 'PUT',
      path: '/_cluster/settings',
      body: { persistent: { 'cluster.max_shards_per_node': null } },
    });
  }
  const rawMedianMs = median(rawMs);
  const reportMedianMs = median(reportMs);
  return {
    indices: o.indices,
    runs: o.runs,
    rawMs,
    reportMs,
    rawMedianMs,
    reportMedianMs,
    ratio: reportMedianMs / rawMedianMs,
    reportRequests,
  };
}

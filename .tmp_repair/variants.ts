import { Client } from '@opensearch-project/opensearch';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import { eventMappings } from '../common/event_mappings';
import type { OpenSearchClient } from '../server/osd_port';
const c = new Client({ node: 'http://127.0.0.1:9212', requestTimeout: 3600000 }) as unknown as OpenSearchClient;
const rq = async (method: any, path: string, body?: unknown, qs?: any) => (await c.transport.request({ method, path, body, querystring: qs })).body as any;
async function main() {
  const n = Number(process.argv[2] ?? 100000);
  await c.transport.request({ method: 'DELETE', path: '/var*', querystring: { expand_wildcards: 'all' } }, { ignore: [404] });
  await bulkIndex(c, 'varmaster', generateDayEvents({ day: '2026-11-15', count: n }), { chunk: 5000 });
  await rq('PUT', '/varmaster/_settings', { 'index.blocks.write': true });
  const variants: Record<string, { settings?: any; opType?: string; conflicts?: boolean; size?: number }> = {
    rawTemplate: {},
    create: { opType: 'create', conflicts: true },
    createNoRefresh: { opType: 'create', conflicts: true, settings: { 'index.refresh_interval': '-1', 'index.number_of_replicas': 0 } },
    indexNoRefresh: { settings: { 'index.refresh_interval': '-1', 'index.number_of_replicas': 0 } },
    createNoRefresh5000: { opType: 'create', conflicts: true, size: 5000, settings: { 'index.refresh_interval': '-1', 'index.number_of_replicas': 0 } },
  };
  const results: Record<string, number[]> = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, v] of Object.entries(variants)) {
      const src = `varsrc_${name.toLowerCase()}_${round}`; const dst = `vardst_${name.toLowerCase()}_${round}`;
      await rq('POST', `/varmaster/_clone/${src}`, { settings: { 'index.blocks.write': null } });
      await rq('GET', '/_cluster/health', undefined, { wait_for_status: 'yellow' });
      const t0 = performance.now();
      await rq('PUT', `/${dst}`, { settings: v.settings ?? {}, mappings: eventMappings() });
      const { task } = await rq('POST', '/_reindex', { source: { index: src, size: v.size ?? 1000 }, dest: { index: dst, ...(v.opType ? { op_type: v.opType } : {}) }, ...(v.conflicts ? { conflicts: 'proceed' } : {}) }, { wait_for_completion: false, slices: 'auto' });
      await rq('GET', `/_tasks/${task}`, undefined, { wait_for_completion: true, timeout: '1h' });
      const t1 = performance.now();
      if (v.settings) await rq('PUT', `/${dst}/_settings`, { 'index.refresh_interval': null });
      await rq('POST', `/${dst}/_refresh`);
      const t2 = performance.now();
      (results[name] ??= []).push(Math.round(t2 - t0));
      console.log(name, round, 'copy', Math.round(t1 - t0), 'total', Math.round(t2 - t0));
      await c.transport.request({ method: 'DELETE', path: `/${src},${dst}` });
    }
  }
  console.log(results);
  await c.transport.request({ method: 'DELETE', path: '/var*', querystring: { expand_wildcards: 'all' } }, { ignore: [404] });
}
main();

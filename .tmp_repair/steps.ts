import { Client } from '@opensearch-project/opensearch';
import { RepairService } from '../server/services/repair/repair_service';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import type { OpenSearchClient, TransportRequestParams } from '../server/osd_port';
const raw = new Client({ node: 'http://127.0.0.1:9212' }) as unknown as OpenSearchClient;
const log: string[] = [];
let t0 = 0;
const timed: OpenSearchClient = { transport: { request: (async (p: TransportRequestParams, o: unknown) => {
  const s = performance.now(); try { return await raw.transport.request(p, o as never); } finally { log.push(`${(s - t0).toFixed(0).padStart(6)} +${(performance.now() - s).toFixed(0).padStart(5)} ${p.method} ${p.path} ${JSON.stringify(p.querystring ?? {})}`); } }) as never } };
async function main() {
  const n = Number(process.argv[2] ?? 100000);
  await raw.transport.request({ method: 'DELETE', path: '/steps*', querystring: { expand_wildcards: 'all' } }, { ignore: [404] });
  await bulkIndex(raw, 'steps-2026-11-15', generateDayEvents({ day: '2026-11-15', count: n }), { chunk: 5000 });
  const svc = new RepairService(timed, { debug() {}, info() {}, warn() {}, error() {} });
  t0 = performance.now();
  await svc.repair('steps-2026-11-15', (j) => log.push(`${(performance.now() - t0).toFixed(0).padStart(6)} STEP ${j.step} ${JSON.stringify(j.docs)}`));
  console.log(log.join('\n'));
  await raw.transport.request({ method: 'DELETE', path: '/steps*', querystring: { expand_wildcards: 'all' } }, { ignore: [404] });
}
main();

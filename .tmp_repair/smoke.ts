import { Client } from '@opensearch-project/opensearch';
import { RepairService } from '../server/services/repair/repair_service';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import type { OpenSearchClient } from '../server/osd_port';

const logger = { debug() {}, info: (m: string) => console.log('  log:', m), warn: (m: unknown) => console.log('  WARN:', m), error: (m: unknown) => console.log('  ERR:', m) };
async function main() {
  const client = new Client({ node: 'http://127.0.0.1:9212' }) as unknown as OpenSearchClient;
  const index = 'pinpoint_smk-2026-11-20';
  await client.transport.request({ method: 'DELETE', path: '/pinpoint_smk*' , querystring: {expand_wildcards: 'all'}}, { ignore: [404] });
  await client.transport.request({ method: 'DELETE', path: '/.pinpoint-repair' }, { ignore: [404] });
  const n = Number(process.argv[2] ?? 5000);
  await bulkIndex(client, index, generateDayEvents({ day: '2026-11-20', count: n }));
  const svc = new RepairService(client, logger, { progressIntervalMs: 200 });
  console.log(await svc.candidates('pinpoint_smk'));
  const t0 = Date.now();
  const st = await svc.repair(index, (j) => console.log(j.step, j.docs));
  console.log('took', Date.now() - t0, st);
  console.log((await client.transport.request({ method: 'GET', path: '/pinpoint_smk*/_count' })).body);
  console.log((await client.transport.request({ method: 'GET', path: '/_resolve/index/pinpoint_smk*', querystring: {expand_wildcards: 'all'} })).body);
  console.log(await svc.candidates('pinpoint_smk'));
  try { await svc.start('pinpoint_smk-2026-11-25'); } catch (e) { console.log('today:', (e as Error).message); }
}
main().catch((e) => { console.error(e.meta?.body ?? e); process.exit(1); });

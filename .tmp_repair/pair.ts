import { Client } from '@opensearch-project/opensearch';
import { RepairService } from '../server/services/repair/repair_service';
import { loadBeforeTemplate, pastDay, uniquePrefix, cleanupPrefix } from '../test/support/repair_fixtures';
import type { OpenSearchClient } from '../server/osd_port';
const raw = new Client({ node: 'http://127.0.0.1:9212' }) as unknown as OpenSearchClient;
function tagged(tag: string): OpenSearchClient {
  return { transport: { request: (async (p: any, o: any) => { try { return await raw.transport.request(p, o); } catch (e) { console.log(tag, 'FAILED', p.method, p.path, JSON.stringify(p.querystring)); throw e; } }) as any } };
}
const logger = (tag: string) => ({ debug() {}, info: (m: string) => console.log(tag, m), warn: (m: unknown) => console.log(tag, 'W', m), error() {} });
async function main() {
  const prefix = uniquePrefix('pair');
  const [index] = await loadBeforeTemplate(raw, prefix, [pastDay(4)], 3000);
  const a = new RepairService(tagged('A'), logger('A'), { progressIntervalMs: 20 });
  const b = new RepairService(tagged('B'), logger('B'), { progressIntervalMs: 20 });
  await a.start(index);
  const r = await Promise.allSettled([a.run(index), b.run(index)]);
  console.log(r.map((x) => x.status === 'fulfilled' ? x.value.step : String(x.reason)));
  await cleanupPrefix(raw, prefix);
}
main();

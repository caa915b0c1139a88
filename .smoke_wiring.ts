import { AwsClientFactory } from './server/aws/client_factory';
import { checkWiring } from './server/services/wiring/orchestrator';
import { buildPipeline, DUMMY_CREDENTIALS, putDeliveryMetrics } from './test/support/wiring_pipeline';
const logger = { debug: (m: string) => console.error('DEBUG', m), info: console.error, warn: console.error, error: (m: unknown) => console.error('ERROR', m) };
(async () => {
  const breakage = (process.argv[2] ?? 'none') as never;
  const p = await buildPipeline('us-east-1', breakage);
  await putDeliveryMetrics('us-east-1', p.streamName, { incoming: 100, delivered: 100, success: 1, freshness: 70 });
  const aws = new AwsClientFactory({ endpoint: process.env.MOTO_URL, credentials: async () => DUMMY_CREDENTIALS });
  const cluster = { transport: { async request(params: { method: string; path: string }) {
    if (params.path === '/') return { body: { cluster_name: `123456789012:${p.domainName}`, version: { number: '2.19.0' } }, statusCode: 200 };
    if (params.path.endsWith('_search')) return { body: { aggregations: { latest: { value: Date.now() - 30000 } } }, statusCode: 200 };
    throw Object.assign(new Error('nope'), { meta: { statusCode: 403 } });
  } } };
  const t = Date.now();
  const r = await checkWiring({ region: 'us-east-1', appIds: [p.appId] }, { aws, cluster: cluster as never, logger });
  console.log('ms', Date.now() - t, r.status, r.counts, r.complete);
  for (const h of r.hops) { console.log(`== ${h.id} ${h.status} ${h.durationMs}ms`); for (const c of h.checks) console.log(`  ${c.status.padEnd(7)} ${c.id} [${c.subject ?? ''}] ${c.message.slice(0, 200)}`); }
  if (process.argv[3]) console.log(JSON.stringify(r.hops.find(h => h.id === process.argv[3]), null, 1));
  aws.destroy();
})();

import { AwsClientFactory, type AwsPorts } from './server/aws/client_factory';
import { checkWiring } from './server/services/wiring/orchestrator';
import { buildPipeline, destroyPipeline, DUMMY_CREDENTIALS, putDeliveryMetrics } from './test/support/wiring_pipeline';
import { Client } from '@opensearch-project/opensearch';
const log: string[] = [];
let t0 = 0;
function wrap(ports: AwsPorts): AwsPorts {
  const out: Record<string, unknown> = { region: ports.region };
  for (const [svc, port] of Object.entries(ports)) {
    if (svc === 'region') continue;
    const w: Record<string, unknown> = {};
    for (const [m, fn] of Object.entries(port as Record<string, (...a: unknown[]) => Promise<unknown>>)) {
      w[m] = async (...a: unknown[]) => { const s = performance.now() - t0; try { return await fn(...a); } finally { log.push(`${s.toFixed(0).padStart(4)} -> ${(performance.now() - t0).toFixed(0).padStart(4)}  ${svc}.${m}`); } };
    }
    out[svc] = w;
  }
  return out as unknown as AwsPorts;
}
(async () => {
  const p = await buildPipeline('ca-central-1', 'failed_records');
  await putDeliveryMetrics('ca-central-1', p.streamName, { incoming: 5, delivered: 5, success: 1, freshness: 60 });
  const f = new AwsClientFactory({ endpoint: process.env.MOTO_URL, credentials: async () => DUMMY_CREDENTIALS });
  const aws = { forRegion: (r: string, role?: string) => wrap(f.forRegion(r, role)) };
  const raw = new Client({ node: process.env.OPENSEARCH_URL }) as never as { transport: { request: (...a: unknown[]) => Promise<unknown> } };
  const cluster = { transport: { request: async (params: { path: string }, o: unknown) => { const s = performance.now() - t0; try { return await raw.transport.request(params, o); } finally { log.push(`${s.toFixed(0).padStart(4)} -> ${(performance.now() - t0).toFixed(0).padStart(4)}  cluster ${params.path}`); } } } };
  for (let i = 0; i < 4; i++) {
    log.length = 0; t0 = performance.now();
    const r = await checkWiring({ region: 'ca-central-1', appIds: [p.appId] }, { aws, cluster: cluster as never, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    console.log('---- full', r.durationMs); console.log(log.sort().join('\n'));
  }
  f.destroy(); await destroyPipeline(p);
})();

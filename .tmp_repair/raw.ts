import { Client } from '@opensearch-project/opensearch';
async function main() {
  const c = new Client({ node: 'http://127.0.0.1:9212' });
  await c.transport.request({ method: 'DELETE', path: '/rawcopy' }, { ignore: [404] });
  const t0 = Date.now();
  const r = await c.transport.request({ method: 'POST', path: '/_reindex', querystring: { wait_for_completion: true, slices: 'auto' }, body: { source: { index: process.argv[2] }, dest: { index: 'rawcopy' } } });
  console.log('raw reindex ms', Date.now() - t0, (r.body as {took:number}).took);
  await c.transport.request({ method: 'DELETE', path: '/rawcopy' }, { ignore: [404] });
}
main();

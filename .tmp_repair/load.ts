import { Client } from '@opensearch-project/opensearch';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import type { OpenSearchClient } from '../server/osd_port';
async function main() {
  const client = new Client({ node: 'http://127.0.0.1:9212' }) as unknown as OpenSearchClient;
  const [prefix, ...days] = process.argv.slice(2);
  await client.transport.request({ method: 'DELETE', path: `/${prefix}*`, querystring: { expand_wildcards: 'all' } }, { ignore: [404] });
  for (const day of days) await bulkIndex(client, `${prefix}-${day}`, generateDayEvents({ day, count: 2000 }));
}
main();

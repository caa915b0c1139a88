import { Client } from '@opensearch-project/opensearch';
import { bulkIndex } from '../dev/demo/bulk_index';
import { generateDayEvents } from '../dev/demo/pinpoint_events';
import { eventMappings } from '../common/event_mappings';
import type { OpenSearchClient } from '../server/osd_port';
async function main() {
  const c = new Client({ node: 'http://127.0.0.1:9212' }) as unknown as OpenSearchClient;
  await c.transport.request({ method: 'DELETE', path: '/hdr*' }, { ignore: [404] });
  await bulkIndex(c, 'hdr_src-2026-11-15', generateDayEvents({ day: '2026-11-15', count: 20000 }), { chunk: 5000 });
  await c.transport.request({ method: 'PUT', path: '/hdr_dest', body: { mappings: eventMappings() } });
}
main();

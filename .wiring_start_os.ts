import { startOpenSearchNode } from '/work/main/scripts/lib/opensearch_node';
import { writeFileSync } from 'node:fs';
(async () => {
  const node = await startOpenSearchNode({ heap: '768m' });
  writeFileSync('/tmp/wprobe/os_url', node.url);
  console.log('READY', node.url, node.pid);
  process.on('SIGTERM', async () => { await node.stop(); process.exit(0); });
  setInterval(() => undefined, 1 << 30);
})();

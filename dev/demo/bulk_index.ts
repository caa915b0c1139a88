import type { OpenSearchClient } from '../../server/osd_port';

interface BulkResponse {
  errors: boolean;
  items: Array<Record<string, { status: number; error?: { type: string; reason: string } }>>;
}

/**
 * Index documents the way Firehose does: a _bulk into the index, letting OpenSearch create it (and map it) on
 * the first document. Throws with the first item error, so test data never silently goes missing.
 */
export async function bulkIndex(
  client: OpenSearchClient,
  index: string,
  docs: readonly object[],
  options: { refresh?: boolean; chunk?: number } = {}
): Promise<number> {
  const chunk = options.chunk ?? 2000;
  for (let i = 0; i < docs.length; i += chunk) {
    const bulkBody: object[] = [];
    for (const doc of docs.slice(i, i + chunk)) bulkBody.push({ index: { _index: index } }, doc);
    const { body } = await client.transport.request<BulkResponse>({
      method: 'POST',
      path: '/_bulk',
      bulkBody,
    });
    if (body.errors) {
      const failed = body.items.map((item) => Object.values(item)[0]).find((r) => r.error);
      throw new Error(
        `bulk into ${index} failed: ${failed?.error?.type}: ${failed?.error?.reason}`
      );
    }
  }
  if (options.refresh !== false) {
    await client.transport.request({
      method: 'POST',
      path: `/${encodeURIComponent(index)}/_refresh`,
    });
  }
  return docs.length;
}

import { dailyIndexName } from '../../common/index_naming';
import { generateDayEvents } from '../../dev/demo/pinpoint_events';
import type { OpenSearchClient } from '../../server/osd_port';

interface BulkResponse {
  errors: boolean;
  items: Array<Record<string, { error?: { reason: string } }>>;
}

/**
 * `count` daily indices ending yesterday-ish, `docsPerIndex` events each, created by _bulk the way Firehose
 * creates them (auto-create on first document). One bulk per batch of indices keeps creation fast; no
 * replicas, so a single node stays green.
 */
export async function createDailyIndices(
  client: OpenSearchClient,
  prefix: string,
  options: { count: number; start?: number; docsPerIndex?: number; endDay?: Date }
): Promise<string[]> {
  const end = options.endDay ?? new Date();
  const docs = options.docsPerIndex ?? 2;
  const first = options.start ?? 0;
  const names: string[] = [];
  const batch = 100;
  for (let i = first; i < first + options.count; i += batch) {
    const bulkBody: object[] = [];
    for (let j = i; j < Math.min(i + batch, first + options.count); j++) {
      const date = new Date(end.getTime() - j * 86_400_000);
      const index = dailyIndexName(prefix, date);
      names.push(index);
      // Explicit creation with zero replicas first would cost a request per index; auto-create is batched.
      for (const doc of generateDayEvents({ day: date.toISOString().slice(0, 10), count: docs })) {
        bulkBody.push({ index: { _index: index } }, doc);
      }
    }
    const { body } = await client.transport.request<BulkResponse>({
      method: 'POST',
      path: '/_bulk',
      bulkBody,
    });
    if (body.errors) {
      const failed = body.items.map((it) => Object.values(it)[0]).find((r) => r.error);
      throw new Error(`bulk failed: ${failed?.error?.reason}`);
    }
  }
  await client.transport.request({ method: 'POST', path: `/${prefix}*/_refresh` });
  return names;
}

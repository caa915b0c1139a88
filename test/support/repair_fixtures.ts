/**
 * Test data and checks for the repair suites: Pinpoint events indexed the way the seed warns against (before
 * the template, so the timestamps become `long`), every document id under a pattern, and cleanup.
 */
import { randomBytes } from 'node:crypto';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';
import { templateName } from '../../common/template';
import type { OpenSearchClient } from '../../server/osd_port';
import { REPAIR_STATE_INDEX } from '../../server/services/repair/state_store';

/** A lowercase, valid, unique prefix per test file: `pinpoint_t_<name>_<hex>`. */
export function uniquePrefix(name: string): string {
  return `pinpoint_t_${name}_${randomBytes(3).toString('hex')}`;
}

/** A past UTC day, far enough back that Firehose is done with its index (`daysAgo` >= 2). */
export function pastDay(daysAgo: number, now = new Date()): string {
  if (daysAgo < 2) throw new Error('use a day at least 2 days ago: yesterday may still be written');
  return utcDay(now, -daysAgo);
}

/** Indexes generated events for each day into `<prefix>-<day>` with no template present: long timestamps. */
export async function loadBeforeTemplate(
  client: OpenSearchClient,
  prefix: string,
  days: string[],
  count: number
): Promise<string[]> {
  const indices: string[] = [];
  for (const [i, day] of days.entries()) {
    const index = `${prefix}-${day}`;
    await bulkIndex(client, index, generateDayEvents({ day, count, seed: i + 1 }), { chunk: 5000 });
    indices.push(index);
  }
  return indices;
}

/** Every document id under `pattern` (aliases resolved, hidden indices excluded), with repeats kept. */
export async function allIds(client: OpenSearchClient, pattern: string): Promise<string[]> {
  const ids: string[] = [];
  let { body } = await client.transport.request<{
    _scroll_id: string;
    hits: { hits: Array<{ _id: string }> };
  }>({
    method: 'POST',
    path: `/${encodeURIComponent(pattern)}/_search`,
    querystring: { scroll: '1m' },
    body: { size: 5000, _source: false, query: { match_all: {} } },
  });
  for (;;) {
    for (const hit of body.hits.hits) ids.push(hit._id);
    if (body.hits.hits.length === 0) break;
    ({ body } = await client.transport.request({
      method: 'POST',
      path: '/_search/scroll',
      body: { scroll: '1m', scroll_id: body._scroll_id },
    }));
  }
  await client.transport.request(
    { method: 'DELETE', path: '/_search/scroll', body: { scroll_id: body._scroll_id } },
    { ignore: [404] }
  );
  return ids;
}

export async function countOf(client: OpenSearchClient, pattern: string): Promise<number> {
  await client.transport.request({
    method: 'POST',
    path: `/${encodeURIComponent(pattern)}/_refresh`,
    querystring: { expand_wildcards: 'all', allow_no_indices: true },
  });
  const { body } = await client.transport.request<{ count: number }>({
    method: 'GET',
    path: `/${encodeURIComponent(pattern)}/_count`,
  });
  return body.count;
}

/** Indices under `<prefix>*` whose write block is set, hidden ones included. */
export async function writeBlocked(client: OpenSearchClient, prefix: string): Promise<string[]> {
  const { body } = await client.transport.request<
    Record<string, { settings: { index: { blocks?: { write?: string } } } }>
  >({
    method: 'GET',
    path: `/${encodeURIComponent(`${prefix}*`)}/_settings`,
    querystring: { expand_wildcards: 'all', allow_no_indices: true },
  });
  return Object.entries(body)
    .filter(([, v]) => v.settings.index.blocks?.write === 'true')
    .map(([name]) => name);
}

/** Removes every index of the prefix, its templates and its repair jobs. */
export async function cleanupPrefix(client: OpenSearchClient, prefix: string): Promise<void> {
  await client.transport.request(
    {
      method: 'DELETE',
      path: `/${encodeURIComponent(`${prefix}*`)}`,
      querystring: { expand_wildcards: 'all', allow_no_indices: true },
    },
    { ignore: [404] }
  );
  await client.transport.request(
    { method: 'DELETE', path: `/_index_template/${encodeURIComponent(templateName(prefix))}` },
    { ignore: [404] }
  );
  await client.transport.request(
    { method: 'POST', path: `/${REPAIR_STATE_INDEX}/_refresh` },
    { ignore: [404] }
  );
  await client.transport.request(
    {
      method: 'POST',
      path: `/${REPAIR_STATE_INDEX}/_delete_by_query`,
      querystring: { refresh: true, conflicts: 'proceed' },
      body: { query: { prefix: { source: prefix } } },
    },
    { ignore: [404] }
  );
}

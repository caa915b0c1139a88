/**
 * Fixtures for the index engine suites: the seed's order of events (data first, template after), the seed's
 * legacy template, a stand-in for the end state of a repair, and cleanup of everything a prefix owns.
 */
import { dailyIndexName } from '../../common/index_naming';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';
import type { OpenSearchClient } from '../../server/osd_port';

/** Daily indices for the last `days` UTC days up to today, filled BEFORE any template exists. */
export async function seedBeforeTemplate(
  client: OpenSearchClient,
  prefix: string,
  options: { days: number; perDay: number; now?: Date }
): Promise<string[]> {
  const now = options.now ?? new Date();
  const indices: string[] = [];
  for (let offset = -(options.days - 1); offset <= 0; offset++) {
    const day = utcDay(now, offset);
    const index = dailyIndexName(prefix, new Date(`${day}T00:00:00Z`));
    // Today's events stop at "now" (and at least one exists, so freshness has something to find).
    const docs = generateDayEvents({ day, count: options.perDay, until: now.getTime() });
    await bulkIndex(client, index, docs.length > 0 ? docs : generateDayEvents({ day, count: 1 }));
    indices.push(index);
  }
  return indices.sort();
}

/** The seed's step 5, under a name of this prefix (the seed's `default_template` name is global). */
export async function putSeedLegacyTemplate(
  client: OpenSearchClient,
  prefix: string
): Promise<string> {
  const name = `${prefix}_default_template`;
  await client.transport.request({
    method: 'PUT',
    path: `/_template/${name}`,
    body: {
      index_patterns: [`${prefix}*`],
      order: 1,
      mappings: { properties: { arrival_timestamp: { type: 'date', format: 'epoch_millis' } } },
    },
  });
  return name;
}

/**
 * What a finished repair leaves behind, done crudely: the documents copied into `<index>-repaired` (mapped by
 * the installed template), the original removed and its name an alias of the copy. Used where a suite needs a
 * repaired state without depending on the repair service.
 */
export async function simulateRepair(client: OpenSearchClient, index: string): Promise<void> {
  const target = `${index}-repaired`;
  await client.transport.request({
    method: 'POST',
    path: '/_reindex',
    querystring: { refresh: true, wait_for_completion: true },
    body: { source: { index }, dest: { index: target } },
  });
  await client.transport.request({ method: 'DELETE', path: `/${index}` });
  await client.transport.request({
    method: 'POST',
    path: '/_aliases',
    body: { actions: [{ add: { index: target, alias: index } }] },
  });
}

export async function cleanupPrefix(client: OpenSearchClient, prefix: string): Promise<void> {
  const ignore = { ignore: [404] };
  await client.transport.request(
    { method: 'DELETE', path: `/${prefix}*`, querystring: { expand_wildcards: 'all' } },
    ignore
  );
  await client.transport.request({ method: 'DELETE', path: `/_index_template/${prefix}*` }, ignore);
  await client.transport.request({ method: 'DELETE', path: `/_template/${prefix}*` }, ignore);
}

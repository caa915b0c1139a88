/**
 * When did the last event arrive? One max aggregation over the newest few indices (by creation date), not
 * over the whole pattern: the newest data is in the newest index, and searching 1,000 daily indices to find
 * it would cost a shard per index.
 */
import type { OpenSearchClient } from '../../osd_port';
import { TIME_FIELD } from '../../../common/constants';
import type { IndexSettings } from './index_scan';

export interface Freshness {
  /** Epoch ms of the latest arrival_timestamp, or null when those indices hold no events. */
  latest: number | null;
  searched: string[];
}

/** Enough to look past today's index just created by a rotation with no events in it yet. */
const NEWEST = 3;

interface MaxResponse {
  aggregations?: { latest?: { value: number | null } };
}

export async function latestArrival(
  client: OpenSearchClient,
  indices: readonly IndexSettings[]
): Promise<Freshness> {
  const newest = [...indices]
    .sort((a, b) => b.creationDate - a.creationDate || b.name.localeCompare(a.name))
    .slice(0, NEWEST);
  if (newest.length === 0) return { latest: null, searched: [] };
  const searched = newest.map((ix) => ix.name);
  const { body } = await client.transport.request<MaxResponse>({
    method: 'POST',
    path: `/${searched.map(encodeURIComponent).join(',')}/_search`,
    querystring: { ignore_unavailable: true, allow_no_indices: true },
    // A long or a date field both answer a numeric max in epoch milliseconds.
    body: { size: 0, track_total_hits: false, aggs: { latest: { max: { field: TIME_FIELD } } } },
  });
  const value = body.aggregations?.latest?.value;
  return { latest: typeof value === 'number' && Number.isFinite(value) ? value : null, searched };
}

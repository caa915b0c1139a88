/**
 * When did the last event arrive, and in which index? One search over a few candidate indices, not over the
 * whole pattern (1,000 daily indices would cost a shard each): the newest by the day in their name and the
 * newest by creation date. Both are needed: after a repair, yesterday's copy (`<day>-repaired`) is the newest
 * index by creation date while today's unrepaired index holds newer events. Only concrete indices are searched,
 * so an alias and the copy it points to are counted once.
 */
import type { OpenSearchClient } from '../../osd_port';
import { TIME_FIELD } from '../../../common/constants';
import { REPAIR_TARGET_SUFFIX } from '../../../common/repair';
import { parseRotatedIndex } from '../../../common/rotation_window';
import type { IndexSettings } from './index_scan';

export interface Freshness {
  /** Epoch ms of the latest arrival_timestamp, or null when those indices hold no events. */
  latest: number | null;
  /** The index holding it. */
  index: string | null;
  searched: string[];
}

/** Enough to look past today's index just created by a rotation with no events in it yet. */
const NEWEST = 3;

interface LatestResponse {
  aggregations?: {
    by_index?: { buckets?: Array<{ key: string; latest?: { value: number | null } }> };
  };
}

/** The start of the period an index's name covers, repaired copies included; -1 when it has none. */
function periodStart(name: string): number {
  const base = name.endsWith(REPAIR_TARGET_SUFFIX)
    ? name.slice(0, -REPAIR_TARGET_SUFFIX.length)
    : name;
  return parseRotatedIndex(base)?.start.getTime() ?? -1;
}

/** Always the same number of names (2 x NEWEST, or every index when there are fewer): one bounded search. */
export function freshnessCandidates(indices: readonly IndexSettings[]): string[] {
  const byName = [...indices]
    .filter((ix) => periodStart(ix.name) >= 0)
    .sort((a, b) => periodStart(b.name) - periodStart(a.name) || b.name.localeCompare(a.name))
    .slice(0, NEWEST);
  const byCreation = [...indices].sort(
    (a, b) => b.creationDate - a.creationDate || b.name.localeCompare(a.name)
  );
  const chosen = new Set(byName.map((ix) => ix.name));
  for (const ix of byCreation) {
    if (chosen.size >= 2 * NEWEST) break;
    chosen.add(ix.name);
  }
  return [...chosen].sort();
}

export async function latestArrival(
  client: OpenSearchClient,
  indices: readonly IndexSettings[]
): Promise<Freshness> {
  const searched = freshnessCandidates(indices);
  if (searched.length === 0) return { latest: null, index: null, searched };
  const { body } = await client.transport.request<LatestResponse>({
    method: 'POST',
    path: `/${searched.map(encodeURIComponent).join(',')}/_search`,
    querystring: { ignore_unavailable: true, allow_no_indices: true },
    // A long or a date field both answer a numeric max in epoch milliseconds; the index with the highest
    // max comes first.
    body: {
      size: 0,
      track_total_hits: false,
      aggs: {
        by_index: {
          terms: { field: '_index', size: 1, order: { latest: 'desc' } },
          aggs: { latest: { max: { field: TIME_FIELD } } },
        },
      },
    },
  });
  const top = body.aggregations?.by_index?.buckets?.[0];
  const value = top?.latest?.value;
  return typeof value === 'number' && Number.isFinite(value)
    ? { latest: value, index: top?.key ?? null, searched }
    : { latest: null, index: null, searched };
}

/**
 * The `endpoint` documents of the summaries index (see endpoints.ts): written by a build (marks added to
 * what earlier builds wrote; a recomputed day's marks removed first), counted for a range, and looked up for
 * the raw part's endpoints.
 */
import type { Counts } from '../../../common/campaigns/fold';
import { fromOpenSearchError } from '../../errors';
import { DAY_MS, dayIntervals, dayName } from './days';
import type { EndpointMarks } from './endpoints';
import type { SummaryStore } from './summary_index';

export const endpointDocId = (groupKind: string, key: string) => `ep|${groupKind}|${key}`;

const ADD_MARKS = `
for (m in params.marks) { if (!ctx._source.marks.contains(m)) { ctx._source.marks.add(m); } }
for (d in params.days) { if (!ctx._source.days.contains(d)) { ctx._source.days.add(d); } }`;

const REMOVE_DAYS = `
ctx._source.marks.removeIf(m -> params.days.contains(m.substring(m.lastIndexOf('|') + 1)));
ctx._source.days.removeIf(d -> params.days.contains(d));`;

/** Per build chunk: endpoint doc id -> its document and the marks and days to add. */
export type EndpointWrites = Map<
  string,
  {
    groupKind: string;
    groupId: string;
    split: string;
    endpoint: string;
    marks: Set<string>;
    days: Set<string>;
  }
>;

export function addEndpointMarks(
  into: EndpointWrites,
  groupKind: string,
  day: string,
  marks: EndpointMarks
): void {
  for (const [key, metrics] of marks) {
    const id = endpointDocId(groupKind, key);
    let w = into.get(id);
    if (!w) {
      // Group ids and splits hold no "|"; an endpoint id might.
      const [groupId, split] = key.split('|', 2);
      const endpoint = key.slice(groupId.length + split.length + 2);
      w = { groupKind, groupId, split, endpoint, marks: new Set(), days: new Set() };
      into.set(id, w);
    }
    w.days.add(day);
    for (const m of metrics) w.marks.add(`${m}|${day}`);
  }
}

export async function writeEndpoints(store: SummaryStore, writes: EndpointWrites): Promise<void> {
  const ops: object[] = [];
  for (const [id, w] of writes) {
    const marks = [...w.marks];
    const days = [...w.days];
    ops.push(
      { update: { _index: store.index, _id: id, retry_on_conflict: 3 } },
      {
        script: { source: ADD_MARKS, lang: 'painless', params: { marks, days } },
        upsert: {
          type: 'endpoint',
          key: id,
          groupKind: w.groupKind,
          groupId: w.groupId,
          split: w.split,
          endpoint: w.endpoint,
          marks,
          days,
        },
      }
    );
  }
  for (let i = 0; i < ops.length; i += 10_000) {
    let body: { errors: boolean; items: Array<Record<string, { error?: { reason?: string } }>> };
    try {
      ({ body } = await store.client.transport.request<typeof body>(
        { method: 'POST', path: '/_bulk', bulkBody: ops.slice(i, i + 10_000) },
        { requestTimeout: 300_000 }
      ));
    } catch (error) {
      throw fromOpenSearchError(error, `writing ${store.index}`);
    }
    if (body.errors) {
      const failed = body.items.map((it) => Object.values(it)[0]).find((r) => r.error);
      throw new Error(`writing ${store.index}: ${failed?.error?.reason ?? 'bulk item refused'}`);
    }
  }
}

/** Before a day is recomputed: its marks leave every endpoint document. */
export async function removeEndpointDays(
  store: SummaryStore,
  days: readonly string[]
): Promise<void> {
  if (days.length === 0) return;
  try {
    await store.client.transport.request(
      {
        method: 'POST',
        path: `/${encodeURIComponent(store.index)}/_update_by_query`,
        querystring: { refresh: true, conflicts: 'proceed' },
        body: {
          query: { bool: { filter: [{ term: { type: 'endpoint' } }, { terms: { days } }] } },
          script: { source: REMOVE_DAYS, lang: 'painless', params: { days } },
        },
      },
      { requestTimeout: 600_000 }
    );
  } catch (error) {
    throw fromOpenSearchError(error, `updating ${store.index}`);
  }
}

/**
 * Marks of a metric on any of the days, as keyword ranges (`metric|YYYY-MM-DD` sorts by day): one range per
 * run of consecutive days, far cheaper than a term per day over a year.
 */
function marksOn(metric: string, days: readonly string[]): object {
  const ranges = dayIntervals(days).map((iv) => ({
    range: {
      marks: { gte: `${metric}|${dayName(iv.from)}`, lte: `${metric}|${dayName(iv.to - DAY_MS)}` },
    },
  }));
  return ranges.length === 1 ? ranges[0] : { bool: { should: ranges, minimum_should_match: 1 } };
}

/** Per group: endpoint metric counts of the group ("" split) and of each split, over the summary days. */
export async function endpointCounts(
  store: SummaryStore,
  groupKind: string,
  days: readonly string[],
  metrics: readonly string[],
  groupId?: string
): Promise<Map<string, { counts: Counts; splits: Map<string, Counts> }>> {
  const out = new Map<string, { counts: Counts; splits: Map<string, Counts> }>();
  if (metrics.length === 0 || days.length === 0) return out;
  const sub: Record<string, object> = {};
  metrics.forEach((m, i) => (sub[`m${i}`] = { filter: marksOn(m, days) }));
  let after: Record<string, unknown> | undefined;
  type Bucket = { key: { g: string; s: string } } & Record<string, { doc_count: number }>;
  do {
    let buckets: Bucket[];
    let afterKey: Record<string, unknown> | undefined;
    try {
      const { body } = await store.client.transport.request<{
        aggregations?: { g: { buckets: Bucket[]; after_key?: Record<string, unknown> } };
      }>(
        {
          method: 'POST',
          path: `/${encodeURIComponent(store.index)}/_search`,
          body: {
            size: 0,
            track_total_hits: false,
            query: {
              bool: {
                filter: [
                  { term: { type: 'endpoint' } },
                  { term: { groupKind } },
                  ...(groupId ? [{ term: { groupId } }] : []),
                  {
                    bool: { should: metrics.map((m) => marksOn(m, days)), minimum_should_match: 1 },
                  },
                ],
              },
            },
            aggs: {
              g: {
                composite: {
                  size: 1000,
                  sources: [
                    { g: { terms: { field: 'groupId' } } },
                    { s: { terms: { field: 'split' } } },
                  ],
                  ...(after ? { after } : {}),
                },
                aggs: sub,
              },
            },
          },
        },
        { requestTimeout: 120_000 }
      );
      buckets = body.aggregations?.g.buckets ?? [];
      afterKey = buckets.length ? body.aggregations?.g.after_key : undefined;
    } catch (error) {
      throw fromOpenSearchError(error, `reading ${store.index}`);
    }
    for (const b of buckets) {
      let g = out.get(b.key.g);
      if (!g) out.set(b.key.g, (g = { counts: {}, splits: new Map() }));
      const counts: Counts = {};
      metrics.forEach((m, i) => {
        const n = b[`m${i}`].doc_count;
        if (n > 0) counts[m] = n;
      });
      if (b.key.s === '') g.counts = counts;
      else g.splits.set(b.key.s, counts);
    }
    after = afterKey;
  } while (after);
  return out;
}

/** The marks of some endpoint documents (absent ones: none). */
export async function endpointMarksOf(
  store: SummaryStore,
  ids: readonly string[]
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 10_000) {
    let docs: Array<{ _id: string; found: boolean; _source?: { marks: string[] } }>;
    try {
      ({
        body: { docs },
      } = await store.client.transport.request<{ docs: typeof docs }>(
        {
          method: 'POST',
          path: `/${encodeURIComponent(store.index)}/_mget`,
          querystring: { _source_includes: 'marks' },
          body: { ids: ids.slice(i, i + 10_000) },
        },
        { requestTimeout: 120_000 }
      ));
    } catch (error) {
      throw fromOpenSearchError(error, `reading ${store.index}`);
    }
    for (const d of docs) if (d.found && d._source) out.set(d._id, d._source.marks);
  }
  return out;
}

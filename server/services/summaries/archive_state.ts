/**
 * What the archive holds now, as the summaries compare it: each index's fingerprint (uuid, doc count, latest
 * arrival — a late retry or a replay changes one of them) and which send days each index holds events of.
 */
import type { OpenSearchClient } from '../../osd_port';
import { fromOpenSearchError } from '../../errors';
import type { Fingerprint } from './summary_index';

const TIMEOUT = { requestTimeout: 120_000 };

interface CatRow {
  index: string;
  uuid: string;
  'docs.count': string | null;
}

/** Fingerprints of the named indices (`target` names exactly them). */
export async function fingerprints(
  client: OpenSearchClient,
  prefix: string,
  target: string,
  indices: readonly string[],
  arrivalField: string
): Promise<Map<string, Fingerprint>> {
  const out = new Map<string, Fingerprint>();
  if (indices.length === 0) return out;
  let rows: CatRow[];
  let buckets: Array<{ key: string; latest: { value: number | null } }>;
  try {
    const [cat, agg] = await Promise.all([
      client.transport.request<CatRow[]>(
        {
          method: 'GET',
          path: `/_cat/indices/${encodeURIComponent(`${prefix}*`)}`,
          querystring: { format: 'json', h: 'index,uuid,docs.count', expand_wildcards: 'open' },
        },
        TIMEOUT
      ),
      client.transport.request<{
        aggregations?: { idx: { buckets: typeof buckets } };
      }>(
        {
          method: 'POST',
          path: `/${target}/_search`,
          querystring: { ignore_unavailable: true, allow_no_indices: true },
          body: {
            size: 0,
            track_total_hits: false,
            aggs: {
              idx: {
                terms: { field: '_index', size: 10_000 },
                aggs: { latest: { max: { field: arrivalField } } },
              },
            },
          },
        },
        TIMEOUT
      ),
    ]);
    rows = cat.body;
    buckets = agg.body.aggregations?.idx.buckets ?? [];
  } catch (error) {
    throw fromOpenSearchError(error, 'reading the archive indices');
  }
  const latest = new Map(buckets.map((b) => [b.key, b.latest.value]));
  const wanted = new Set(indices);
  for (const r of rows) {
    if (!wanted.has(r.index)) continue;
    out.set(r.index, {
      uuid: r.uuid,
      docs: Number(r['docs.count'] ?? 0),
      maxArrival: latest.get(r.index) ?? null,
    });
  }
  return out;
}

export const sameFingerprint = (a: Fingerprint | undefined, b: Fingerprint | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.uuid === b.uuid &&
  a.docs === b.docs &&
  (a.maxArrival ?? null) === (b.maxArrival ?? null);

/** Send day (`YYYY-MM-DD`) -> the indices holding events of messages sent that day. */
export async function sendDaysByIndex(
  client: OpenSearchClient,
  target: string,
  sendTimeField: string,
  range?: { from: number; to: number }
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!target) return out;
  let buckets: Array<{ key: string; days: { buckets: Array<{ key_as_string: string }> } }>;
  try {
    const { body } = await client.transport.request<{
      aggregations?: { idx: { buckets: typeof buckets } };
    }>(
      {
        method: 'POST',
        path: `/${target}/_search`,
        querystring: { ignore_unavailable: true, allow_no_indices: true },
        body: {
          size: 0,
          track_total_hits: false,
          ...(range
            ? { query: { range: { [sendTimeField]: { gte: range.from, lt: range.to } } } }
            : {}),
          aggs: {
            idx: {
              terms: { field: '_index', size: 10_000 },
              aggs: {
                days: {
                  date_histogram: {
                    field: sendTimeField,
                    calendar_interval: '1d',
                    time_zone: 'UTC',
                    min_doc_count: 1,
                    format: 'yyyy-MM-dd',
                  },
                },
              },
            },
          },
        },
      },
      TIMEOUT
    );
    buckets = body.aggregations?.idx.buckets ?? [];
  } catch (error) {
    throw fromOpenSearchError(error, 'reading which days the archive indices hold');
  }
  for (const b of buckets) {
    for (const d of b.days.buckets) {
      let set = out.get(d.key_as_string);
      if (!set) out.set(d.key_as_string, (set = new Set()));
      set.add(b.key);
    }
  }
  return out;
}

/**
 * Exact per-message counting: a composite aggregation with one bucket per message × event type × dimension
 * values, paged with `after_key`, and the buckets of one message handed on together. Composite buckets come
 * sorted by their sources in order, so all buckets of a message (and of a message's campaign) are adjacent:
 * the fold streams, holding one message at a time, and no `cardinality` (HyperLogLog) is ever used.
 */
import type { OpenSearchClient } from '../../osd_port';
import type { EventRow } from '../../../common/campaigns/fold';
import { fromOpenSearchError } from '../../errors';

export interface CompositeSpec {
  /** The index expression naming exactly the indices read (index_selection.ts `targetExpression`). */
  target: string;
  indices: readonly string[];
  query: Record<string, unknown>;
  /** Keyword fields, in sort order; the first `entityDepth` identify one entity (e.g. campaign, message). */
  keyFields: readonly string[];
  entityDepth: number;
  eventTypeField: string;
  /** Keyword fields kept on each row after the event type. */
  dimensionFields: readonly string[];
  sumFields: readonly string[];
  pageSize?: number;
  timeoutMs?: number;
}

/** One entity: its key values (by key field) and its event rows. */
export interface EntityRows {
  key: readonly (string | null)[];
  rows: EventRow[];
}

interface CompositeBucket {
  key: Record<string, string | number | null>;
  doc_count: number;
  [sum: string]: unknown;
}
interface CompositeResponse {
  timed_out?: boolean;
  _shards?: { failed?: number; failures?: Array<{ index?: string; reason?: { reason?: string } }> };
  aggregations?: { rows: { after_key?: Record<string, unknown>; buckets: CompositeBucket[] } };
}

const k = (i: number) => `k${i}`;
const d = (i: number) => `d${i}`;
const s = (i: number) => `s${i}`;

export function compositeBody(spec: CompositeSpec, after?: Record<string, unknown>): object {
  const sources: object[] = [];
  spec.keyFields.forEach((field, i) =>
    sources.push({ [k(i)]: { terms: { field, missing_bucket: i > 0 } } })
  );
  sources.push({ t: { terms: { field: spec.eventTypeField } } });
  spec.dimensionFields.forEach((field, i) =>
    sources.push({ [d(i)]: { terms: { field, missing_bucket: true } } })
  );
  const aggs: Record<string, object> = {};
  spec.sumFields.forEach((field, i) => (aggs[s(i)] = { sum: { field } }));
  return {
    size: 0,
    track_total_hits: false,
    query: spec.query,
    aggs: {
      rows: {
        composite: { size: spec.pageSize ?? 10_000, sources, ...(after ? { after } : {}) },
        ...(spec.sumFields.length > 0 ? { aggs } : {}),
      },
    },
  };
}

/** One page of the composite aggregation, exactly as the service issues it (the bench times this bare). */
export async function compositePage(
  client: OpenSearchClient,
  spec: CompositeSpec,
  after?: Record<string, unknown>
): Promise<{ buckets: CompositeBucket[]; afterKey?: Record<string, unknown> }> {
  let body: CompositeResponse;
  try {
    ({ body } = await client.transport.request<CompositeResponse>(
      {
        method: 'POST',
        path: `/${spec.target}/_search`,
        querystring: { ignore_unavailable: true, allow_no_indices: true },
        body: compositeBody(spec, after),
      },
      { requestTimeout: spec.timeoutMs ?? 120_000, maxRetries: 0 }
    ));
  } catch (error) {
    throw fromOpenSearchError(error, 'campaign aggregation');
  }
  const failure = body._shards?.failures?.[0];
  if (failure || body.timed_out) {
    // A partial answer would be a wrong number shown as exact: refuse it.
    throw new Error(
      `campaign aggregation incomplete: ${failure ? `${failure.index}: ${failure.reason?.reason}` : 'timed out'}`
    );
  }
  const rows = body.aggregations?.rows;
  const buckets = rows?.buckets ?? [];
  return { buckets, afterKey: buckets.length > 0 ? rows?.after_key : undefined };
}

function str(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Streams every entity of the aggregation, in key order, one at a time. */
export async function* streamEntities(
  client: OpenSearchClient,
  spec: CompositeSpec
): AsyncGenerator<EntityRows> {
  if (spec.indices.length === 0) return;
  let after: Record<string, unknown> | undefined;
  let current: EntityRows | undefined;
  let currentKey = '';
  do {
    const page = await compositePage(client, spec, after);
    for (const bucket of page.buckets) {
      const key: (string | null)[] = [];
      for (let i = 0; i < spec.entityDepth; i++) key.push(str(bucket.key[k(i)]));
      const joined = JSON.stringify(key);
      if (!current || joined !== currentKey) {
        if (current) yield current;
        current = { key, rows: [] };
        currentKey = joined;
      }
      const dims: Record<string, string | null> = {};
      for (let i = spec.entityDepth; i < spec.keyFields.length; i++)
        dims[spec.keyFields[i]] = str(bucket.key[k(i)]);
      spec.dimensionFields.forEach((field, i) => (dims[field] = str(bucket.key[d(i)])));
      const sums: Record<string, number> = {};
      spec.sumFields.forEach((field, i) => {
        sums[field] = (bucket[s(i)] as { value?: number } | undefined)?.value ?? 0;
      });
      current.rows.push({
        eventType: String(bucket.key.t),
        dims,
        count: bucket.doc_count,
        sums,
      });
    }
    after = page.afterKey;
  } while (after);
  if (current) yield current;
}

/**
 * A shipped visualization's request, built the way OSD 2.19's search source and AggConfigs.toDsl build it
 * (bucket aggregations nested in order, metrics inside the deepest bucket, scripted fields as `script`,
 * Lucene inputs as `query_string`, the time filter on the pattern's time field), and its response flattened to
 * rows: one per leaf bucket, `keys` the bucket keys from the outside in, `values` each metric by agg id.
 * Only the agg types the shipped visualizations use; anything else throws, so a new one cannot slip by.
 */
import type { AggConfig, VisState } from '../../common/saved_objects/types';

export interface PatternField {
  name: string;
  scripted: boolean;
  script?: string;
  lang?: string;
}

export interface VisRequestInput {
  visState: VisState;
  /** The visualization's own query (searchSourceJSON.query.query), Lucene. */
  query: string;
  fields: Map<string, PatternField>;
  timeField: string;
  time: { from: string; to: string };
}

export interface Row {
  keys: Array<string | number>;
  values: Record<string, number | null>;
}

const lucene = (query: string) => ({ query_string: { query, analyze_wildcard: true } });

function source(field: string, fields: Map<string, PatternField>): Record<string, unknown> {
  const f = fields.get(field);
  if (!f) throw new Error(`field ${field} is not in the index pattern`);
  return f.scripted ? { script: { source: f.script, lang: f.lang } } : { field };
}

function metricDsl(agg: AggConfig, fields: Map<string, PatternField>): Record<string, unknown> {
  switch (agg.type) {
    case 'sum':
    case 'avg':
    case 'max':
    case 'min':
      return { [agg.type]: source(String(agg.params.field), fields) };
    default:
      throw new Error(`metric ${agg.type} not supported by this translator`);
  }
}

function bucketDsl(agg: AggConfig, input: VisRequestInput): Record<string, unknown> {
  const p = agg.params;
  switch (agg.type) {
    case 'terms': {
      const orderAgg = input.visState.aggs.find((a) => a.id === p.orderBy);
      const order =
        p.orderBy === '_key'
          ? { _key: p.order }
          : orderAgg?.type === 'count'
            ? { _count: p.order }
            : { [String(p.orderBy)]: p.order };
      return { terms: { ...source(String(p.field), input.fields), size: p.size, order } };
    }
    case 'filters': {
      const entries = (p.filters as Array<{ input: { query: string }; label: string }>).map((f) => [
        f.label,
        { bool: { must: [lucene(f.input.query)] } },
      ]);
      return { filters: { filters: Object.fromEntries(entries) } };
    }
    case 'date_histogram':
      return {
        date_histogram: {
          field: p.field,
          calendar_interval: p.interval === 'h' ? '1h' : '1d',
          time_zone: 'UTC',
          min_doc_count: 1,
        },
      };
    case 'histogram':
      return {
        histogram: {
          ...source(String(p.field), input.fields),
          interval: p.interval,
          min_doc_count: p.min_doc_count ? 0 : 1,
          ...(p.has_extended_bounds && p.min_doc_count
            ? { extended_bounds: p.extended_bounds }
            : {}),
        },
      };
    default:
      throw new Error(`bucket ${agg.type} not supported by this translator`);
  }
}

/** The `_search` body. Terms ordered by a metric other than count get that metric as a sub-agg. */
export function visSearchBody(input: VisRequestInput): Record<string, unknown> {
  const enabled = input.visState.aggs.filter((a) => a.enabled);
  const buckets = enabled.filter((a) => a.schema !== 'metric');
  const metrics = enabled.filter((a) => a.schema === 'metric' && a.type !== 'count');
  const metricAggs = Object.fromEntries(metrics.map((m) => [m.id, metricDsl(m, input.fields)]));
  let inner: Record<string, unknown> = metricAggs;
  for (const b of [...buckets].reverse()) {
    const dsl = bucketDsl(b, input);
    inner = { [b.id]: Object.keys(inner).length > 0 ? { ...dsl, aggs: inner } : dsl };
  }
  const must = input.query ? [lucene(input.query)] : [];
  return {
    size: 0,
    track_total_hits: true,
    query: {
      bool: {
        must,
        filter: [
          {
            range: {
              [input.timeField]: {
                gte: input.time.from,
                lte: input.time.to,
                format: 'strict_date_optional_time',
              },
            },
          },
        ],
      },
    },
    aggs: inner,
  };
}

interface Bucket {
  key?: string | number;
  doc_count: number;
  [agg: string]: unknown;
}

/** Leaf rows of a response. `count` is the doc count of the leaf; field metrics by their agg id. */
export function flattenResponse(
  input: VisRequestInput,
  response: { hits: { total: { value: number } }; aggregations?: Record<string, unknown> }
): Row[] {
  const enabled = input.visState.aggs.filter((a) => a.enabled);
  const buckets = enabled.filter((a) => a.schema !== 'metric');
  const metrics = enabled.filter((a) => a.schema === 'metric');
  const rows: Row[] = [];
  const emit = (keys: Row['keys'], node: Bucket) => {
    const values: Row['values'] = {};
    for (const m of metrics) {
      values[m.id] =
        m.type === 'count'
          ? node.doc_count
          : ((node[m.id] as { value: number | null })?.value ?? null);
    }
    rows.push({ keys, values });
  };
  const walk = (level: number, keys: Row['keys'], node: Bucket) => {
    if (level === buckets.length) return emit(keys, node);
    const agg = node[buckets[level].id] as { buckets: Bucket[] | Record<string, Bucket> };
    const list = Array.isArray(agg.buckets)
      ? agg.buckets.map((b) => [b.key as string | number, b] as const)
      : Object.entries(agg.buckets);
    for (const [key, child] of list) walk(level + 1, [...keys, key], child);
  };
  walk(0, [], { doc_count: response.hits.total.value, ...(response.aggregations ?? {}) });
  return rows;
}

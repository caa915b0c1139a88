/**
 * The check that gates deleting the original: the copy must hold exactly the source's documents.
 *
 * 1. Counts: the source still holds the count recorded when it became read-only, and the copy holds as many.
 *    Because the copy keeps every `_id` and received writes only from the reindex, equal counts mean the same
 *    set of ids.
 * 2. The copy maps the record's timestamps as dates (the point of the repair).
 * 3. Content, cheaply, without a second full scan: per timestamp field the count of values, min and max; the
 *    hourly histogram of the time field; and a random sample of documents compared field by field (`_source`
 *    parsed, so key order does not matter). A reindex passes `_source` through unchanged, so any difference
 *    is a fault.
 */
import { isDeepStrictEqual } from 'node:util';
import { TIME_FIELD } from '../../../common/constants';
import { EVENT_DATE_FIELDS } from '../../../common/event_mappings';
import type { RepairCluster } from './cluster';
import { mappedType } from './repair_need';
import type { ContentCheckSummary } from './types';

export type VerifyResult =
  | { ok: true; targetCount: number; summary: ContentCheckSummary }
  /** retryCopy: the copy is short of documents; copying again (creates only the missing ones) may fix it. */
  | { ok: false; reason: string; retryCopy: boolean };

const HOUR = 3_600_000;
/** Keeps the histogram far below search.max_buckets whatever the spread of the timestamps. */
const MAX_HISTOGRAM_BUCKETS = 2000;

interface StatsAggs {
  aggregations?: Record<string, { count: number; min: number | null; max: number | null }>;
}

interface HistogramAggs {
  aggregations?: { hist: { buckets: Array<{ key: number; doc_count: number }> } };
}

interface SampleHits {
  hits: { hits: Array<{ _id: string; _source: unknown }> };
}

function statsBody(fields: string[]): Record<string, unknown> {
  const aggs: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    aggs[`f${i}`] = { stats: { field } };
  });
  return { size: 0, track_total_hits: true, aggs };
}

async function compareStats(
  cluster: RepairCluster,
  source: string,
  target: string,
  fields: string[]
): Promise<{ difference?: string; sourceStats: StatsAggs['aggregations'] }> {
  if (fields.length === 0) return { sourceStats: {} };
  const [a, b] = await Promise.all([
    cluster.search<StatsAggs>(source, statsBody(fields)),
    cluster.search<StatsAggs>(target, statsBody(fields)),
  ]);
  for (let i = 0; i < fields.length; i++) {
    const x = a.aggregations?.[`f${i}`];
    const y = b.aggregations?.[`f${i}`];
    if (!x || !y || x.count !== y.count || x.min !== y.min || x.max !== y.max) {
      return {
        difference: `${fields[i]} differs: source ${JSON.stringify(x)}, copy ${JSON.stringify(y)}`,
        sourceStats: a.aggregations,
      };
    }
  }
  return { sourceStats: a.aggregations };
}

async function compareHistogram(
  cluster: RepairCluster,
  source: string,
  target: string,
  min: number,
  max: number
): Promise<{ buckets: number } | { difference: string }> {
  const spanHours = Math.ceil((max - min + 1) / HOUR);
  const interval = HOUR * Math.max(1, Math.ceil(spanHours / MAX_HISTOGRAM_BUCKETS));
  const body = {
    size: 0,
    aggs: { hist: { histogram: { field: TIME_FIELD, interval, min_doc_count: 1 } } },
  };
  const [a, b] = await Promise.all([
    cluster.search<HistogramAggs>(source, body),
    cluster.search<HistogramAggs>(target, body),
  ]);
  const x = (a.aggregations?.hist.buckets ?? []).map((bucket) => [bucket.key, bucket.doc_count]);
  const y = (b.aggregations?.hist.buckets ?? []).map((bucket) => [bucket.key, bucket.doc_count]);
  if (!isDeepStrictEqual(x, y)) {
    const at = x.findIndex((bucket, i) => !isDeepStrictEqual(bucket, y[i]));
    return {
      difference: `${TIME_FIELD} histogram differs at bucket ${at}: source ${JSON.stringify(x[at])}, copy ${JSON.stringify(y[at])}`,
    };
  }
  return { buckets: x.length };
}

async function compareSample(
  cluster: RepairCluster,
  source: string,
  target: string,
  size: number,
  seed: string
): Promise<{ sampled: number } | { difference: string }> {
  if (size <= 0) return { sampled: 0 };
  const sample = await cluster.search<SampleHits>(source, {
    size,
    query: {
      function_score: { query: { match_all: {} }, random_score: { seed, field: '_seq_no' } },
    },
  });
  const hits = sample.hits.hits;
  if (hits.length === 0) return { sampled: 0 };
  const copies = await cluster.mget<unknown>(
    target,
    hits.map((hit) => hit._id)
  );
  for (let i = 0; i < hits.length; i++) {
    const copy = copies[i];
    if (!copy?.found) return { difference: `document ${hits[i]._id} is missing from the copy` };
    if (!isDeepStrictEqual(copy._source, hits[i]._source)) {
      return { difference: `document ${hits[i]._id} differs between source and copy` };
    }
  }
  return { sampled: hits.length };
}

export async function verifyCopy(
  cluster: RepairCluster,
  args: {
    source: string;
    target: string;
    expectedCount: number;
    sourceMappings: unknown;
    sampleSize: number;
    seed: string;
  }
): Promise<VerifyResult> {
  const { source, target, expectedCount } = args;
  const [sourceCount, targetCount, targetFacts] = await Promise.all([
    cluster.count(source),
    cluster.count(target),
    cluster.facts(target),
  ]);
  if (sourceCount !== expectedCount) {
    return {
      ok: false,
      retryCopy: false,
      reason: `${source} changed while read-only (${expectedCount} documents, now ${sourceCount}); was its write block removed?`,
    };
  }
  if (targetCount < expectedCount) {
    return {
      ok: false,
      retryCopy: true,
      reason: `the copy holds ${targetCount} of ${expectedCount} documents`,
    };
  }
  if (targetCount > expectedCount) {
    return {
      ok: false,
      retryCopy: false,
      reason: `the copy holds ${targetCount} documents, more than the ${expectedCount} of ${source}`,
    };
  }
  if (mappedType(targetFacts?.mappings, TIME_FIELD) !== 'date') {
    return { ok: false, retryCopy: false, reason: `the copy does not map ${TIME_FIELD} as a date` };
  }
  const fields: string[] = EVENT_DATE_FIELDS.filter(
    (f) => mappedType(args.sourceMappings, f) !== undefined
  );
  const stats = await compareStats(cluster, source, target, fields);
  if (stats.difference) return { ok: false, retryCopy: false, reason: stats.difference };

  let histogramBuckets = 0;
  const timeStats = stats.sourceStats?.[`f${fields.indexOf(TIME_FIELD)}`];
  if (timeStats && timeStats.min !== null && timeStats.max !== null) {
    const hist = await compareHistogram(cluster, source, target, timeStats.min, timeStats.max);
    if ('difference' in hist) return { ok: false, retryCopy: false, reason: hist.difference };
    histogramBuckets = hist.buckets;
  }
  const sample = await compareSample(cluster, source, target, args.sampleSize, args.seed);
  if ('difference' in sample) return { ok: false, retryCopy: false, reason: sample.difference };
  return {
    ok: true,
    targetCount,
    summary: { histogramBuckets, sampledDocuments: sample.sampled },
  };
}

/**
 * Aggregation configs in the shape OSD 2.19's visualize editor saves them (the params each agg type writes,
 * with its defaults), so an imported visualization opens in the editor exactly as if a user had built it.
 */
import type { AggConfig } from './types';

/** Relative, so a dashboard imported any day shows the last weeks rather than a fixed past range. */
export const DEFAULT_TIME_RANGE = { from: 'now-30d', to: 'now' } as const;

export interface FilterInput {
  label: string;
  /** Lucene query string. */
  query: string;
}

const label = (customLabel?: string) => (customLabel ? { customLabel } : {});

export function count(id: string, customLabel?: string): AggConfig {
  return { id, enabled: true, type: 'count', schema: 'metric', params: label(customLabel) };
}

function fieldMetric(type: string) {
  return (id: string, field: string, customLabel?: string): AggConfig => ({
    id,
    enabled: true,
    type,
    schema: 'metric',
    params: { field, ...label(customLabel) },
  });
}

export const sum = fieldMetric('sum');
export const avg = fieldMetric('avg');
export const max = fieldMetric('max');

export function dateHistogram(
  id: string,
  field: string,
  interval: 'h' | 'd',
  schema = 'segment'
): AggConfig {
  return {
    id,
    enabled: true,
    type: 'date_histogram',
    schema,
    params: {
      field,
      timeRange: { ...DEFAULT_TIME_RANGE },
      useNormalizedOpenSearchInterval: true,
      scaleMetricValues: false,
      interval,
      drop_partials: false,
      min_doc_count: 1,
      extended_bounds: {},
    },
  };
}

export interface TermsOptions {
  size: number;
  schema?: string;
  /** The id of the metric to order by, or `_key` for the term itself. */
  orderBy?: string;
  order?: 'asc' | 'desc';
  customLabel?: string;
}

export function terms(id: string, field: string, options: TermsOptions): AggConfig {
  return {
    id,
    enabled: true,
    type: 'terms',
    schema: options.schema ?? 'segment',
    params: {
      field,
      orderBy: options.orderBy ?? '1',
      order: options.order ?? 'desc',
      size: options.size,
      otherBucket: false,
      otherBucketLabel: 'Other',
      missingBucket: false,
      missingBucketLabel: 'Missing',
      ...label(options.customLabel),
    },
  };
}

export function filters(id: string, inputs: FilterInput[], schema = 'group'): AggConfig {
  return {
    id,
    enabled: true,
    type: 'filters',
    schema,
    params: {
      filters: inputs.map((f) => ({
        input: { query: f.query, language: 'lucene' },
        label: f.label,
      })),
    },
  };
}

/** A numeric histogram with every bucket from `min` to `max` shown, empty ones too. */
export function histogram(
  id: string,
  field: string,
  interval: number,
  bounds: { min: number; max: number },
  customLabel?: string
): AggConfig {
  return {
    id,
    enabled: true,
    type: 'histogram',
    schema: 'segment',
    params: {
      field,
      interval,
      min_doc_count: true,
      has_extended_bounds: true,
      extended_bounds: bounds,
      ...label(customLabel),
    },
  };
}

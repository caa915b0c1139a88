/**
 * The index template for the Pinpoint event indices, as data: a composable template (`_index_template`) for
 * OpenSearch and a legacy one (`_template`) for the Elasticsearch 6.8/7.x domains Amazon OpenSearch Service
 * still runs. Both carry the same mapping (common/event_mappings.ts) and the same settings.
 */
import { eventMappings } from './event_mappings';
import { indexPatternTitle } from './index_naming';
import {
  flattenComposableTemplate,
  flattenLegacyTemplate,
  fingerprint,
  type FlatTemplate,
} from './template_normalize';

export { eventMappings } from './event_mappings';

export const TEMPLATE_MANAGED_BY = 'pinpoint-dashboards' as const;
/** Bump when the template changes; an installed older version that nobody edited is updated without asking. */
export const TEMPLATE_VERSION = 1;

/**
 * Room for custom events: the record has ~120 fields and each custom attribute or metric adds one. The default
 * (1000) is reached by a few hundred custom attribute names, after which Firehose's documents are rejected.
 */
export const TOTAL_FIELDS_LIMIT = 2000;

export type TemplateFlavor = 'composable' | 'legacy';

export interface TemplateMeta {
  managed_by: typeof TEMPLATE_MANAGED_BY;
  template_version: number;
  /** fingerprint() of the template without this _meta: tells an untouched install from an edited one. */
  content_hash: string;
}

export interface ComposableIndexTemplate {
  index_patterns: string[];
  priority: number;
  version: number;
  template: {
    settings: Record<string, unknown>;
    mappings: Record<string, unknown> & { _meta: TemplateMeta };
  };
  _meta: TemplateMeta;
}

export interface LegacyIndexTemplate {
  index_patterns: string[];
  order: number;
  version: number;
  settings: Record<string, unknown>;
  mappings: Record<string, unknown>;
}

export function templateName(prefix: string): string {
  return `${prefix}-events`;
}

/**
 * 100 + the prefix length in bytes. Two composable templates with overlapping patterns and the same priority
 * are refused by OpenSearch; with this rule `pinpoint*` and `pinpoint_eu*` never tie, and the more specific
 * prefix wins for its own indices. It stays above the seed's legacy template (order 1) either way.
 */
export function templatePriority(prefix: string): number {
  return 100 + new TextEncoder().encode(prefix).length;
}

function settings(): Record<string, unknown> {
  return { 'index.mapping.total_fields.limit': TOTAL_FIELDS_LIMIT };
}

function meta(flat: FlatTemplate): TemplateMeta {
  return {
    managed_by: TEMPLATE_MANAGED_BY,
    template_version: TEMPLATE_VERSION,
    content_hash: fingerprint(flat),
  };
}

/** The composable template (PUT _index_template/<templateName(prefix)>). */
export function buildIndexTemplate(prefix: string): ComposableIndexTemplate {
  const body = {
    index_patterns: [indexPatternTitle(prefix)],
    priority: templatePriority(prefix),
    version: TEMPLATE_VERSION,
    template: { settings: settings(), mappings: eventMappings() },
  };
  const m = meta(flattenComposableTemplate(body));
  return {
    ...body,
    template: { ...body.template, mappings: { ...body.template.mappings, _meta: m } },
    _meta: m,
  };
}

/**
 * The legacy template (PUT _template/<templateName(prefix)>), for Elasticsearch domains. Elasticsearch 6.x
 * wants the mapping under a type name: pass Firehose's TypeName there (`_doc` unless configured otherwise).
 */
export function buildLegacyTemplate(
  prefix: string,
  options: { typeName?: string } = {}
): LegacyIndexTemplate {
  const body = {
    index_patterns: [indexPatternTitle(prefix)],
    order: templatePriority(prefix),
    version: TEMPLATE_VERSION,
    settings: settings(),
    mappings: eventMappings(),
  };
  const m = meta(flattenLegacyTemplate(body));
  const mappings = { ...body.mappings, _meta: m };
  return { ...body, mappings: options.typeName ? { [options.typeName]: mappings } : mappings };
}

/**
 * Which form a cluster takes: composable on OpenSearch; legacy on Elasticsearch (the 6.8/7.x domains of the
 * seed's era), where `_template` works on every version and composable templates only from 7.8.
 */
export function templateFlavorFor(cluster: {
  distribution: 'opensearch' | 'elasticsearch';
}): TemplateFlavor {
  return cluster.distribution === 'opensearch' ? 'composable' : 'legacy';
}

/** Elasticsearch 6.x needs a mapping type name in legacy templates. */
export function needsTypeName(cluster: { distribution: string; version: string }): boolean {
  return cluster.distribution === 'elasticsearch' && cluster.version.startsWith('6.');
}

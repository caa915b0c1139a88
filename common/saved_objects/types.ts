/**
 * The OSD 2.x export format of the saved objects we ship, as types. One object a line in the ndjson file has
 * exactly these seven keys; JSON-valued attributes (visState, panelsJSON, searchSourceJSON, fields ...) are
 * strings, as Dashboards stores them.
 */

/** The newest migration of each type on 2.19 and 3.x alike: Dashboards runs no migration on import. */
export const MIGRATION_VERSIONS = {
  'index-pattern': '7.6.0',
  visualization: '7.10.0',
  dashboard: '7.9.3',
} as const;

export type ShippedType = keyof typeof MIGRATION_VERSIONS;

export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

export interface ExportedObject<A extends object = Record<string, unknown>> {
  attributes: A;
  id: string;
  migrationVersion: Record<string, string>;
  references: SavedObjectReference[];
  type: string;
  updated_at: string;
  version: string;
}

/** One aggregation of a visualization's visState. */
export interface AggConfig {
  id: string;
  enabled: boolean;
  type: string;
  schema: string;
  params: Record<string, unknown>;
}

export interface VisState {
  title: string;
  type: string;
  aggs: AggConfig[];
  params: Record<string, unknown>;
}

/** Queries inside our objects are Lucene: OSD turns them into `query_string`, as OpenSearch reads them. */
export interface LuceneQuery {
  query: string;
  language: 'lucene' | 'kuery';
}

export interface SearchSource {
  query: LuceneQuery;
  filter: unknown[];
  indexRefName?: string;
}

/** The reference name OSD gives a visualization's index pattern. */
export const SEARCH_SOURCE_INDEX_REF = 'kibanaSavedObjectMeta.searchSourceJSON.index' as const;

/** What a shipped object is, for lists in the app and the CLI. */
export interface ShippedObjectInfo {
  type: ShippedType;
  id: string;
  title: string;
}

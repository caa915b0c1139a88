/**
 * Every index of the pattern, in two requests whatever their number: the full mapping over the pattern
 * (GET <pattern>/_mapping) and two settings (GET <pattern>/_settings/<names>). From them: the type of each
 * date field per index, the field types that differ between indices, and each index's field count against
 * its limit. No request per index: the cost grows with the size of the answer, not the number of round trips.
 */
import { CRITICAL_DATE_FIELDS, EVENT_DATE_FIELDS } from '../../../common/event_mappings';
import { TEMPLATE_MANAGED_BY } from '../../../common/template';
import type { OpenSearchClient } from '../../osd_port';
import { unwrapTypeName, walkMapping } from './mapping_walk';

/** OpenSearch's default `index.mapping.total_fields.limit`. */
export const DEFAULT_FIELD_LIMIT = 1000;

export interface ScannedIndex {
  name: string;
  creationDate: number;
  fieldCount: number;
  fieldLimit: number;
  /** Type of each of EVENT_DATE_FIELDS the index maps. */
  dateFields: Record<string, string>;
  /** Created by a template of ours (its mapping carries our _meta). */
  fromOurTemplate: boolean;
}

export interface IndexScan {
  pattern: string;
  indices: ScannedIndex[];
  /** Field path -> type -> indices mapping it so; only fields with more than one type are kept. */
  conflicts: Map<string, Map<string, string[]>>;
  /** Field path -> the type(s) it has across all indices (for the index pattern's field list). */
  fieldTypes: Map<string, Set<string>>;
}

type MappingResponse = Record<string, { mappings?: unknown }>;
type SettingsResponse = Record<string, { settings?: Record<string, string> }>;

const LIMIT = 'index.mapping.total_fields.limit';
const CREATED = 'index.creation_date';

/** What the settings say about each index: when it was made and its field limit. */
export interface IndexSettings {
  name: string;
  creationDate: number;
  fieldLimit: number;
}

/**
 * Two settings of every index of the pattern. Without include_defaults (which costs more than the rest of the
 * report on 1,000 indices): an index that does not set the limit has OpenSearch's default.
 */
export async function readIndexSettings(client: OpenSearchClient, pattern: string): Promise<IndexSettings[]> {
  const { body } = await client.transport.request<SettingsResponse>({
    method: 'GET',
    path: `/${encodeURIComponent(pattern)}/_settings/${LIMIT},${CREATED}`,
    querystring: { flat_settings: true, allow_no_indices: true, expand_wildcards: 'open' },
  });
  return Object.entries(body ?? {}).map(([name, s]) => ({
    name,
    creationDate: Number(s?.settings?.[CREATED] ?? 0),
    fieldLimit: s?.settings?.[LIMIT] !== undefined ? Number(s.settings[LIMIT]) : DEFAULT_FIELD_LIMIT,
  }));
}

interface MappingSummary {
  types: Map<string, string>;
  fieldCount: number;
  dateFields: Record<string, string>;
  fromOurTemplate: boolean;
}

function summarise(body: ReturnType<typeof unwrapTypeName>): MappingSummary {
  const { types, fieldCount } = walkMapping(body);
  const dateFields: Record<string, string> = {};
  for (const field of EVENT_DATE_FIELDS) {
    const type = types.get(field);
    if (type !== undefined) dateFields[field] = type;
  }
  const fromOurTemplate = (body._meta as { managed_by?: string } | undefined)?.managed_by === TEMPLATE_MANAGED_BY;
  return { types, fieldCount, dateFields, fromOurTemplate };
}

export async function scanIndices(
  client: OpenSearchClient,
  pattern: string,
  settings: Promise<IndexSettings[]> = readIndexSettings(client, pattern)
): Promise<IndexScan> {
  const [mapping, settingsList] = await Promise.all([
    client.transport.request<MappingResponse>({
      method: 'GET',
      path: `/${encodeURIComponent(pattern)}/_mapping`,
      querystring: { allow_no_indices: true, expand_wildcards: 'open' },
    }),
    settings,
  ]);
  const settingsByName = new Map(settingsList.map((s) => [s.name, s]));

  // Daily indices made by one template mostly share one mapping: walk each distinct mapping once.
  const groups = new Map<string, { summary: MappingSummary; indices: string[] }>();
  const indices: ScannedIndex[] = [];
  for (const name of Object.keys(mapping.body ?? {}).sort()) {
    const body = unwrapTypeName(mapping.body[name]?.mappings);
    const key = JSON.stringify(body);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { summary: summarise(body), indices: [] }));
    group.indices.push(name);
    const s = settingsByName.get(name);
    indices.push({
      name,
      creationDate: s?.creationDate ?? 0,
      fieldCount: group.summary.fieldCount,
      fieldLimit: s?.fieldLimit ?? DEFAULT_FIELD_LIMIT,
      dateFields: group.summary.dateFields,
      fromOurTemplate: group.summary.fromOurTemplate,
    });
  }

  const typesByField = new Map<string, Map<string, string[]>>();
  for (const { summary, indices: names } of groups.values()) {
    for (const [field, type] of summary.types) {
      let byType = typesByField.get(field);
      if (!byType) typesByField.set(field, (byType = new Map()));
      const list = byType.get(type);
      if (list) list.push(...names);
      else byType.set(type, [...names]);
    }
  }
  const conflicts = new Map<string, Map<string, string[]>>();
  const fieldTypes = new Map<string, Set<string>>();
  for (const [field, byType] of typesByField) {
    fieldTypes.set(field, new Set(byType.keys()));
    if (byType.size > 1) {
      for (const list of byType.values()) list.sort();
      conflicts.set(field, byType);
    }
  }
  return { pattern, indices, conflicts, fieldTypes };
}

const DATE_TYPES = new Set(['date', 'date_nanos']);

/** Indices whose arrival_timestamp or event_timestamp is not a date: the ones the repair is for. */
export function indicesNeedingRepair(scan: IndexScan): ScannedIndex[] {
  return scan.indices.filter((ix) =>
    CRITICAL_DATE_FIELDS.some((f) => ix.dateFields[f] !== undefined && !DATE_TYPES.has(ix.dateFields[f]))
  );
}

export function isDateType(type: string | undefined): boolean {
  return type !== undefined && DATE_TYPES.has(type);
}

/**
 * The index pattern's field list, in OSD 2.x's stored shape. Built the way Dashboards builds it (from
 * _field_caps over the pattern) when the pattern is created or refreshed; compared by name and type against
 * the mappings the report already read, so the check costs no extra request.
 */
import { osdFieldType, type IndexPatternField } from '../../../common/index_pattern';
import type { OpenSearchClient } from '../../osd_port';

/** Dashboards' default `metaFields` advanced setting. */
const META_FIELDS = ['_source', '_id', '_type', '_index', '_score'];

function metaField(name: string): IndexPatternField {
  const type = name === '_source' ? '_source' : name === '_score' ? 'number' : 'string';
  return {
    name,
    type,
    esTypes: [name],
    count: 0,
    scripted: false,
    searchable: name === '_id' || name === '_index' || name === '_type',
    aggregatable: name === '_id' || name === '_index' || name === '_type',
    readFromDocValues: false,
  };
}

function osdTypeOf(esTypes: Iterable<string>): string {
  const types = new Set([...esTypes].map(osdFieldType));
  return types.size === 1 ? [...types][0] : 'conflict';
}

interface FieldCapsResponse {
  fields: Record<
    string,
    Record<string, { type: string; searchable: boolean; aggregatable: boolean }>
  >;
}

export async function fieldsFromFieldCaps(
  client: OpenSearchClient,
  pattern: string
): Promise<IndexPatternField[]> {
  const { body } = await client.transport.request<FieldCapsResponse>({
    method: 'GET',
    path: `/${encodeURIComponent(pattern)}/_field_caps`,
    querystring: { fields: '*', allow_no_indices: true, ignore_unavailable: true },
  });
  const fields: IndexPatternField[] = [];
  for (const [name, caps] of Object.entries(body.fields ?? {})) {
    if (name.startsWith('_')) continue;
    const esTypes = Object.keys(caps).filter(
      (t) => t !== 'object' && t !== 'nested' && t !== 'unmapped'
    );
    if (esTypes.length === 0) continue;
    const all = esTypes.map((t) => caps[t]);
    fields.push({
      name,
      type: osdTypeOf(esTypes),
      esTypes,
      count: 0,
      scripted: false,
      searchable: all.some((c) => c.searchable),
      aggregatable: all.every((c) => c.aggregatable),
      readFromDocValues: all.every((c) => c.aggregatable) && !esTypes.includes('text'),
    });
  }
  return withMetaFields(fields);
}

/** From field paths and their mapping types (the template's own mapping when no index exists yet). */
export function fieldsFromTypes(types: Map<string, Set<string> | string>): IndexPatternField[] {
  const fields: IndexPatternField[] = [];
  for (const [name, value] of types) {
    const esTypes = typeof value === 'string' ? [value] : [...value];
    const textLike = esTypes.some((t) => t === 'text' || t === 'match_only_text');
    fields.push({
      name,
      type: osdTypeOf(esTypes),
      esTypes,
      count: 0,
      scripted: false,
      searchable: true,
      aggregatable: !textLike,
      readFromDocValues: !textLike,
    });
  }
  return withMetaFields(fields);
}

function withMetaFields(fields: IndexPatternField[]): IndexPatternField[] {
  fields.sort((a, b) => a.name.localeCompare(b.name));
  return [...META_FIELDS.map(metaField), ...fields];
}

export interface FieldListDrift {
  missing: string[];
  changed: Array<{ field: string; saved: string; current: string }>;
  stored: number;
}

/** What the saved field list lacks or has wrong compared with the current mappings. */
export function fieldListDrift(
  savedJson: string | undefined,
  current: Map<string, Set<string>>
): FieldListDrift {
  let saved: Array<{ name: string; type: string }> = [];
  try {
    const parsed: unknown = savedJson ? JSON.parse(savedJson) : [];
    if (Array.isArray(parsed)) saved = parsed as Array<{ name: string; type: string }>;
  } catch {
    saved = [];
  }
  const byName = new Map(saved.map((f) => [f.name, f.type]));
  const missing: string[] = [];
  const changed: FieldListDrift['changed'] = [];
  for (const [name, esTypes] of current) {
    const type = osdTypeOf(esTypes);
    const was = byName.get(name);
    if (was === undefined) missing.push(name);
    else if (was !== type) changed.push({ field: name, saved: was, current: type });
  }
  return { missing: missing.sort(), changed, stored: saved.length };
}

/**
 * Every index of the pattern, in two requests whatever their number: the full mapping over the pattern
 * (GET <pattern>/_mapping) and two settings (GET <pattern>/_settings/<names>). From them: the type of each
 * date field per index, the field types that differ between indices, and each index's field count against
 * its limit. No request per index: the cost grows with the size of the answer, not the number of round trips.
 */
import { CRITICAL_DATE_FIELDS, EVENT_DATE_FIELDS } from '../../../common/event_mappings';
import { TEMPLATE_MANAGED_BY } from '../../../common/template';
import type { OpenSearchClient } from '../../osd_port';
import { fieldType, unwrapTypeName, type MappingNode } from './mapping_walk';

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
export async function readIndexSettings(
  client: OpenSearchClient,
  pattern: string
): Promise<IndexSettings[]> {
  const { body } = await client.transport.request<SettingsResponse>({
    method: 'GET',
    path: `/${encodeURIComponent(pattern)}/_settings/${LIMIT},${CREATED}`,
    querystring: { flat_settings: true, allow_no_indices: true, expand_wildcards: 'open' },
  });
  return Object.entries(body ?? {}).map(([name, s]) => ({
    name,
    creationDate: Number(s?.settings?.[CREATED] ?? 0),
    fieldLimit:
      s?.settings?.[LIMIT] !== undefined ? Number(s.settings[LIMIT]) : DEFAULT_FIELD_LIMIT,
  }));
}

type Node = MappingNode;

function isObjectNode(node: Node): boolean {
  return node.type === undefined
    ? node.properties !== undefined || node.enabled !== undefined
    : node.type === 'object' || node.type === 'nested';
}

/**
 * Field paths as a tree, so one pass over every field of every index (1,000 daily indices of ~150 fields in
 * the bench) neither builds a path string per field nor hashes one: the report's cost must stay close to the
 * raw mapping call's. Paths are spelled out once, at the end.
 */
interface PathNode {
  children: Map<string, PathNode>;
  /** Leaf type -> the indices mapping this path so. */
  types?: Map<string, string[]>;
}

const newNode = (): PathNode => ({ children: new Map() });

function child(node: PathNode, name: string): PathNode {
  let next = node.children.get(name);
  if (next === undefined) node.children.set(name, (next = newNode()));
  return next;
}

function addType(node: PathNode, type: string, index: string): void {
  if (node.types === undefined) node.types = new Map();
  const list = node.types.get(type);
  if (list === undefined) node.types.set(type, [index]);
  else list.push(index);
}

/** Records one index's fields under `tree`; returns its field count (objects, leaves and multi-fields). */
function recordIndex(
  props: Record<string, Node> | undefined,
  tree: PathNode,
  index: string
): number {
  if (!props) return 0;
  let count = 0;
  for (const name in props) {
    const node = props[name];
    const at = child(tree, name);
    count += 1;
    if (isObjectNode(node)) {
      count += recordIndex(node.properties, at, index);
      continue;
    }
    addType(at, node.type ?? 'object', index);
    if (node.fields) {
      for (const sub in node.fields) {
        count += 1;
        addType(child(at, sub), node.fields[sub].type ?? 'object', index);
      }
    }
  }
  return count;
}

function collect(node: PathNode, path: string, out: Map<string, Map<string, string[]>>): void {
  if (node.types) out.set(path, node.types);
  for (const [name, next] of node.children)
    collect(next, path === '' ? name : `${path}.${name}`, out);
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
  const tree = newNode();
  const indices: ScannedIndex[] = [];
  for (const name of Object.keys(mapping.body ?? {}).sort()) {
    const body = unwrapTypeName(mapping.body[name]?.mappings);
    const fieldCount = recordIndex(body.properties, tree, name);
    const dateFields: Record<string, string> = {};
    for (const field of EVENT_DATE_FIELDS) {
      const type = fieldType(body, field);
      if (type !== undefined) dateFields[field] = type;
    }
    const s = settingsByName.get(name);
    indices.push({
      name,
      creationDate: s?.creationDate ?? 0,
      fieldCount,
      fieldLimit: s?.fieldLimit ?? DEFAULT_FIELD_LIMIT,
      dateFields,
      fromOurTemplate:
        (body._meta as { managed_by?: string } | undefined)?.managed_by === TEMPLATE_MANAGED_BY,
    });
  }
  const typesByField = new Map<string, Map<string, string[]>>();
  collect(tree, '', typesByField);
  const conflicts = new Map<string, Map<string, string[]>>();
  const fieldTypes = new Map<string, Set<string>>();
  for (const [field, byType] of typesByField) {
    fieldTypes.set(field, new Set(byType.keys()));
    if (byType.size > 1) conflicts.set(field, byType);
  }
  return { pattern, indices, conflicts, fieldTypes };
}

const DATE_TYPES = new Set(['date', 'date_nanos']);

/** Indices whose arrival_timestamp or event_timestamp is not a date: the ones the repair is for. */
export function indicesNeedingRepair(scan: IndexScan): ScannedIndex[] {
  return scan.indices.filter((ix) =>
    CRITICAL_DATE_FIELDS.some(
      (f) => ix.dateFields[f] !== undefined && !DATE_TYPES.has(ix.dateFields[f])
    )
  );
}

export function isDateType(type: string | undefined): boolean {
  return type !== undefined && DATE_TYPES.has(type);
}

/**
 * Reading index mappings as OpenSearch returns them: field paths with their types, and the field count
 * OpenSearch holds against `index.mapping.total_fields.limit` (objects, leaves and multi-fields all count).
 */

export type MappingNode = {
  type?: string;
  properties?: Record<string, MappingNode>;
  fields?: Record<string, MappingNode>;
  enabled?: boolean | string;
  [key: string]: unknown;
};

export interface IndexMappingBody {
  properties?: Record<string, MappingNode>;
  _meta?: Record<string, unknown>;
  [key: string]: unknown;
}

const ROOT_KEYS = new Set([
  'properties',
  'dynamic',
  'dynamic_templates',
  '_meta',
  '_source',
  '_routing',
  'date_detection',
  'numeric_detection',
]);

/** Elasticsearch 6.x wraps an index's mapping in its type name (`{"_doc": {...}}`); unwrap it. */
export function unwrapTypeName(mappings: unknown): IndexMappingBody {
  if (typeof mappings !== 'object' || mappings === null) return {};
  const obj = mappings as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && !ROOT_KEYS.has(keys[0]) && typeof obj[keys[0]] === 'object') {
    return obj[keys[0]] as IndexMappingBody;
  }
  return obj as IndexMappingBody;
}

export interface WalkResult {
  /** Leaf field path -> mapping type (multi-fields included as `parent.sub`). */
  types: Map<string, string>;
  /** What OpenSearch counts against the total fields limit. */
  fieldCount: number;
}

function isObjectNode(node: MappingNode): boolean {
  return node.type === undefined
    ? node.properties !== undefined || node.enabled !== undefined
    : node.type === 'object' || node.type === 'nested';
}

export function walkMapping(mapping: IndexMappingBody): WalkResult {
  const types = new Map<string, string>();
  let fieldCount = 0;
  const visit = (props: Record<string, MappingNode> | undefined, prefix: string): void => {
    if (!props) return;
    for (const name of Object.keys(props)) {
      const node = props[name];
      const path = prefix ? `${prefix}.${name}` : name;
      fieldCount += 1;
      if (isObjectNode(node)) {
        visit(node.properties, path);
        continue;
      }
      types.set(path, node.type ?? 'object');
      if (node.fields) {
        for (const sub of Object.keys(node.fields)) {
          fieldCount += 1;
          types.set(`${path}.${sub}`, node.fields[sub].type ?? 'object');
        }
      }
    }
  };
  visit(mapping.properties, '');
  return { types, fieldCount };
}

/** The type of one field path in a mapping, without walking all of it. */
export function fieldType(mapping: IndexMappingBody, path: string): string | undefined {
  let props = mapping.properties;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const node = props?.[parts[i]];
    if (!node) return undefined;
    if (i === parts.length - 1) return isObjectNode(node) ? 'object' : node.type;
    props = node.properties;
  }
  return undefined;
}

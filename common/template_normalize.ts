/**
 * Comparing an index template we would install with the one a cluster holds.
 *
 * OpenSearch hands a template back reshaped: settings nested and stringified (`"index": {"mapping":
 * {"total_fields": {"limit": "2000"}}}`), booleans and numbers sometimes as strings, `composed_of: []` added.
 * Both sides are flattened into `path -> string` so equal templates compare equal whatever the round trip did,
 * and a difference is reported at the level of one field (`mappings.properties.arrival_timestamp.type`).
 */

export type FlatTemplate = Record<string, string>;

export interface TemplateDiffEntry {
  path: string;
  /** What our template sets; absent when only the installed one has the path. */
  ours?: string;
  /** What the installed template sets; absent when it lacks the path. */
  installed?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function flattenInto(out: FlatTemplate, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out[path] = '[]';
    value.forEach((item, i) => flattenInto(out, item, `${path}[${i}]`));
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out[path] = '{}';
    for (const key of keys) flattenInto(out, value[key], path ? `${path}.${key}` : key);
    return;
  }
  out[path] = String(value);
}

function flattenSettings(out: FlatTemplate, settings: unknown): void {
  const flat: FlatTemplate = {};
  flattenInto(flat, settings ?? {}, '');
  for (const [key, value] of Object.entries(flat)) {
    if (value === '{}') continue;
    // OpenSearch stores every index setting under "index."; we may write it with or without.
    const normalised = key.startsWith('index.') ? key : `index.${key}`;
    out[`settings.${normalised}`] = value;
  }
}

function flattenMappings(out: FlatTemplate, mappings: unknown): void {
  if (!isObject(mappings)) return;
  // Legacy templates on Elasticsearch 6.x wrap the mapping in its type name; compare the inside.
  const keys = Object.keys(mappings);
  const inner =
    keys.length === 1 && isObject(mappings[keys[0]]) && !MAPPING_ROOT_KEYS.has(keys[0])
      ? (mappings[keys[0]] as Record<string, unknown>)
      : mappings;
  for (const [key, value] of Object.entries(inner)) {
    if (key === '_meta') continue;
    flattenInto(out, value, `mappings.${key}`);
  }
}

const MAPPING_ROOT_KEYS = new Set([
  'properties',
  'dynamic',
  'dynamic_templates',
  'date_detection',
  'numeric_detection',
  '_source',
  '_routing',
  '_meta',
]);

/** A composable template body (`index_template` of GET _index_template) flattened for comparison. */
export function flattenComposableTemplate(body: Record<string, unknown>): FlatTemplate {
  const out: FlatTemplate = {};
  out.index_patterns = JSON.stringify([...((body.index_patterns as string[]) ?? [])].sort());
  out.priority = String(body.priority ?? 0);
  if (body.version !== undefined) out.version = String(body.version);
  const composedOf = (body.composed_of as string[] | undefined) ?? [];
  if (composedOf.length > 0) out.composed_of = JSON.stringify(composedOf);
  const template = isObject(body.template) ? body.template : {};
  flattenSettings(out, template.settings);
  flattenMappings(out, template.mappings);
  if (isObject(template.aliases) && Object.keys(template.aliases).length > 0) {
    flattenInto(out, template.aliases, 'aliases');
  }
  return out;
}

/** A legacy template body (the value under its name in GET _template/<name>) flattened for comparison. */
export function flattenLegacyTemplate(body: Record<string, unknown>): FlatTemplate {
  const out: FlatTemplate = {};
  out.index_patterns = JSON.stringify([...((body.index_patterns as string[]) ?? [])].sort());
  out.order = String(body.order ?? 0);
  if (body.version !== undefined && body.version !== null) out.version = String(body.version);
  flattenSettings(out, body.settings);
  flattenMappings(out, body.mappings);
  if (isObject(body.aliases) && Object.keys(body.aliases).length > 0) {
    flattenInto(out, body.aliases, 'aliases');
  }
  return out;
}

/** Field-level differences, sorted by path. Empty when the two are the same template. */
export function diffFlatTemplates(
  ours: FlatTemplate,
  installed: FlatTemplate
): TemplateDiffEntry[] {
  const paths = new Set([...Object.keys(ours), ...Object.keys(installed)]);
  const diff: TemplateDiffEntry[] = [];
  for (const path of [...paths].sort()) {
    if (ours[path] === installed[path]) continue;
    const entry: TemplateDiffEntry = { path };
    if (path in ours) entry.ours = ours[path];
    if (path in installed) entry.installed = installed[path];
    diff.push(entry);
  }
  return diff;
}

/**
 * A short, stable fingerprint of a flattened template (cyrb53; not for security). Stored in the template's
 * mapping `_meta` so a later check can tell "our older version, untouched" from "changed by someone".
 */
export function fingerprint(flat: FlatTemplate): string {
  const text = Object.keys(flat)
    .sort()
    .map((k) => `${k}=${flat[k]}`)
    .join('\n');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A content hash of a saved object: what tells "exactly what we installed" from "edited since". Computed over
 * the attributes and references only (never `version` or `updated_at`, which every write changes), with the
 * JSON-string attributes parsed and every object's keys sorted, so the same content hashes the same however
 * Dashboards serialised it.
 */
import { createHash } from 'node:crypto';

/** Attributes Dashboards stores as JSON strings (at any depth: searchSourceJSON sits in kibanaSavedObjectMeta). */
const JSON_STRING_KEYS = new Set([
  'visState',
  'uiStateJSON',
  'panelsJSON',
  'optionsJSON',
  'searchSourceJSON',
  'fields',
  'fieldFormatMap',
]);

function canonical(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && key !== undefined && JSON_STRING_KEYS.has(key)) {
    try {
      return canonical(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(obj[k], k)])
    );
  }
  return value;
}

export interface HashableObject {
  type: string;
  attributes: unknown;
  references?: Array<{ name: string; type: string; id: string }>;
}

export function contentHash(object: HashableObject): string {
  const references = [...(object.references ?? [])]
    .map(({ name, type, id }) => ({ id, name, type }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const text = JSON.stringify(
    canonical({ type: object.type, attributes: object.attributes, references })
  );
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

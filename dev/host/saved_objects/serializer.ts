/**
 * OSD's SavedObjectsSerializer for the default namespace: document id `<type>:<id>`, source
 * `{type, [type]: attributes, references, namespaces? (multi-namespace types only), originId?,
 * migrationVersion?, updated_at?}`, and the version string base64(JSON [seq_no, primary_term]).
 */
import type { SavedObject } from '../../../server/osd_port';

export interface RawSource {
  type: string;
  references?: SavedObject['references'];
  namespace?: string;
  namespaces?: string[];
  originId?: string;
  migrationVersion?: Record<string, string>;
  updated_at?: string;
  [typeAttributes: string]: unknown;
}

export interface RawDoc {
  _id: string;
  _source: RawSource;
  _seq_no?: number;
  _primary_term?: number;
}

export interface HostSavedObject<T = Record<string, unknown>> extends SavedObject<T> {
  namespaces?: string[];
  originId?: string;
  score?: number;
}

export const DEFAULT_NAMESPACE = 'default';

export function rawId(type: string, id: string): string {
  return `${type}:${id}`;
}

export function encodeVersion(seqNo: number, primaryTerm: number): string {
  return Buffer.from(JSON.stringify([seqNo, primaryTerm]), 'utf8').toString('base64');
}

export function decodeVersion(version: string): { if_seq_no: number; if_primary_term: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(version, 'base64').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !parsed.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw new Error(`Invalid version [${version}]`);
  }
  return { if_seq_no: parsed[0], if_primary_term: parsed[1] };
}

export function toRawSource(
  object: {
    type: string;
    attributes: unknown;
    references?: SavedObject['references'];
    migrationVersion?: Record<string, string>;
    updated_at?: string;
    originId?: string;
  },
  multiNamespace: boolean
): RawSource {
  return {
    [object.type]: object.attributes,
    type: object.type,
    references: object.references ?? [],
    ...(multiNamespace && { namespaces: [DEFAULT_NAMESPACE] }),
    ...(object.originId && { originId: object.originId }),
    ...(object.migrationVersion && { migrationVersion: object.migrationVersion }),
    ...(object.updated_at && { updated_at: object.updated_at }),
  };
}

/** A stored document as the saved-objects client returns it, or undefined if it is not one of `type`. */
export function fromRawDoc<T>(
  doc: RawDoc,
  namespaceType: 'single' | 'multiple' | 'agnostic' | undefined
): HostSavedObject<T> | undefined {
  const { type } = doc._source;
  const prefix = `${type}:`;
  if (!doc._id.startsWith(prefix)) return undefined;
  const namespaces =
    namespaceType === 'multiple'
      ? doc._source.namespaces
      : namespaceType === 'agnostic'
        ? undefined
        : [doc._source.namespace ?? DEFAULT_NAMESPACE];
  return {
    id: doc._id.slice(prefix.length),
    type,
    ...(namespaces && { namespaces }),
    ...(doc._source.originId && { originId: doc._source.originId }),
    ...(doc._source.updated_at && { updated_at: doc._source.updated_at }),
    ...(typeof doc._seq_no === 'number' &&
      typeof doc._primary_term === 'number' && {
        version: encodeVersion(doc._seq_no, doc._primary_term),
      }),
    attributes: (doc._source[type] ?? {}) as T,
    references: doc._source.references ?? [],
    ...(doc._source.migrationVersion && { migrationVersion: doc._source.migrationVersion }),
  };
}

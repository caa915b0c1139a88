/**
 * OSD 2.x's importSavedObjectsFromStream for the default namespace, in its order: collect (unsupported types
 * are errors, duplicates a 400), validate references to index-patterns and searches, then either give every
 * object a new id (createNewCopies, references remapped) or check conflicts (an existing object is a
 * `conflict` error unless overwrite), then one bulk create. The response shape is OSD's.
 *
 * All or nothing, as OSD's createSavedObjects: when any object has a conflict or a missing reference (the
 * errors `_resolve_import_errors` can fix), nothing is written at all, and `successCount` / `successResults`
 * still list the objects that would have been written.
 */
import { randomUUID } from 'node:crypto';
import type { SavedObject } from '../../../server/osd_port';
import { badRequestError } from './errors';
import type { HostSavedObjectsClient } from './saved_objects_client';
import type { SavedObjectTypeRegistry } from './type_registry';

type ImportErrorDetail =
  | { type: 'conflict'; destinationId?: string }
  | { type: 'unsupported_type' }
  | { type: 'missing_references'; references: Array<{ type: string; id: string }> }
  | { type: 'unknown'; message: string; statusCode: number };

export interface ImportError {
  id: string;
  type: string;
  title?: string;
  meta: { title?: string; icon?: string };
  overwrite?: boolean;
  error: ImportErrorDetail;
}

export interface ImportSuccess {
  id: string;
  type: string;
  destinationId?: string;
  meta: { title?: string; icon?: string };
  overwrite?: boolean;
}

export interface ImportResponse {
  success: boolean;
  successCount: number;
  successResults?: ImportSuccess[];
  errors?: ImportError[];
}

type ImportObject = SavedObject<{ title?: string } & Record<string, unknown>>;

const OBJECT_LIMIT = 10000;
const REF_TYPES_TO_VALIDATE = ['index-pattern', 'search'];
/** Errors the user resolves (and retries with `_resolve_import_errors`): their presence blocks every write. */
const RESOLVABLE_ERRORS: string[] = ['conflict', 'ambiguous_conflict', 'missing_references'];
const key = (o: { type: string; id: string }) => `${o.type}:${o.id}`;

/** The lines of an export file; the trailing `{exportedCount, ...}` summary is not an object. */
export function parseNdjson(text: string): ImportObject[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ImportObject & { exportedCount?: number })
    .filter((obj) => obj.exportedCount === undefined);
}

export async function importSavedObjects(
  objects: ImportObject[],
  options: { overwrite: boolean; createNewCopies: boolean },
  client: HostSavedObjectsClient,
  registry: SavedObjectTypeRegistry
): Promise<ImportResponse> {
  if (objects.length > OBJECT_LIMIT)
    throw badRequestError(`Can't import more than ${OBJECT_LIMIT} objects`);
  const errors: ImportError[] = [];
  const titleOf = (o: ImportObject) => o.attributes?.title;

  const seen = new Map<string, number>();
  for (const o of objects) seen.set(key(o), (seen.get(key(o)) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  if (duplicates.length > 0) {
    throw badRequestError(`Non-unique import objects detected: [${duplicates.join()}]`);
  }

  const collected = objects.filter((o) => {
    if (registry.isImportableAndExportable(o.type)) return true;
    errors.push({
      id: o.id,
      type: o.type,
      title: titleOf(o),
      meta: { title: titleOf(o) },
      error: { type: 'unsupported_type' },
    });
    return false;
  });

  // References to index-patterns and searches must exist in the file or in the cluster.
  const inFile = new Set(collected.map(key));
  const wanted = new Map<string, { type: string; id: string }>();
  for (const o of collected) {
    for (const ref of o.references ?? []) {
      if (REF_TYPES_TO_VALIDATE.includes(ref.type) && !inFile.has(key(ref)))
        wanted.set(key(ref), ref);
    }
  }
  const existing = await client.bulkGet([...wanted.values()]);
  const missing = new Set(existing.saved_objects.filter((o) => o.error).map(key));
  for (const o of collected) {
    const refs = (o.references ?? []).filter((r) => missing.has(key(r)));
    if (refs.length > 0) {
      errors.push({
        id: o.id,
        type: o.type,
        title: titleOf(o),
        meta: { title: titleOf(o) },
        error: {
          type: 'missing_references',
          references: refs.map(({ type, id }) => ({ type, id })),
        },
      });
    }
  }

  const destination = new Map<string, string>();
  const pendingOverwrites = new Set<string>();
  if (options.createNewCopies) {
    for (const o of collected) destination.set(key(o), randomUUID());
  } else {
    const current = await client.bulkGet(collected.map(({ type, id }) => ({ type, id })));
    for (const [i, found] of current.saved_objects.entries()) {
      if (found.error) continue;
      const o = collected[i];
      if (options.overwrite) pendingOverwrites.add(key(o));
      else {
        errors.push({
          id: o.id,
          type: o.type,
          title: titleOf(o),
          meta: { title: titleOf(o) },
          error: { type: 'conflict' },
        });
      }
    }
  }

  const failed = new Set(errors.map(key));
  const toCreate = collected.filter((o) => !failed.has(key(o)));
  const prepared = toCreate.map((o) => ({
    type: o.type,
    id: destination.get(key(o)) ?? o.id,
    attributes: o.attributes,
    migrationVersion: o.migrationVersion,
    references: (o.references ?? []).map((ref) => ({
      ...ref,
      id: destination.get(key(ref)) ?? ref.id,
    })),
  }));
  const resolvable = errors.some((e) => RESOLVABLE_ERRORS.includes(e.error.type));
  const created: { saved_objects: Array<{ error?: { statusCode: number; message: string } }> } =
    resolvable
      ? { saved_objects: prepared.map(() => ({})) }
      : await client.bulkCreate(prepared, { overwrite: options.overwrite });

  const successResults: ImportSuccess[] = [];
  created.saved_objects.forEach((result, i) => {
    const o = toCreate[i];
    const icon = registry.getType(o.type)?.management?.icon;
    const overwrite = pendingOverwrites.has(key(o)) || undefined;
    if (result.error) {
      const { statusCode, message } = result.error;
      errors.push({
        id: o.id,
        type: o.type,
        title: titleOf(o),
        meta: { title: titleOf(o) },
        error: statusCode === 409 ? { type: 'conflict' } : { type: 'unknown', message, statusCode },
      });
      return;
    }
    const destinationId = destination.get(key(o));
    successResults.push({
      type: o.type,
      id: o.id,
      meta: { title: titleOf(o), icon },
      ...(overwrite && { overwrite }),
      ...(destinationId && { destinationId }),
    });
  });

  const errorResults = errors.map((e) => ({
    ...e,
    meta: { ...e.meta, icon: registry.getType(e.type)?.management?.icon },
    ...(pendingOverwrites.has(key(e)) && { overwrite: true }),
  }));
  return {
    successCount: successResults.length,
    success: errorResults.length === 0,
    ...(successResults.length > 0 && { successResults }),
    ...(errorResults.length > 0 && { errors: errorResults }),
  };
}

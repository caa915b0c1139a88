/**
 * Where the install reads and writes, behind one narrow interface, so the same install logic runs in the
 * plugin (the request's saved-objects client: the caller's identity and tenant) and in the CLI (Dashboards'
 * HTTP API, writes through `_import`). Implementations throw what their client throws; the service reads it.
 */
import type { SavedObject, SavedObjectsClientContract } from '../../osd_port';
import { isNotFound, readUpstreamError } from '../../upstream_errors';
import {
  INSTALL_RECORD_ID,
  INSTALL_RECORD_TYPE,
  refKey,
  type ObjectRef,
} from '../../../common/saved_objects/install_types';
import type { ExportedObject } from '../../../common/saved_objects/types';

export interface RecordEntry {
  hash: string;
  installedAt: string;
}

/** The attributes of our record object: one entry per installed object, keyed `type:id`. */
export interface InstallRecord {
  pluginVersion: string;
  updatedAt: string;
  objects: Record<string, RecordEntry>;
}

export interface DashboardsStore {
  /** The objects as stored, `undefined` where missing. */
  read(refs: ObjectRef[]): Promise<Map<string, SavedObject | undefined>>;
  /**
   * Create or overwrite each object (id, attributes, references, migrationVersion as given) and, when given,
   * the install record: in one request where the client allows (one index refresh instead of two).
   */
  write(objects: ExportedObject[], record?: InstallRecord): Promise<void>;
  /** 'unsupported': this Dashboards does not know our record type (the plugin is not installed there). */
  readRecord(): Promise<InstallRecord | undefined | 'unsupported'>;
}

/** Dashboards answers 400 "Unsupported saved object type" for a type no plugin registered. */
export function isUnsupportedType(error: unknown): boolean {
  const f = readUpstreamError(error);
  return f.kind === 'bad_request' && /unsupported saved object type/i.test(f.reason);
}

async function getOrUndefined(
  client: SavedObjectsClientContract,
  ref: { type: string; id: string }
): Promise<SavedObject | undefined> {
  try {
    const found = await client.get(ref.type, ref.id);
    return found.error ? undefined : found;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** OSD's client (and the dev host's) has bulkGet: one `_mget` instead of a request per object. */
interface BulkGet {
  bulkGet?(objects: Array<{ type: string; id: string }>): Promise<{ saved_objects: SavedObject[] }>;
}

export async function readEach(
  client: SavedObjectsClientContract & BulkGet,
  refs: ObjectRef[]
): Promise<Map<string, SavedObject | undefined>> {
  const out = new Map<string, SavedObject | undefined>();
  if (client.bulkGet) {
    const { saved_objects } = await client.bulkGet(refs.map(({ type, id }) => ({ type, id })));
    const failed = saved_objects.find((o) => o.error && o.error.statusCode !== 404);
    if (failed?.error) {
      throw Object.assign(new Error(`${failed.type}/${failed.id}: ${failed.error.message}`), {
        statusCode: failed.error.statusCode,
      });
    }
    refs.forEach((r, i) =>
      out.set(refKey(r), saved_objects[i]?.error ? undefined : saved_objects[i])
    );
    return out;
  }
  // A few at a time: a Dashboards behind a proxy dislikes 25 requests at once, and 25 in series is slow.
  for (let i = 0; i < refs.length; i += 8) {
    const batch = refs.slice(i, i + 8);
    const found = await Promise.all(batch.map((r) => getOrUndefined(client, r)));
    batch.forEach((r, j) => out.set(refKey(r), found[j]));
  }
  return out;
}

export async function readRecordWith(
  client: SavedObjectsClientContract
): Promise<InstallRecord | undefined | 'unsupported'> {
  try {
    const found = await getOrUndefined(client, {
      type: INSTALL_RECORD_TYPE,
      id: INSTALL_RECORD_ID,
    });
    return found ? (found.attributes as unknown as InstallRecord) : undefined;
  } catch (error) {
    if (isUnsupportedType(error)) return 'unsupported';
    throw error;
  }
}

export async function writeRecordWith(
  client: SavedObjectsClientContract,
  record: InstallRecord
): Promise<void> {
  await client.create(INSTALL_RECORD_TYPE, record, {
    id: INSTALL_RECORD_ID,
    overwrite: true,
    references: [],
  });
}

/** OSD's client (and the dev host's) also has bulkCreate: one request, one refresh, instead of one each. */
interface BulkCreate {
  bulkCreate?(
    objects: Array<{
      type: string;
      id: string;
      attributes: unknown;
      references: ExportedObject['references'];
      migrationVersion: Record<string, string>;
    }>,
    options: { overwrite: boolean }
  ): Promise<{
    saved_objects: Array<{
      id: string;
      type: string;
      error?: { statusCode: number; message: string };
    }>;
  }>;
}

/** The plugin's door: the request-scoped saved-objects client (OSD applies the caller's tenant to it). */
export function savedObjectsStore(
  client: SavedObjectsClientContract & BulkCreate & BulkGet
): DashboardsStore {
  return {
    read: (refs) => readEach(client, refs),
    async write(objects, record) {
      if (client.bulkCreate) {
        const items = objects.map(({ type, id, attributes, references, migrationVersion }) => ({
          type,
          id,
          attributes: attributes as unknown,
          references,
          migrationVersion,
        }));
        if (record) {
          items.push({
            type: INSTALL_RECORD_TYPE,
            id: INSTALL_RECORD_ID,
            attributes: record,
            references: [],
            migrationVersion: {},
          });
        }
        const { saved_objects } = await client.bulkCreate(items, { overwrite: true });
        const failed = saved_objects.find((o) => o.error);
        if (failed?.error) {
          // The shape OSD's errors carry (statusCode + message): readUpstreamError reads it like any other.
          throw Object.assign(new Error(`${failed.type}/${failed.id}: ${failed.error.message}`), {
            statusCode: failed.error.statusCode,
          });
        }
        return;
      }
      for (const o of objects) {
        await client.create(o.type, o.attributes, {
          id: o.id,
          overwrite: true,
          references: o.references,
          migrationVersion: o.migrationVersion,
        });
      }
      if (record) await writeRecordWith(client, record);
    },
    readRecord: () => readRecordWith(client),
  };
}

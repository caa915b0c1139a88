/**
 * In-memory saved objects and advanced settings with OSD's observable behaviour: Boom-shaped 404 and 409
 * errors, `version` bumped on every write and checked on update, `defaultIndex` as a user value. Per test, so
 * concurrent test files never share a default index pattern.
 */
import type {
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsFindResponse,
  UiSettingsClient,
} from '../../server/osd_port';

function boom(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), {
    isBoom: true,
    output: { statusCode, payload: { statusCode, message } },
  });
}

export class FakeSavedObjects implements SavedObjectsClientContract {
  readonly store = new Map<string, SavedObject>();
  writes = 0;
  private counter = 0;

  private key(type: string, id: string): string {
    return `${type}:${id}`;
  }

  async get<T>(type: string, id: string): Promise<SavedObject<T>> {
    const found = this.store.get(this.key(type, id));
    if (!found) throw boom(404, `Saved object [${type}/${id}] not found`);
    return structuredClone(found) as SavedObject<T>;
  }

  async create<T>(
    type: string,
    attributes: T,
    options: { id?: string; overwrite?: boolean; references?: SavedObject['references'] } = {}
  ): Promise<SavedObject<T>> {
    const id = options.id ?? `generated-${++this.counter}`;
    if (this.store.has(this.key(type, id)) && !options.overwrite) {
      throw boom(409, `Saved object [${type}/${id}] conflict`);
    }
    const obj: SavedObject = {
      id,
      type,
      attributes: structuredClone(attributes) as Record<string, unknown>,
      references: options.references ?? [],
      version: `v${++this.counter}`,
      updated_at: new Date().toISOString(),
    };
    this.store.set(this.key(type, id), obj);
    this.writes += 1;
    return structuredClone(obj) as SavedObject<T>;
  }

  async update<T>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options: { version?: string } = {}
  ): Promise<SavedObject<T>> {
    const found = this.store.get(this.key(type, id));
    if (!found) throw boom(404, `Saved object [${type}/${id}] not found`);
    if (options.version && options.version !== found.version)
      throw boom(409, `Saved object [${type}/${id}] conflict`);
    found.attributes = {
      ...found.attributes,
      ...(structuredClone(attributes) as Record<string, unknown>),
    };
    found.version = `v${++this.counter}`;
    this.writes += 1;
    return structuredClone(found) as SavedObject<T>;
  }

  async find<T>(options: {
    type: string | string[];
    perPage?: number;
  }): Promise<SavedObjectsFindResponse<T>> {
    const types = Array.isArray(options.type) ? options.type : [options.type];
    const all = [...this.store.values()].filter((o) => types.includes(o.type));
    const perPage = options.perPage ?? 20;
    return {
      saved_objects: structuredClone(all.slice(0, perPage)) as Array<SavedObject<T>>,
      total: all.length,
      per_page: perPage,
      page: 1,
    };
  }

  async delete(type: string, id: string): Promise<unknown> {
    if (!this.store.delete(this.key(type, id)))
      throw boom(404, `Saved object [${type}/${id}] not found`);
    return {};
  }
}

export class FakeUiSettings implements UiSettingsClient {
  readonly values = new Map<string, unknown>();
  writes = 0;

  async get<T>(key: string): Promise<T> {
    return this.values.get(key) as T;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    this.writes += 1;
  }
}

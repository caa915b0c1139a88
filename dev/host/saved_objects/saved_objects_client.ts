/**
 * A saved-objects client over the real `.kibana` index with the semantics of OSD's repository for the
 * default namespace: Boom-shaped 404/409/400 errors with OSD's messages, `refresh: wait_for` on writes,
 * optimistic concurrency through `version`, unknown types refused, and OSD's document format (serializer.ts),
 * so what it writes is what a real Dashboards reads.
 */
import { randomUUID } from 'node:crypto';
import type {
  OpenSearchClient,
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsFindResponse,
} from '../../../server/osd_port';
import {
  badRequestError,
  conflictError,
  errorContent,
  notFoundError,
  SavedObjectsBoomError,
  unsupportedTypeError,
} from './errors';
import {
  decodeVersion,
  encodeVersion,
  fromRawDoc,
  rawId,
  toRawSource,
  type HostSavedObject,
  type RawDoc,
} from './serializer';
import type { SavedObjectTypeRegistry } from './type_registry';

type Attributes = Record<string, unknown>;
type References = SavedObject['references'];

export interface CreateOptions {
  id?: string;
  overwrite?: boolean;
  references?: References;
  migrationVersion?: Record<string, string>;
}

export interface BulkCreateObject<T = Attributes> extends Omit<CreateOptions, 'overwrite'> {
  type: string;
  attributes: T;
  originId?: string;
}

export interface FindOptions {
  type: string | string[];
  search?: string;
  searchFields?: string[];
  perPage?: number;
  page?: number;
  fields?: string[];
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
}

const META_FIELDS = [
  'type',
  'references',
  'namespace',
  'namespaces',
  'originId',
  'migrationVersion',
  'updated_at',
];

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}

/**
 * OSD's decorateOpenSearchError, for the statuses that say something about the request: a refused document
 * (strict mapping, bad value) is a 400 with OpenSearch's reason, 401/403 keep their status.
 */
function decorate(error: unknown): unknown {
  const status = statusOf(error);
  const reason = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error
    ?.reason;
  if (status === 400) return badRequestError(reason ?? 'OpenSearch refused the request');
  if (status === 401 || status === 403) {
    return new SavedObjectsBoomError(status, reason ?? 'not allowed');
  }
  return error;
}

export class HostSavedObjectsClient implements SavedObjectsClientContract {
  constructor(
    private readonly client: OpenSearchClient,
    private readonly index: string,
    private readonly registry: SavedObjectTypeRegistry
  ) {}

  private docPath(type: string, id: string, api = '_doc'): string {
    return `/${encodeURIComponent(this.index)}/${api}/${encodeURIComponent(rawId(type, id))}`;
  }

  private assertType(type: string): void {
    if (!this.registry.getType(type)) throw unsupportedTypeError(type);
  }

  private fromRaw<T>(doc: RawDoc): HostSavedObject<T> | undefined {
    return fromRawDoc<T>(doc, this.registry.getType(doc._source.type)?.namespaceType);
  }

  /** The migrationVersion OSD's migrator would stamp when the caller gives none. */
  private migrationVersionFor(type: string, given?: Record<string, string>) {
    if (given && Object.keys(given).length > 0) return given;
    const latest = this.registry.getType(type)?.latestMigrationVersion;
    return latest ? { [type]: latest } : given;
  }

  async get<T = Attributes>(type: string, id: string): Promise<HostSavedObject<T>> {
    this.assertType(type);
    const response = await this.client.transport.request<RawDoc & { found?: boolean }>(
      { method: 'GET', path: this.docPath(type, id) },
      { ignore: [404] }
    );
    const doc = response.statusCode === 404 || !response.body.found ? undefined : response.body;
    const object = doc && doc._source?.type === type ? this.fromRaw<T>(doc) : undefined;
    if (!object) throw notFoundError(type, id);
    return object;
  }

  async create<T = Attributes>(
    type: string,
    attributes: T,
    options: CreateOptions = {}
  ): Promise<HostSavedObject<T>> {
    this.assertType(type);
    const id = options.id ?? randomUUID();
    const source = toRawSource(
      {
        type,
        attributes,
        references: options.references,
        migrationVersion: this.migrationVersionFor(type, options.migrationVersion),
        updated_at: new Date().toISOString(),
      },
      this.registry.getType(type)?.namespaceType === 'multiple'
    );
    try {
      const response = await this.client.transport.request<{
        _seq_no: number;
        _primary_term: number;
      }>({
        method: 'PUT',
        path: this.docPath(type, id, options.overwrite ? '_doc' : '_create'),
        querystring: { refresh: 'wait_for' },
        body: source,
      });
      const { _seq_no, _primary_term } = response.body;
      return this.fromRaw<T>({ _id: rawId(type, id), _source: source, _seq_no, _primary_term })!;
    } catch (error) {
      if (statusOf(error) === 409) throw conflictError(type, id);
      throw decorate(error);
    }
  }

  async update<T = Attributes>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options: { references?: References; version?: string } = {}
  ): Promise<HostSavedObject<T>> {
    this.assertType(type);
    let concurrency = {};
    try {
      if (options.version) concurrency = decodeVersion(options.version);
    } catch {
      throw badRequestError(`Invalid version [${options.version}]`);
    }
    const updated_at = new Date().toISOString();
    const doc = {
      [type]: attributes,
      updated_at,
      ...(options.references && { references: options.references }),
    };
    try {
      const response = await this.client.transport.request<{
        _seq_no: number;
        _primary_term: number;
      }>({
        method: 'POST',
        path: this.docPath(type, id, '_update'),
        querystring: { refresh: 'wait_for', ...concurrency },
        body: { doc },
      });
      const namespaceType = this.registry.getType(type)?.namespaceType;
      return {
        id,
        type,
        updated_at,
        version: encodeVersion(response.body._seq_no, response.body._primary_term),
        ...(namespaceType === 'single' && { namespaces: ['default'] }),
        references: options.references ?? [],
        // Only the updated attributes, as OSD answers; the port types the result as the full object.
        attributes: attributes as T,
      };
    } catch (error) {
      if (statusOf(error) === 404) throw notFoundError(type, id);
      if (statusOf(error) === 409) throw conflictError(type, id);
      throw decorate(error);
    }
  }

  async delete(type: string, id: string): Promise<Record<string, never>> {
    this.assertType(type);
    const response = await this.client.transport.request<{ result?: string }>(
      { method: 'DELETE', path: this.docPath(type, id), querystring: { refresh: 'wait_for' } },
      { ignore: [404] }
    );
    if (response.statusCode === 404 || response.body.result === 'not_found') {
      throw notFoundError(type, id);
    }
    return {};
  }

  async find<T = Attributes>(options: FindOptions): Promise<SavedObjectsFindResponse<T>> {
    const types = ([] as string[]).concat(options.type).filter((t) => this.registry.getType(t));
    const perPage = options.perPage ?? 20;
    const page = options.page ?? 1;
    if (types.length === 0) return { page, per_page: perPage, total: 0, saved_objects: [] };
    const filter: unknown[] = [{ terms: { type: types } }];
    const must: unknown[] = [];
    if (options.search) {
      must.push({
        simple_query_string: {
          query: options.search,
          lenient: true,
          fields: options.searchFields
            ? types.flatMap((t) => options.searchFields!.map((f) => `${t}.${f}`))
            : ['*'],
        },
      });
    }
    const sortField = options.sortField;
    const body = {
      size: perPage,
      from: perPage * (page - 1),
      seq_no_primary_term: true,
      track_total_hits: true,
      query: { bool: { filter, must } },
      ...(options.fields && {
        _source: [...META_FIELDS, ...types.flatMap((t) => options.fields!.map((f) => `${t}.${f}`))],
      }),
      ...(sortField && {
        sort: (META_FIELDS.includes(sortField)
          ? [sortField]
          : types.map((t) => `${t}.${sortField}`)
        ).map((field) => ({
          [field]: { order: options.sortOrder ?? 'asc', unmapped_type: 'keyword' },
        })),
      }),
    };
    const response = await this.client.transport.request<{
      hits: { total: { value: number }; hits: Array<RawDoc & { _score: number | null }> };
    }>(
      { method: 'POST', path: `/${encodeURIComponent(this.index)}/_search`, body },
      { ignore: [404] }
    );
    if (response.statusCode === 404)
      return { page, per_page: perPage, total: 0, saved_objects: [] };
    return {
      page,
      per_page: perPage,
      total: response.body.hits.total.value,
      saved_objects: response.body.hits.hits
        .map((hit) => {
          const object = this.fromRaw<T>(hit);
          return object && { ...object, score: hit._score ?? 0 };
        })
        .filter((o): o is HostSavedObject<T> & { score: number } => !!o),
    };
  }

  async bulkGet<T = Attributes>(
    objects: Array<{ type: string; id: string }>
  ): Promise<{ saved_objects: Array<HostSavedObject<T>> }> {
    if (objects.length === 0) return { saved_objects: [] };
    const response = await this.client.transport.request<{
      docs: Array<RawDoc & { found?: boolean; error?: unknown }>;
    }>({
      method: 'POST',
      path: '/_mget',
      body: { docs: objects.map(({ type, id }) => ({ _index: this.index, _id: rawId(type, id) })) },
    });
    return {
      saved_objects: objects.map(({ type, id }, i) => {
        if (!this.registry.getType(type)) {
          return {
            id,
            type,
            attributes: {} as T,
            references: [],
            error: errorContent(unsupportedTypeError(type)),
          };
        }
        const doc = response.body.docs[i];
        const object = doc?.found && doc._source?.type === type ? this.fromRaw<T>(doc) : undefined;
        return (
          object ?? {
            id,
            type,
            attributes: {} as T,
            references: [],
            error: errorContent(notFoundError(type, id)),
          }
        );
      }),
    };
  }

  /** One bulk request; a failed object comes back with `error` ({statusCode, error, message}). */
  async bulkCreate<T = Attributes>(
    objects: Array<BulkCreateObject<T>>,
    options: { overwrite?: boolean } = {}
  ): Promise<{ saved_objects: Array<HostSavedObject<T>> }> {
    if (objects.length === 0) return { saved_objects: [] };
    const updated_at = new Date().toISOString();
    const prepared = objects.map((object) => {
      const id = object.id ?? randomUUID();
      const known = this.registry.getType(object.type);
      const source = known
        ? toRawSource(
            {
              ...object,
              migrationVersion: this.migrationVersionFor(object.type, object.migrationVersion),
              updated_at,
            },
            known.namespaceType === 'multiple'
          )
        : undefined;
      return { object, id, source };
    });
    const lines = prepared.flatMap(({ object, id, source }) =>
      source
        ? [
            {
              [options.overwrite ? 'index' : 'create']: {
                _index: this.index,
                _id: rawId(object.type, id),
              },
            },
            source,
          ]
        : []
    );
    const items: Array<
      Record<
        string,
        {
          status: number;
          _seq_no?: number;
          _primary_term?: number;
          error?: { reason?: string; type?: string };
        }
      >
    > =
      lines.length === 0
        ? []
        : (
            await this.client.transport.request<{ items: typeof items }>({
              method: 'POST',
              path: '/_bulk',
              querystring: { refresh: 'wait_for' },
              bulkBody: lines,
            })
          ).body.items;
    let next = 0;
    return {
      saved_objects: prepared.map(({ object, id, source }) => {
        const failed = (error: ReturnType<typeof errorContent>) => ({
          id,
          type: object.type,
          attributes: object.attributes,
          references: object.references ?? [],
          error,
        });
        if (!source) return failed(errorContent(unsupportedTypeError(object.type)));
        const item = Object.values(items[next++])[0];
        if (item.status === 409) return failed(errorContent(conflictError(object.type, id)));
        if (item.error) {
          const message = item.error.reason ?? item.error.type ?? 'bulk create failed';
          return failed(errorContent(new SavedObjectsBoomError(item.status, message)));
        }
        return this.fromRaw<T>({
          _id: rawId(object.type, id),
          _source: source,
          _seq_no: item._seq_no,
          _primary_term: item._primary_term,
        })!;
      }),
    };
  }
}

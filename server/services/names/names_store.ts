/**
 * The names lookup index (`.pinpoint-campaign-names`, hidden, outside the `pinpoint*` archive): one document
 * per campaign or journey id, written by a Pinpoint sync, a CSV import or an edit in the app. Writes are
 * idempotent (the id is the document id); a name the user typed is not overwritten by a later sync.
 */
import type { OpenSearchClient } from '../../osd_port';
import type { NameResolver } from '../campaigns/deps';
import { fromOpenSearchError } from '../../errors';
import type { NameRow } from '../../../common/campaigns/names_csv';

export const NAMES_INDEX = '.pinpoint-campaign-names';

export type NameSource = 'pinpoint' | 'csv' | 'user';

export interface NameEntry {
  id: string;
  name: string;
  source: NameSource;
  kind?: 'campaign' | 'journey';
  updatedAt: string;
}

const MAPPING = {
  settings: { index: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' } },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      name: { type: 'keyword' },
      source: { type: 'keyword' },
      kind: { type: 'keyword' },
      updatedAt: { type: 'date' },
    },
  },
};

export class NamesStore implements NameResolver {
  constructor(
    private readonly client: OpenSearchClient,
    private readonly now: () => Date = () => new Date()
  ) {}

  private async ensureIndex(): Promise<void> {
    try {
      await this.client.transport.request(
        { method: 'PUT', path: `/${NAMES_INDEX}`, body: MAPPING },
        { ignore: [400], requestTimeout: 30_000 }
      );
    } catch (error) {
      throw fromOpenSearchError(error, 'creating the names index');
    }
  }

  async resolve(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    try {
      const { body } = await this.client.transport.request<{
        docs: Array<{ found: boolean; _source?: NameEntry }>;
      }>(
        { method: 'POST', path: `/${NAMES_INDEX}/_mget`, body: { ids } },
        { ignore: [404], requestTimeout: 30_000 }
      );
      for (const doc of body.docs ?? [])
        if (doc.found && doc._source) out.set(doc._source.id, doc._source.name);
    } catch (error) {
      const status = (error as { meta?: { statusCode?: number } })?.meta?.statusCode;
      if (status === 404) return out; // no names yet
      throw fromOpenSearchError(error, 'reading campaign names');
    }
    return out;
  }

  async list(): Promise<NameEntry[]> {
    try {
      const { body, statusCode } = await this.client.transport.request<{
        hits?: { hits: Array<{ _source: NameEntry }> };
      }>(
        {
          method: 'POST',
          path: `/${NAMES_INDEX}/_search`,
          body: { size: 10_000, sort: [{ id: 'asc' }], query: { match_all: {} } },
        },
        { ignore: [404], requestTimeout: 30_000 }
      );
      if (statusCode === 404) return [];
      return (body.hits?.hits ?? []).map((h) => h._source);
    } catch (error) {
      throw fromOpenSearchError(error, 'listing campaign names');
    }
  }

  /**
   * Writes names; with `keepUserNames`, ids the user named in the app keep their name (a sync never undoes an
   * edit). Returns how many were written.
   */
  async put(
    rows: ReadonlyArray<NameRow & { kind?: 'campaign' | 'journey' }>,
    source: NameSource,
    keepUserNames = false
  ): Promise<{ written: number; kept: number }> {
    if (rows.length === 0) return { written: 0, kept: 0 };
    await this.ensureIndex();
    let keep = new Set<string>();
    if (keepUserNames) {
      const existing = await this.list();
      keep = new Set(existing.filter((e) => e.source === 'user').map((e) => e.id));
    }
    const updatedAt = this.now().toISOString();
    const bulkBody: object[] = [];
    let kept = 0;
    for (const row of rows) {
      if (keep.has(row.id)) {
        kept++;
        continue;
      }
      bulkBody.push(
        { index: { _index: NAMES_INDEX, _id: row.id } },
        { id: row.id, name: row.name, source, ...(row.kind ? { kind: row.kind } : {}), updatedAt }
      );
    }
    for (let i = 0; i < bulkBody.length; i += 2000) {
      try {
        const { body } = await this.client.transport.request<{ errors: boolean; items: unknown[] }>(
          {
            method: 'POST',
            path: '/_bulk',
            querystring: { refresh: 'wait_for' },
            bulkBody: bulkBody.slice(i, i + 2000),
          },
          { requestTimeout: 60_000 }
        );
        if (body.errors)
          throw new Error(`writing names: ${JSON.stringify(body.items[0]).slice(0, 300)}`);
      } catch (error) {
        throw fromOpenSearchError(error, 'writing campaign names');
      }
    }
    return { written: bulkBody.length / 2, kept };
  }
}

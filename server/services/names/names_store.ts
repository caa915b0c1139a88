/**
 * The names lookup index behind a narrow interface: resolve many ids in one request (the campaigns list),
 * list a page, read everything (the CLI), write names by the rules of names_plan.ts. The client is the
 * caller's (routes: the current user); reads never create the index, writes create it on first use.
 */
import type { OpenSearchClient } from '../../osd_port';
import type { NameResolver } from '../campaigns/deps';
import { ForbiddenError, fromOpenSearchError } from '../../errors';
import { readUpstreamError } from '../../upstream_errors';
import {
  NAMES_INDEX,
  ensureNamesIndex,
  readEntry,
  type NameEntry,
  type NameSource,
} from './names_index';
import type { NamesListQuery } from './names_input';
import { planWrites, type IncomingName, type StoredName } from './names_plan';

export { NAMES_INDEX, type NameEntry, type NameSource } from './names_index';

export interface NamesStoreOptions {
  /** Tests give each file its own index; the product uses NAMES_INDEX. */
  index?: string;
  now?: () => Date;
}

export interface WriteResult {
  /** Names written (created or replaced). */
  written: number;
  /** Names the index already held as given: nothing written. */
  unchanged: number;
  /** Names a refresh left alone because a user typed or imported them (or changed them meanwhile). */
  kept: number;
}

export interface NamesPage {
  names: NameEntry[];
  total: number;
}

const READ_TIMEOUT_MS = 30_000;
const WRITE_TIMEOUT_MS = 60_000;
/** Ids per _mget and documents per _bulk: well under OpenSearch's request size limits. */
const CHUNK = 5_000;
const BULK_DOCS = 2_000;

interface MgetDoc {
  _id: string;
  found?: boolean;
  _seq_no?: number;
  _primary_term?: number;
  _source?: Record<string, unknown>;
}

interface BulkItem {
  status: number;
  error?: { type?: string; reason?: string };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const escapeWildcard = (text: string) => text.replace(/[\\*?]/g, (c) => `\\${c}`);

export class NamesStore implements NameResolver {
  readonly index: string;
  private readonly now: () => Date;

  constructor(
    private readonly client: OpenSearchClient,
    options: NamesStoreOptions = {}
  ) {
    this.index = options.index ?? NAMES_INDEX;
    this.now = options.now ?? (() => new Date());
  }

  /** The stored entries of `ids`, in one _mget per 5,000 ids; a missing index holds nothing. */
  async entries(ids: readonly string[]): Promise<Map<string, StoredName>> {
    const out = new Map<string, StoredName>();
    const unique = [...new Set(ids)];
    for (const part of chunks(unique, CHUNK)) {
      let docs: MgetDoc[];
      try {
        const { body, statusCode } = await this.client.transport.request<{ docs?: MgetDoc[] }>(
          { method: 'POST', path: `/${encodeURIComponent(this.index)}/_mget`, body: { ids: part } },
          { ignore: [404], requestTimeout: READ_TIMEOUT_MS }
        );
        if (statusCode === 404) return out; // no name was ever written
        docs = body.docs ?? [];
      } catch (error) {
        if (readUpstreamError(error).status === 404) return out;
        throw fromOpenSearchError(error, 'reading campaign names');
      }
      for (const doc of docs) {
        if (!doc.found || !doc._source) continue;
        out.set(doc._id, {
          entry: readEntry(doc._source),
          seqNo: doc._seq_no ?? 0,
          primaryTerm: doc._primary_term ?? 0,
        });
      }
    }
    return out;
  }

  /** NameResolver: id -> name for the ids that have one (the campaigns service's one call). */
  async resolve(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    let stored: Map<string, StoredName>;
    try {
      stored = await this.entries(ids);
    } catch (error) {
      // A user who may read the archive but not the names index still gets the numbers, without names.
      if (error instanceof ForbiddenError) return out;
      throw error;
    }
    for (const [id, entry] of stored) out.set(id, entry.entry.name);
    return out;
  }

  /** One page, sorted by name then id; `search` matches part of a name (any case) or the start of an id. */
  async list(query: NamesListQuery): Promise<NamesPage> {
    const filter: object[] = [];
    if (query.kind) filter.push({ term: { kind: query.kind } });
    if (query.source) filter.push({ term: { source: query.source } });
    const must: object[] = [];
    if (query.search) {
      const text = query.search;
      must.push({
        bool: {
          should: [
            {
              wildcard: {
                name: { value: `*${escapeWildcard(text)}*`, case_insensitive: true },
              },
            },
            { prefix: { id: text.toLowerCase() } },
          ],
          minimum_should_match: 1,
        },
      });
    }
    try {
      const { body, statusCode } = await this.client.transport.request<{
        hits?: {
          total?: { value: number } | number;
          hits: Array<{ _source: Record<string, unknown> }>;
        };
      }>(
        {
          method: 'POST',
          path: `/${encodeURIComponent(this.index)}/_search`,
          body: {
            from: query.page * query.perPage,
            size: query.perPage,
            track_total_hits: true,
            sort: [{ name: 'asc' }, { id: 'asc' }],
            query: { bool: { filter, must } },
          },
        },
        { ignore: [404], requestTimeout: READ_TIMEOUT_MS }
      );
      if (statusCode === 404) return { names: [], total: 0 };
      const total = body.hits?.total;
      return {
        names: (body.hits?.hits ?? []).map((h) => readEntry(h._source)),
        total: typeof total === 'number' ? total : (total?.value ?? 0),
      };
    } catch (error) {
      throw fromOpenSearchError(error, 'listing campaign names');
    }
  }

  /** Every name, by id, paged with search_after (no 10,000 window): the CLI's listing. */
  async all(pageSize = 1_000): Promise<NameEntry[]> {
    const out: NameEntry[] = [];
    let after: unknown[] | undefined;
    for (;;) {
      let hits: Array<{ _source: Record<string, unknown>; sort: unknown[] }>;
      try {
        const { body, statusCode } = await this.client.transport.request<{
          hits?: { hits: Array<{ _source: Record<string, unknown>; sort: unknown[] }> };
        }>(
          {
            method: 'POST',
            path: `/${encodeURIComponent(this.index)}/_search`,
            body: {
              size: pageSize,
              sort: [{ id: 'asc' }],
              query: { match_all: {} },
              ...(after ? { search_after: after } : {}),
            },
          },
          { ignore: [404], requestTimeout: READ_TIMEOUT_MS }
        );
        if (statusCode === 404) return out;
        hits = body.hits?.hits ?? [];
      } catch (error) {
        throw fromOpenSearchError(error, 'listing campaign names');
      }
      out.push(...hits.map((h) => readEntry(h._source)));
      if (hits.length < pageSize) return out;
      after = hits[hits.length - 1].sort;
    }
  }

  /**
   * Writes names from `source` by the rules of names_plan.ts; waits for the refresh so a list right after
   * shows them. A refresh's write that lost a race (409) is counted as kept: someone wrote that id meanwhile.
   */
  async write(rows: readonly IncomingName[], source: NameSource): Promise<WriteResult> {
    if (rows.length === 0) return { written: 0, unchanged: 0, kept: 0 };
    const stored = await this.entries(rows.map((r) => r.id));
    const plan = planWrites(rows, stored, source, this.now().toISOString());
    let written = 0;
    let lostRaces = 0;
    if (plan.writes.length > 0) await ensureNamesIndex(this.client, this.index);
    const parts = chunks(plan.writes, BULK_DOCS);
    for (const [n, part] of parts.entries()) {
      const bulkBody: object[] = [];
      for (const w of part) {
        const meta: Record<string, unknown> = { _index: this.index, _id: w.doc.id };
        if (w.ifSeqNo !== undefined) {
          meta.if_seq_no = w.ifSeqNo;
          meta.if_primary_term = w.ifPrimaryTerm;
        }
        bulkBody.push({ [w.op]: meta }, w.doc);
      }
      let items: Array<Record<string, BulkItem>>;
      try {
        const { body } = await this.client.transport.request<{
          errors: boolean;
          items: Array<Record<string, BulkItem>>;
        }>(
          {
            method: 'POST',
            path: '/_bulk',
            // Only the last part waits for a refresh: one wait (about a second) per import, not per part.
            ...(n === parts.length - 1 ? { querystring: { refresh: 'wait_for' } } : {}),
            bulkBody,
          },
          { requestTimeout: WRITE_TIMEOUT_MS }
        );
        items = body.items ?? [];
      } catch (error) {
        throw fromOpenSearchError(error, 'writing campaign names');
      }
      for (const item of items) {
        const result = Object.values(item)[0];
        if (!result?.error) written++;
        else if (result.status === 409 && source === 'pinpoint-api') lostRaces++;
        else {
          throw fromOpenSearchError(
            { meta: { statusCode: result.status, body: { error: result.error } } },
            `writing campaign names (${written} of ${plan.writes.length} written)`
          );
        }
      }
    }
    return { written, unchanged: plan.unchanged.length, kept: plan.kept.length + lostRaces };
  }

  /** One name typed by a user: replaces any other. */
  async setName(id: string, name: string): Promise<NameEntry> {
    await this.write([{ id, name }], 'user');
    const stored = (await this.entries([id])).get(id);
    return stored?.entry ?? { id, name, source: 'user', updatedAt: this.now().toISOString() };
  }
}

/** The campaigns service's way in: names for a set of ids, one request (absent ids have no name). */
export function resolveNames(
  client: OpenSearchClient,
  ids: readonly string[],
  options?: NamesStoreOptions
): Promise<Map<string, string>> {
  return new NamesStore(client, options).resolve(ids);
}

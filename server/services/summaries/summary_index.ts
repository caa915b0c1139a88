/**
 * The plugin's own summaries index (never under the `pinpoint*` archive pattern, so no archive reader or
 * repair ever sees it). Three kinds of documents:
 * - `counts`: one per (send day, group kind, group id, split): the folded counts of the messages sent that
 *   day, exactly as the raw fold makes them (split "" holds the group's own counts: a number distinct per
 *   group stays distinct across its splits);
 * - `day`: a summarised send day and the archive indices its events were read from;
 * - `endpoint`: one per (group, split, endpoint) with the endpoint metrics it counted per day (endpoints.ts);
 * - `index`: the fingerprint of a closed archive index when it was summarised (uuid, docs, latest arrival).
 * Raw indices deleted later keep their `index` and `counts` documents: history outlives deletion.
 */
import type { OpenSearchClient } from '../../osd_port';
import type { Counts } from '../../../common/campaigns/fold';
import { fromOpenSearchError } from '../../errors';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';

export const DEFAULT_SUMMARY_INDEX = '.pinpoint-summaries';

/** One summaries index per archive prefix: days and groups of two archives never mix. */
export function summaryIndexFor(prefix: string | undefined): string {
  return !prefix || prefix === DEFAULT_INDEX_PREFIX
    ? DEFAULT_SUMMARY_INDEX
    : `${DEFAULT_SUMMARY_INDEX}-${prefix}`;
}

export interface Fingerprint {
  uuid: string;
  docs: number;
  /** Latest `arrival_timestamp` (epoch ms), null for an empty index. */
  maxArrival: number | null;
}

export interface CountsDoc {
  type: 'counts';
  day: string;
  groupKind: 'campaign' | 'journey';
  groupId: string;
  /** The treatment / activity; "" for the group's own counts. */
  split: string;
  counts: Counts;
}

export interface DayDoc {
  type: 'day';
  day: string;
  sources: string[];
  builtAt: string;
}

export interface IndexDoc extends Fingerprint {
  type: 'index';
  index: string;
  builtAt: string;
}

const MAPPINGS = {
  dynamic: 'strict',
  properties: {
    type: { type: 'keyword' },
    // The document's id again: a sort key for paging (sorting on _id needs fielddata).
    key: { type: 'keyword' },
    day: { type: 'keyword' },
    groupKind: { type: 'keyword' },
    groupId: { type: 'keyword' },
    split: { type: 'keyword' },
    // Metric names are data (notSent/<status>): kept, never indexed, so no mapping grows with them.
    counts: { type: 'object', enabled: false },
    sources: { type: 'keyword' },
    endpoint: { type: 'keyword' },
    // `<metric>|<day>`: which endpoint metric an endpoint counted on which send day (endpoints.ts).
    marks: { type: 'keyword' },
    days: { type: 'keyword' },
    builtAt: { type: 'date' },
    index: { type: 'keyword' },
    uuid: { type: 'keyword' },
    docs: { type: 'long' },
    maxArrival: { type: 'long' },
  },
};

const TIMEOUT = { requestTimeout: 60_000 };

export const countsId = (d: Omit<CountsDoc, 'type' | 'counts'>) =>
  `counts|${d.day}|${d.groupKind}|${d.groupId}|${d.split}`;

export class SummaryStore {
  constructor(
    readonly client: OpenSearchClient,
    readonly index: string = DEFAULT_SUMMARY_INDEX
  ) {}

  async exists(): Promise<boolean> {
    try {
      const { statusCode } = await this.client.transport.request(
        { method: 'HEAD', path: `/${encodeURIComponent(this.index)}` },
        { ...TIMEOUT, ignore: [404] }
      );
      return statusCode === 200;
    } catch (error) {
      throw fromOpenSearchError(error, `reading ${this.index}`);
    }
  }

  /** Creates the index when missing (only a build, which the user asked for, writes). */
  async ensure(): Promise<void> {
    if (await this.exists()) return;
    try {
      await this.client.transport.request(
        {
          method: 'PUT',
          path: `/${encodeURIComponent(this.index)}`,
          body: {
            settings: { number_of_shards: 1, auto_expand_replicas: '0-1', hidden: true },
            mappings: MAPPINGS,
          },
        },
        // Two builds at once: the second sees the first's index.
        { ...TIMEOUT, ignore: [400] }
      );
    } catch (error) {
      throw fromOpenSearchError(error, `creating ${this.index}`);
    }
  }

  /** Every document of one type matching the filter, paged in id order. */
  async all<T>(type: string, filter: object[] = []): Promise<T[]> {
    if (!(await this.exists())) return [];
    const out: T[] = [];
    let after: unknown[] | undefined;
    for (;;) {
      let hits: Array<{ _source: T; sort: unknown[] }>;
      try {
        const { body } = await this.client.transport.request<{
          hits: { hits: Array<{ _source: T; sort: unknown[] }> };
        }>(
          {
            method: 'POST',
            path: `/${encodeURIComponent(this.index)}/_search`,
            body: {
              size: 10_000,
              track_total_hits: false,
              query: { bool: { filter: [{ term: { type } }, ...filter] } },
              sort: [{ key: 'asc' }],
              ...(after ? { search_after: after } : {}),
            },
          },
          TIMEOUT
        );
        hits = body.hits.hits;
      } catch (error) {
        throw fromOpenSearchError(error, `reading ${this.index}`);
      }
      for (const h of hits) out.push(h._source);
      if (hits.length < 10_000) return out;
      after = hits[hits.length - 1].sort;
    }
  }

  /** Index documents by id (idempotent), failing on the first refused item. */
  async write(docs: ReadonlyArray<{ id: string; doc: object }>, refresh = false): Promise<void> {
    for (let i = 0; i < docs.length; i += 5000) {
      const bulkBody: object[] = [];
      for (const { id, doc } of docs.slice(i, i + 5000)) {
        bulkBody.push({ index: { _index: this.index, _id: id } }, { ...doc, key: id });
      }
      let body: { errors: boolean; items: Array<Record<string, { error?: { reason?: string } }>> };
      try {
        ({ body } = await this.client.transport.request<typeof body>(
          { method: 'POST', path: '/_bulk', bulkBody },
          TIMEOUT
        ));
      } catch (error) {
        throw fromOpenSearchError(error, `writing ${this.index}`);
      }
      if (body.errors) {
        const failed = body.items.map((it) => Object.values(it)[0]).find((r) => r.error);
        throw new Error(`writing ${this.index}: ${failed?.error?.reason ?? 'bulk item refused'}`);
      }
    }
    if (refresh) await this.refresh();
  }

  /** Removes the counts of some days before they are written again (a group may have gone). */
  async deleteCounts(days: readonly string[]): Promise<void> {
    if (days.length === 0) return;
    try {
      await this.client.transport.request(
        {
          method: 'POST',
          path: `/${encodeURIComponent(this.index)}/_delete_by_query`,
          querystring: { refresh: true, conflicts: 'proceed' },
          body: {
            query: { bool: { filter: [{ term: { type: 'counts' } }, { terms: { day: days } }] } },
          },
        },
        { requestTimeout: 300_000 }
      );
    } catch (error) {
      throw fromOpenSearchError(error, `updating ${this.index}`);
    }
  }

  async refresh(): Promise<void> {
    try {
      await this.client.transport.request(
        { method: 'POST', path: `/${encodeURIComponent(this.index)}/_refresh` },
        TIMEOUT
      );
    } catch (error) {
      throw fromOpenSearchError(error, `refreshing ${this.index}`);
    }
  }
}

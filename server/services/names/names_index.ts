/**
 * The names lookup index: the plugin's own, hidden, and outside the `pinpoint*` archive pattern (a dot first),
 * so no archive operation (template, repair, index pattern) ever sees it and it never sees an event. One
 * document per campaign or journey id, the id being the document id: every write is idempotent.
 */
import type { OpenSearchClient } from '../../osd_port';
import { UpstreamError, fromOpenSearchError } from '../../errors';

export const NAMES_INDEX = '.pinpoint-campaign-names';

/** Where a name came from. A refresh from the API never replaces a name of the other two. */
export const NAME_SOURCES = ['pinpoint-api', 'csv', 'user'] as const;
export type NameSource = (typeof NAME_SOURCES)[number];
export type NameKind = 'campaign' | 'journey';

export interface NameEntry {
  id: string;
  name: string;
  source: NameSource;
  /** Known when the name came from Pinpoint's API (or was kept from it); a CSV does not say. */
  kind?: NameKind;
  applicationId?: string;
  updatedAt: string;
}

const PROPERTIES = {
  id: { type: 'keyword' },
  name: { type: 'keyword' },
  source: { type: 'keyword' },
  kind: { type: 'keyword' },
  applicationId: { type: 'keyword' },
  updatedAt: { type: 'date' },
} as const;

const INDEX_BODY = {
  settings: { index: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' } },
  // Strict: a document that does not fit is refused rather than widening the mapping.
  mappings: { dynamic: 'strict', properties: PROPERTIES },
};

const TIMEOUT_MS = 30_000;

interface CreateAnswer {
  error?: { type?: string; reason?: string };
}

/**
 * Creates the index when it is missing, and brings an older one's mapping up to date (fields are only ever
 * added). Called before a write, never before a read: reading names writes nothing.
 */
export async function ensureNamesIndex(client: OpenSearchClient, index: string): Promise<void> {
  let answer: CreateAnswer;
  try {
    ({ body: answer } = await client.transport.request<CreateAnswer>(
      { method: 'PUT', path: `/${encodeURIComponent(index)}`, body: INDEX_BODY },
      { ignore: [400], requestTimeout: TIMEOUT_MS }
    ));
  } catch (error) {
    throw fromOpenSearchError(error, `creating the names index ${index}`);
  }
  if (!answer?.error) return;
  // Only "already there" is fine; any other 400 must not let a later bulk auto-create a dynamic index.
  if (answer.error.type !== 'resource_already_exists_exception') {
    throw new UpstreamError(
      `creating the names index ${index}: OpenSearch refused (${answer.error.type ?? 'error'})`,
      answer.error.reason
    );
  }
  try {
    await client.transport.request(
      {
        method: 'PUT',
        path: `/${encodeURIComponent(index)}/_mapping`,
        body: { properties: PROPERTIES },
      },
      { requestTimeout: TIMEOUT_MS }
    );
  } catch (error) {
    throw fromOpenSearchError(error, `updating the mapping of the names index ${index}`);
  }
}

/** Names written by this plugin's first version said `pinpoint` for the API. */
export function readEntry(source: Record<string, unknown>): NameEntry {
  const entry = source as unknown as NameEntry;
  const raw = String(entry.source);
  const known = (NAME_SOURCES as readonly string[]).includes(raw);
  return { ...entry, source: known ? (raw as NameSource) : 'pinpoint-api' };
}

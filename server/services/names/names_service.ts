/**
 * Campaign and journey names (issue 9, item 3) — owned by the names helper.
 *
 * The one entry point the three doors (routes, CLI, app) and the campaigns service use for names:
 * - `resolveNames(client, ids)` / `new NamesStore(client).resolve(ids)`: id -> name in one _mget (the
 *   campaigns service takes a `NameResolver`, server/services/campaigns/deps.ts);
 * - `NamesStore`: list a page, read all, write by the rules of names_plan.ts, `setName` (an edit);
 * - `parseNamesCsv` + `NamesStore.write(rows, 'csv')`: a CSV import, all rows checked before any write;
 * - `refreshNamesFromPinpoint`: GetCampaigns / ListJourneys while the API answers.
 */
export type { NameResolver } from '../campaigns/deps';
export {
  NAMES_INDEX,
  NAME_SOURCES,
  type NameEntry,
  type NameKind,
  type NameSource,
} from './names_index';
export { NamesStore, resolveNames, type NamesPage, type WriteResult } from './names_store';
export { parseNamesCsv, MAX_CSV_BYTES, MAX_CSV_ROWS, type CsvNameRow } from './names_csv';
export {
  parseNameBody,
  parseNameText,
  parseNamesListQuery,
  parseRefreshBody,
  csvTextOfBody,
  type NamesListQuery,
} from './names_input';
export {
  refreshNamesFromPinpoint,
  type RefreshResult,
  type ApplicationRefresh,
} from './names_refresh';

import { parseNamesCsv as parseCsv } from './names_csv';
import type { NamesStore as Store, WriteResult as Written } from './names_store';

/** A CSV import: every row checked first (InvalidInputError naming the line: nothing written), then one write. */
export async function importNamesCsv(
  store: Pick<Store, 'write'>,
  text: unknown
): Promise<Written & { rows: number }> {
  const rows = parseCsv(text);
  const result = await store.write(rows, 'csv');
  return { ...result, rows: rows.length };
}

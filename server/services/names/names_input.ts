/**
 * Pure validation of what the names doors take (routes, CLI): a name, the list's query, an import's body, a
 * refresh's region and application ids. Each refusal says what to fix; routes answer it with a 400, the CLI
 * with exit code 2.
 */
import { validatePinpointAppIds, validateRegion } from '../../../common/aws_validation';
import { InvalidInputError, asObject, rejectUnknownKeys } from '../../../common/validation';
import type { NameKind, NameSource } from './names_index';
import { NAME_SOURCES } from './names_index';

export const MAX_NAME_LENGTH = 256;
export const NAME_PAGE_SIZES = [10, 20, 50, 100, 500] as const;
/** OpenSearch's default max_result_window: pages past it need the CLI's full listing. */
export const MAX_LIST_WINDOW = 10_000;

// Control characters (line breaks, tabs, NUL) have no place in a name shown in a table cell.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A name as typed: trimmed, 1-256 characters, one line. `what` prefixes the message (`CSV line 4`, `name`). */
export function parseNameText(value: unknown, what = 'name'): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what}: the name must be text`);
  const name = value.trim();
  if (name === '') throw new InvalidInputError(`${what}: the name is empty`);
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidInputError(
      `${what}: the name has ${name.length} characters; at most ${MAX_NAME_LENGTH}`
    );
  }
  if (CONTROL.test(name)) {
    throw new InvalidInputError(
      `${what}: the name contains a line break, tab or control character`
    );
  }
  return name;
}

/** PUT /api/pinpoint/names/{id} `{ "name": "…" }` */
export function parseNameBody(data: unknown): { name: string } {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['name'], 'request body');
  return { name: parseNameText(body.name) };
}

export interface NamesListQuery {
  page: number;
  perPage: number;
  /** Part of a name (any case) or the start of an id. */
  search?: string;
  kind?: NameKind;
  source?: NameSource;
}

function wholeNumber(value: unknown, what: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidInputError(`${what} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** GET /api/pinpoint/names?page&perPage&search&kind&source */
export function parseNamesListQuery(data: unknown): NamesListQuery {
  const q = asObject(data, 'query');
  rejectUnknownKeys(q, ['page', 'perPage', 'search', 'kind', 'source'], 'query');
  const perPage = wholeNumber(q.perPage, 'perPage', 50);
  if (!(NAME_PAGE_SIZES as readonly number[]).includes(perPage)) {
    throw new InvalidInputError(
      `perPage must be one of ${NAME_PAGE_SIZES.join(', ')}, got ${perPage}`
    );
  }
  const page = wholeNumber(q.page, 'page', 0);
  if ((page + 1) * perPage > MAX_LIST_WINDOW) {
    throw new InvalidInputError(
      `page ${page} of ${perPage} is past the first ${MAX_LIST_WINDOW} names; search to narrow the list or use \`pinpoint-dashboards names list\``
    );
  }
  let search: string | undefined;
  if (q.search !== undefined && q.search !== '') {
    if (typeof q.search !== 'string') throw new InvalidInputError('search must be text');
    if (q.search.length > 200) throw new InvalidInputError('search must be at most 200 characters');
    search = q.search.trim() || undefined;
  }
  const kind = q.kind === undefined || q.kind === '' ? undefined : q.kind;
  if (kind !== undefined && kind !== 'campaign' && kind !== 'journey') {
    throw new InvalidInputError(`kind must be campaign or journey, got ${JSON.stringify(q.kind)}`);
  }
  const source = q.source === undefined || q.source === '' ? undefined : q.source;
  if (source !== undefined && !(NAME_SOURCES as readonly unknown[]).includes(source)) {
    throw new InvalidInputError(
      `source must be one of ${NAME_SOURCES.join(', ')}, got ${JSON.stringify(q.source)}`
    );
  }
  return {
    page,
    perPage,
    ...(search ? { search } : {}),
    ...(kind ? { kind: kind as NameKind } : {}),
    ...(source ? { source: source as NameSource } : {}),
  };
}

/**
 * POST /api/pinpoint/names/_import: the CSV itself (`text/csv` or `text/plain`), or `{ "csv": "…" }` as JSON
 * (what the app sends). The rows are parsed by names_csv.ts.
 */
export function csvTextOfBody(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['csv'], 'request body');
  if (typeof body.csv !== 'string') {
    throw new InvalidInputError(
      'request body: "csv" must be the text of a CSV file with columns id,name'
    );
  }
  return body.csv;
}

/** POST /api/pinpoint/names/_sync `{ "region": "us-east-1", "appIds": ["<32 hex>", …] }` */
export function parseRefreshBody(data: unknown): { region: string; appIds: string[] } {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['region', 'appIds'], 'request body');
  const appIds = validatePinpointAppIds(body.appIds);
  if (appIds.length === 0) {
    throw new InvalidInputError(
      'appIds: name at least one Pinpoint application (project) id whose campaigns and journeys to read'
    );
  }
  return { region: validateRegion(body.region), appIds };
}

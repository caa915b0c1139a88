/**
 * Campaign and journey names from a CSV file: a header naming the columns `id` and `name` (any order, other
 * columns ignored, so the campaigns list's own CSV export can be imported back), then one row per id. Parsing
 * is csv-parse's (RFC 4180 quoting, a BOM, CRLF, LF or CR line ends, line breaks inside quotes). Every row is
 * checked before anything is written: the first bad one is refused with its line number and what to fix.
 */
import { parse, type Info } from 'csv-parse/sync';
import { InvalidInputError } from '../../../common/validation';
import { parseNameText } from './names_input';

/** Pinpoint campaign and journey ids: 32 hexadecimal characters. */
export const NAME_ID_PATTERN = /^[0-9a-f]{32}$/;
export const MAX_CSV_ROWS = 50_000;
/** The route's body limit; the CLI checks the file's size against it too. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export interface CsvNameRow {
  id: string;
  name: string;
  /** The file's line the row ends on (1-based), for messages. */
  line: number;
}

interface ParsedRecord {
  record: string[];
  info: Info;
}

/** csv-parse's error codes worded for a user; the code's own message is kept after it. */
const PARSE_ERROR_HINTS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed: a closing " is missing',
  INVALID_OPENING_QUOTE:
    'a " inside an unquoted field: quote the whole field and double the " ("")',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote: double a " inside a quoted field ("")',
};

function records(text: string): ParsedRecord[] {
  try {
    return parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Files edited on several systems mix line ends; every one of them ends a record.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRecord[]; // csv-parse's types do not follow the info option
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const hint = (e.code && PARSE_ERROR_HINTS[e.code]) ?? e.message ?? String(error);
    throw new InvalidInputError(`CSV line ${e.lines ?? '?'}: ${hint}`);
  }
}

function columnsOf(header: string[]): { id: number; name: number } {
  const names = header.map((h) => h.trim().toLowerCase());
  const id = names.indexOf('id');
  const name = names.indexOf('name');
  if (id < 0 || name < 0) {
    const looksLikeData = NAME_ID_PATTERN.test(names[0] ?? '');
    throw new InvalidInputError(
      looksLikeData
        ? 'CSV line 1: the first line must be the header id,name (this one is a row of data)'
        : `CSV line 1: the header must name the columns id and name, found ${header.map((h) => JSON.stringify(h)).join(',')}`
    );
  }
  return { id, name };
}

/** Parses and checks the whole file; throws InvalidInputError naming the first bad line. */
export function parseNamesCsv(text: unknown): CsvNameRow[] {
  if (typeof text !== 'string') throw new InvalidInputError('the CSV must be text');
  if (Buffer.byteLength(text, 'utf8') > MAX_CSV_BYTES) {
    throw new InvalidInputError(
      `the CSV is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; split it into several files`
    );
  }
  const all = records(text);
  if (all.length === 0)
    throw new InvalidInputError('the CSV is empty: expected a header id,name and rows');
  const columns = columnsOf(all[0].record);
  const width = all[0].record.length;
  const data = all.slice(1);
  if (data.length === 0) throw new InvalidInputError('the CSV has a header but no rows');
  if (data.length > MAX_CSV_ROWS) {
    throw new InvalidInputError(
      `the CSV has ${data.length} rows; at most ${MAX_CSV_ROWS} per import, split it into several files`
    );
  }
  const rows: CsvNameRow[] = [];
  const seen = new Map<string, CsvNameRow>();
  for (const { record, info } of data) {
    const line = info.lines;
    const at = `CSV line ${line}`;
    if (record.length > width) {
      throw new InvalidInputError(
        `${at}: ${record.length} fields where the header has ${width}; quote a name that contains a comma`
      );
    }
    if (record.length <= Math.max(columns.id, columns.name)) {
      throw new InvalidInputError(`${at}: ${record.length} field(s), expected id,name`);
    }
    const rawId = record[columns.id].trim();
    const id = rawId.toLowerCase();
    if (!NAME_ID_PATTERN.test(id)) {
      throw new InvalidInputError(
        `${at}: ${JSON.stringify(rawId)} is not a campaign or journey id (32 hexadecimal characters)`
      );
    }
    const name = parseNameText(record[columns.name], at);
    const earlier = seen.get(id);
    if (earlier) {
      if (earlier.name === name) continue; // the same row twice says nothing new
      throw new InvalidInputError(
        `${at}: ${id} is already named ${JSON.stringify(earlier.name)} on line ${earlier.line}; keep one of the two`
      );
    }
    const row = { id, name, line };
    seen.set(id, row);
    rows.push(row);
  }
  return rows;
}

/**
 * Campaign names from CSV: columns `id,name` (a header row is optional), RFC 4180 quoting. Every row is
 * checked; the first bad row is reported by line number so the user can fix the file.
 */
import { validatePinpointAppIds, validateRegion } from '../aws_validation';
import { InvalidInputError, asObject, rejectUnknownKeys } from '../validation';
import { PINPOINT_ID_PATTERN } from './query';

export const MAX_NAME_LENGTH = 256;
export const MAX_CSV_ROWS = 50_000;

export interface NameRow {
  id: string;
  name: string;
}

/** Splits CSV text into records of fields (quotes, doubled quotes, CRLF or LF, newlines inside quotes). */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new InvalidInputError('CSV ends inside a quoted field: a closing " is missing');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

export function parseNamesCsv(text: unknown): NameRow[] {
  if (typeof text !== 'string') throw new InvalidInputError('csv must be the text of a CSV file');
  const records = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const start = records.length > 0 && records[0][0]?.trim().toLowerCase() === 'id' ? 1 : 0;
  if (records.length - start > MAX_CSV_ROWS) {
    throw new InvalidInputError(
      `CSV has ${records.length - start} rows; at most ${MAX_CSV_ROWS} at once`
    );
  }
  const rows: NameRow[] = [];
  for (let i = start; i < records.length; i++) {
    const line = i + 1;
    const [rawId, ...rest] = records[i];
    const id = (rawId ?? '').trim().toLowerCase();
    const name = rest.join(',').trim();
    if (!PINPOINT_ID_PATTERN.test(id)) {
      throw new InvalidInputError(
        `CSV line ${line}: "${rawId}" is not a Pinpoint id (32 hexadecimal characters); columns are id,name`
      );
    }
    if (name === '') throw new InvalidInputError(`CSV line ${line}: the name of ${id} is empty`);
    if (name.length > MAX_NAME_LENGTH) {
      throw new InvalidInputError(
        `CSV line ${line}: name longer than ${MAX_NAME_LENGTH} characters`
      );
    }
    rows.push({ id, name });
  }
  if (rows.length === 0) throw new InvalidInputError('CSV has no rows: expected lines of id,name');
  return rows;
}

export function parseName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError('name must be a non-empty string');
  }
  if (value.trim().length > MAX_NAME_LENGTH) {
    throw new InvalidInputError(`name must be at most ${MAX_NAME_LENGTH} characters`);
  }
  return value.trim();
}

export function parseNameBody(data: unknown): { name: string } {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['name'], 'request body');
  return { name: parseName(body.name) };
}

export function parseImportBody(data: unknown): { rows: NameRow[] } {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['csv'], 'request body');
  return { rows: parseNamesCsv(body.csv) };
}

export function parseSyncBody(data: unknown): { region: string; appIds: string[] } {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['region', 'appIds'], 'request body');
  return { region: validateRegion(body.region), appIds: validatePinpointAppIds(body.appIds) };
}

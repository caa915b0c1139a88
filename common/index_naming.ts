/**
 * Index names as Firehose writes them and as OpenSearch accepts them. Pure: shared by the routes (validated at
 * the door), the CLI and the app. Every refusal says what to change.
 */
import { InvalidInputError } from './validation';

/** OpenSearch's own limit; names are counted in UTF-8 bytes, not characters. */
export const MAX_INDEX_NAME_BYTES = 255;

/** `-YYYY-MM-DD-HH` is the longest suffix Firehose appends (OneHour rotation). */
const LONGEST_ROTATION_SUFFIX = '-0000-00-00-00'.length;

const FORBIDDEN_CHARACTERS = ['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':'];

export type IndexRotation = 'NoRotation' | 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';

function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

function describeChar(ch: string): string {
  return ch === ' ' ? 'space' : `"${ch}"`;
}

/** The rules OpenSearch applies to an index name (MetadataCreateIndexService.validateIndexOrAliasName). */
function checkNameRules(value: string, what: string): void {
  if (value.length === 0) throw new InvalidInputError(`${what} must not be empty`);
  if (value === '.' || value === '..')
    throw new InvalidInputError(`${what} must not be "." or ".."`);
  if (value !== value.toLowerCase()) {
    throw new InvalidInputError(
      `${what} "${value}" must be lowercase; use "${value.toLowerCase()}"`
    );
  }
  const bad = FORBIDDEN_CHARACTERS.filter((ch) => value.includes(ch));
  if (bad.length > 0) {
    throw new InvalidInputError(
      `${what} "${value}" must not contain ${bad.map(describeChar).join(', ')} (OpenSearch forbids \\ / * ? " < > | space , # :)`
    );
  }
  if (/^[-_+]/.test(value)) {
    throw new InvalidInputError(`${what} "${value}" must not start with "-", "_" or "+"`);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidInputError(`${what} must not contain control characters`);
  }
}

/**
 * An index prefix as configured in Firehose (IndexName). The rotated suffix must still fit in 255 bytes, and a
 * leading "." is refused because dot-prefixed names are reserved for hidden and system indices.
 */
export function validateIndexPrefix(value: unknown, what = 'index prefix'): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  checkNameRules(value, what);
  if (value.startsWith('.')) {
    throw new InvalidInputError(
      `${what} "${value}" must not start with "." (reserved for hidden and system indices)`
    );
  }
  const max = MAX_INDEX_NAME_BYTES - LONGEST_ROTATION_SUFFIX;
  if (byteLength(value) > max) {
    throw new InvalidInputError(
      `${what} is ${byteLength(value)} bytes; at most ${max} bytes leave room for the date Firehose appends`
    );
  }
  return value;
}

/** A concrete index name (no wildcards). */
export function validateIndexName(value: unknown, what = 'index name'): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  checkNameRules(value, what);
  if (byteLength(value) > MAX_INDEX_NAME_BYTES) {
    throw new InvalidInputError(
      `${what} is ${byteLength(value)} bytes; OpenSearch allows at most ${MAX_INDEX_NAME_BYTES}`
    );
  }
  return value;
}

/** A concrete index name that belongs to the prefix (`<prefix>` followed by anything). */
export function validateIndexOfPrefix(value: unknown, prefix: string, what = 'index name'): string {
  const name = validateIndexName(value, what);
  if (!name.startsWith(prefix)) {
    throw new InvalidInputError(
      `${what} "${name}" does not match the pattern ${indexPatternTitle(prefix)}; pick an index of prefix "${prefix}"`
    );
  }
  return name;
}

/** The wildcard pattern covering every index of the prefix, as the seed's template and index pattern use it. */
export function indexPatternTitle(prefix: string): string {
  return `${prefix}*`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `<prefix>-YYYY-MM-DD` for the UTC day of `date`: Firehose's OneDay rotation (by arrival time, UTC). */
export function dailyIndexName(prefix: string, date: Date): string {
  return rotatedIndexName(prefix, date, 'OneDay');
}

/** ISO-8601 week-numbering year and week, as Firehose's OneWeek rotation names them (2016-02-25 -> 2016-w08). */
export function isoWeek(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { year: d.getUTCFullYear(), week };
}

/** The index Firehose writes a record to when it receives it at `date`, for each rotation period. */
export function rotatedIndexName(prefix: string, date: Date, rotation: IndexRotation): string {
  const y = date.getUTCFullYear();
  const m = pad(date.getUTCMonth() + 1);
  const d = pad(date.getUTCDate());
  switch (rotation) {
    case 'NoRotation':
      return prefix;
    case 'OneHour':
      return `${prefix}-${y}-${m}-${d}-${pad(date.getUTCHours())}`;
    case 'OneDay':
      return `${prefix}-${y}-${m}-${d}`;
    case 'OneWeek': {
      const { year, week } = isoWeek(date);
      return `${prefix}-${year}-w${pad(week)}`;
    }
    case 'OneMonth':
      return `${prefix}-${y}-${m}`;
  }
}

/** The next daily index after `now`: what the template must shape before Firehose creates it. */
export function nextDailyIndexName(prefix: string, now: Date): string {
  return dailyIndexName(prefix, new Date(now.getTime() + 86_400_000));
}

/** Does `index` match a comma-separated list of wildcard patterns (an index pattern title)? */
export function matchesIndexPattern(index: string, title: string): boolean {
  const parts = title
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  let matched = false;
  for (const part of parts) {
    const negate = part.startsWith('-');
    const glob = negate ? part.slice(1) : part;
    if (wildcardMatch(index, glob)) matched = !negate;
  }
  return matched;
}

const globCache = new Map<string, RegExp>();

function wildcardMatch(value: string, glob: string): boolean {
  let re = globCache.get(glob);
  if (re === undefined) {
    re = new RegExp(
      `^${glob
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`
    );
    // Checks run over every index (1,000 daily ones): compile each pattern once. Patterns are few.
    if (globCache.size < 1000) globCache.set(glob, re);
  }
  return re.test(value);
}

/**
 * When Firehose stops writing an index: the inverse of index_naming.rotatedIndexName. Firehose names an index
 * after the UTC period in which it RECEIVED a record, so an index receives documents until its period ends, plus
 * the time a record can spend in Firehose's buffer and retries. The repair refuses an index before then: a write
 * block would turn a late delivery into a record in the S3 backup bucket instead of one in the archive.
 */
import { FIREHOSE_LATE_DELIVERY_MS } from './repair';

export type RotationPeriod = 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';

export interface RotatedIndex {
  prefix: string;
  rotation: RotationPeriod;
  /** First and first-after-last millisecond of the period the index covers (UTC). */
  start: Date;
  end: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Monday 00:00 UTC of ISO week `week` of ISO year `year`. */
function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Day = jan4.getUTCDay() || 7;
  const week1Monday = jan4.getTime() - (jan4Day - 1) * DAY;
  return new Date(week1Monday + (week - 1) * 7 * DAY);
}

/**
 * Reads the rotation suffix Firehose appends (`-YYYY-MM-DD-HH`, `-YYYY-MM-DD`, `-YYYY-wWW`, `-YYYY-MM`).
 * Undefined for a name without one: such an index may be written at any time (NoRotation).
 */
export function parseRotatedIndex(index: string): RotatedIndex | undefined {
  let m = /^(.*)-(\d{4})-(\d{2})-(\d{2})-(\d{2})$/.exec(index);
  if (m) {
    const [y, mo, d, h] = [m[2], m[3], m[4], m[5]].map(Number);
    if (!validDay(y, mo, d) || h > 23) return undefined;
    const start = new Date(Date.UTC(y, mo - 1, d, h));
    return { prefix: m[1], rotation: 'OneHour', start, end: new Date(start.getTime() + HOUR) };
  }
  m = /^(.*)-(\d{4})-(\d{2})-(\d{2})$/.exec(index);
  if (m) {
    const [y, mo, d] = [m[2], m[3], m[4]].map(Number);
    if (!validDay(y, mo, d)) return undefined;
    const start = new Date(Date.UTC(y, mo - 1, d));
    return { prefix: m[1], rotation: 'OneDay', start, end: new Date(start.getTime() + DAY) };
  }
  m = /^(.*)-(\d{4})-w(\d{2})$/.exec(index);
  if (m) {
    const [y, w] = [m[2], m[3]].map(Number);
    if (w < 1 || w > 53) return undefined;
    const start = isoWeekStart(y, w);
    return { prefix: m[1], rotation: 'OneWeek', start, end: new Date(start.getTime() + 7 * DAY) };
  }
  m = /^(.*)-(\d{4})-(\d{2})$/.exec(index);
  if (m) {
    const [y, mo] = [m[2], m[3]].map(Number);
    if (mo < 1 || mo > 12) return undefined;
    return {
      prefix: m[1],
      rotation: 'OneMonth',
      start: new Date(Date.UTC(y, mo - 1, 1)),
      end: new Date(Date.UTC(y, mo, 1)),
    };
  }
  return undefined;
}

export type WriteWindow =
  | { state: 'closed'; rotated: RotatedIndex }
  | { state: 'open'; rotated: RotatedIndex; repairableAfter: Date }
  | { state: 'unknown' };

/**
 * Whether Firehose may still write `index` at `now`: open until the end of its period plus the late-delivery
 * allowance; unknown when the name carries no period.
 */
export function writeWindow(
  index: string,
  now: Date,
  lateDeliveryMs: number = FIREHOSE_LATE_DELIVERY_MS
): WriteWindow {
  const rotated = parseRotatedIndex(index);
  if (!rotated) return { state: 'unknown' };
  const repairableAfter = new Date(rotated.end.getTime() + lateDeliveryMs);
  return now.getTime() < repairableAfter.getTime()
    ? { state: 'open', rotated, repairableAfter }
    : { state: 'closed', rotated };
}

/**
 * UTC days as the summaries count them: a summary holds the messages sent on one UTC day (their events'
 * `event_timestamp`), so a range is served from summaries for its whole days and from raw events for the rest
 * (a partial first or last day, today, days a changed or unsummarised index still touches).
 */
export const DAY_MS = 86_400_000;

export const dayName = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
export const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** Every UTC day lying wholly inside [from, to). */
export function wholeDays(range: { from: number; to: number }): string[] {
  const out: string[] = [];
  for (let d = Math.ceil(range.from / DAY_MS) * DAY_MS; d + DAY_MS <= range.to; d += DAY_MS) {
    out.push(dayName(d));
  }
  return out;
}

export interface Interval {
  from: number;
  to: number;
}

/** Sorted days as the fewest half-open intervals. */
export function dayIntervals(days: readonly string[]): Interval[] {
  const out: Interval[] = [];
  for (const start of [...new Set(days)].map(dayStart).sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.to === start) last.to = start + DAY_MS;
    else out.push({ from: start, to: start + DAY_MS });
  }
  return out;
}

/** [from, to) minus the summary days: what must still be read from raw events. */
export function rawIntervals(range: Interval, summaryDays: readonly string[]): Interval[] {
  const out: Interval[] = [];
  let cursor = range.from;
  for (const day of dayIntervals(summaryDays)) {
    const from = Math.max(day.from, range.from);
    const to = Math.min(day.to, range.to);
    if (from >= to) continue;
    if (cursor < from) out.push({ from: cursor, to: from });
    cursor = Math.max(cursor, to);
  }
  if (cursor < range.to) out.push({ from: cursor, to: range.to });
  return out;
}

/** How many UTC days (whole or partial) [from, to) touches, none after `now`. */
export function daysTouched(range: Interval, now: number): number {
  const to = Math.min(range.to, now);
  if (to <= range.from) return 0;
  return Math.round((floorDay(to - 1) - floorDay(range.from)) / DAY_MS) + 1;
}

/**
 * The demo generator (dev/demo/pinpoint_events.ts), streamed: a day of any size comes out in arrival order, in
 * slices small enough to hold in memory. Each slice is one call of the demo generator (its own seed) whose
 * arrival times are compressed into the slice's share of the day; every *_timestamp field of an event moves
 * with its arrival time, so lags (send -> open, session start -> stop) stay as the generator made them.
 */
import type { PinpointEvent } from '../../common/pinpoint_event';
import { generateDayEvents } from '../../dev/demo/pinpoint_events';

const DAY_MS = 86_400_000;
export const SLICE_EVENTS = 50_000;

function shiftTimestamps(value: unknown, delta: number): void {
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'number' && key.endsWith('_timestamp')) obj[key] = v + delta;
    else if (v && typeof v === 'object') shiftTimestamps(v, delta);
  }
}

export interface GeneratedEvent {
  /** Deterministic: the same day, seed and position give the same id (a re-run overwrites, never duplicates). */
  id: string;
  event: PinpointEvent;
}

/** Events of one UTC day, in arrival order, no later than `until`. */
export function* dayEvents(
  day: string,
  count: number,
  seed: number,
  until: number
): Generator<GeneratedEvent> {
  const dayStart = Date.parse(`${day}T00:00:00.000Z`);
  const end = Math.min(dayStart + DAY_MS, until + 1);
  if (end <= dayStart || count <= 0) return;
  // A partial day (today) gets its share of the count.
  const total = Math.max(1, Math.round((count * (end - dayStart)) / DAY_MS));
  const slices = Math.ceil(total / SLICE_EVENTS);
  const span = (end - dayStart) / slices;
  let position = 0;
  for (let s = 0; s < slices; s++) {
    const n = Math.floor(total / slices) + (s < total % slices ? 1 : 0);
    const events = generateDayEvents({ day, count: n, seed: seed + s * 7919, until });
    const sliceStart = dayStart + s * span;
    for (const event of events) {
      if (slices > 1) {
        const target = Math.floor(
          sliceStart + ((event.arrival_timestamp - dayStart) * span) / (end - dayStart)
        );
        shiftTimestamps(event, target - event.arrival_timestamp);
      }
      yield { id: `gen-${seed}-${day}-${position++}`, event };
    }
  }
}

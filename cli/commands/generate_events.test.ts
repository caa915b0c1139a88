import { describe, expect, it } from '@jest/globals';
import { dayEvents, SLICE_EVENTS } from './generate_events';

describe('dayEvents', () => {
  it('a day larger than a slice stays in arrival order, inside the day, with unique ids', () => {
    const count = SLICE_EVENTS * 2 + 7;
    let last = 0;
    const ids = new Set<string>();
    let n = 0;
    for (const { id, event } of dayEvents('2026-11-20', count, 3, Date.now())) {
      expect(event.arrival_timestamp).toBeGreaterThanOrEqual(last);
      last = event.arrival_timestamp;
      ids.add(id);
      n += 1;
    }
    expect(n).toBe(count);
    expect(ids.size).toBe(count);
    expect(last).toBeLessThan(Date.parse('2026-11-21T00:00:00Z'));
  });
  it('the same seed gives the same events; event time moves with arrival time', () => {
    const a = [...dayEvents('2026-11-20', 10, 1, Date.now())];
    const b = [...dayEvents('2026-11-20', 10, 1, Date.now())];
    expect(a).toEqual(b);
    for (const { event } of a)
      expect(event.event_timestamp).toBeLessThanOrEqual(event.arrival_timestamp);
  });
});

/**
 * Resolving the validated time expressions (ISO or date math) to the half-open range [from, to), with
 * Elastic's own date-math parser so `now-30d/d` means here what it means in the time picker.
 */
import dateMath from '@elastic/datemath';
import { ValidationError } from '../../errors';
import type { RangeQuery } from '../../../common/campaigns/query';

export interface TimeRange {
  from: number;
  to: number;
}

function resolve(expression: string, what: string, roundUp: boolean, now: Date): number {
  const m = dateMath.parse(expression, { roundUp, forceNow: now });
  if (!m || !m.isValid()) {
    throw new ValidationError(
      `${what} "${expression}" is not a valid time or date-math expression`
    );
  }
  return m.valueOf();
}

export function resolveTimeRange(query: RangeQuery, now: Date = new Date()): TimeRange {
  const from = resolve(query.from, 'from', false, now);
  // The picker's "to" rounds up (now/d = end of today); [from, to) stays half-open.
  // Rounded up, `now/d` is 23:59:59.999: one more millisecond makes it the exclusive end of the day.
  const to = resolve(query.to, 'to', true, now) + (query.to.includes('/') ? 1 : 0);
  if (!(from < to)) {
    throw new ValidationError(
      `from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()})`
    );
  }
  return { from, to };
}

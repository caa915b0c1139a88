import { describe, expect, it } from '@jest/globals';
import { dayIntervals, daysTouched, rawIntervals, wholeDays } from './days';

const t = (iso: string) => Date.parse(iso);

describe('summary days', () => {
  it('whole UTC days inside a range, none for a partial day', () => {
    expect(wholeDays({ from: t('2026-03-09T18:00:00Z'), to: t('2026-03-12T06:00:00Z') })).toEqual([
      '2026-03-10',
      '2026-03-11',
    ]);
    expect(wholeDays({ from: t('2026-03-10T00:00:00Z'), to: t('2026-03-11T00:00:00Z') })).toEqual([
      '2026-03-10',
    ]);
    expect(wholeDays({ from: t('2026-03-10T01:00:00Z'), to: t('2026-03-10T23:00:00Z') })).toEqual(
      []
    );
  });

  it('days coalesce into the fewest intervals', () => {
    expect(dayIntervals(['2026-03-12', '2026-03-10', '2026-03-11', '2026-03-14'])).toEqual([
      { from: t('2026-03-10T00:00:00Z'), to: t('2026-03-13T00:00:00Z') },
      { from: t('2026-03-14T00:00:00Z'), to: t('2026-03-15T00:00:00Z') },
    ]);
  });

  it('the raw part is the range minus the summary days: partial edges and gaps', () => {
    const range = { from: t('2026-03-09T18:00:00Z'), to: t('2026-03-14T06:00:00Z') };
    expect(rawIntervals(range, ['2026-03-10', '2026-03-12'])).toEqual([
      { from: range.from, to: t('2026-03-10T00:00:00Z') },
      { from: t('2026-03-11T00:00:00Z'), to: t('2026-03-12T00:00:00Z') },
      { from: t('2026-03-13T00:00:00Z'), to: range.to },
    ]);
    expect(rawIntervals(range, [])).toEqual([range]);
    const whole = { from: t('2026-03-10T00:00:00Z'), to: t('2026-03-12T00:00:00Z') };
    expect(rawIntervals(whole, ['2026-03-10', '2026-03-11'])).toEqual([]);
  });

  it('days touched by a range stop at now', () => {
    const now = t('2026-03-12T10:00:00Z');
    expect(
      daysTouched({ from: t('2026-03-10T00:00:00Z'), to: t('2026-03-20T00:00:00Z') }, now)
    ).toBe(3);
    expect(
      daysTouched({ from: t('2026-03-10T12:00:00Z'), to: t('2026-03-11T00:00:00Z') }, now)
    ).toBe(1);
  });
});

import { describe, expect, it } from '@jest/globals';
import { compareProportions, newcombeInterval, pooledZTestPValue, wilsonInterval } from './stats';

describe('treatment statistics', () => {
  it('Wilson interval matches Newcombe 1998 table I (81/263)', () => {
    const [lo, hi] = wilsonInterval(81, 263)!;
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it('hybrid score interval matches Newcombe 1998 example (56/70 vs 48/80: 0.0524 to 0.3339)', () => {
    const [lo, hi] = newcombeInterval(
      { successes: 56, trials: 70 },
      { successes: 48, trials: 80 }
    )!;
    expect(lo).toBeCloseTo(0.0524, 4);
    expect(hi).toBeCloseTo(0.3339, 4);
  });

  it('hybrid score interval for 9/10 vs 3/10 (0.1705 to 0.8090)', () => {
    const [lo, hi] = newcombeInterval({ successes: 9, trials: 10 }, { successes: 3, trials: 10 })!;
    expect(lo).toBeCloseTo(0.1705, 3);
    expect(hi).toBeCloseTo(0.809, 3);
  });

  it('pooled z-test p-value: 56/70 vs 48/80 gives z = 2.650, p = 0.008045', () => {
    expect(
      pooledZTestPValue({ successes: 56, trials: 70 }, { successes: 48, trials: 80 })
    ).toBeCloseTo(0.008045, 5);
  });

  it('equal proportions are not significant and have p = 1', () => {
    const c = compareProportions({ successes: 50, trials: 100 }, { successes: 50, trials: 100 });
    expect(c.difference).toBe(0);
    expect(c.pValue).toBeCloseTo(1, 6);
    expect(c.significant).toBe(false);
  });

  it('an empty denominator gives nulls, never NaN', () => {
    const c = compareProportions({ successes: 0, trials: 0 }, { successes: 5, trials: 10 });
    expect(c).toEqual({ difference: null, ci95: null, pValue: null, significant: false });
    expect(
      pooledZTestPValue({ successes: 0, trials: 10 }, { successes: 0, trials: 10 })
    ).toBeNull();
  });
});

/**
 * The treatment comparison: difference of two proportions with its 95% interval by Newcombe's hybrid score
 * method (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10:
 * the Wilson score interval of each proportion, combined), and the two-sided p-value of the pooled
 * two-proportion z-test. Pure arithmetic, no dependencies (the normal tail is Numerical Recipes' erfc).
 */

/** The 97.5th percentile of the standard normal: a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Proportion {
  successes: number;
  trials: number;
}

/** Wilson score interval for x/n; null when n is 0. */
export function wilsonInterval(x: number, n: number, z = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's hybrid score interval for p1 − p0 (treatment minus baseline). */
export function newcombeInterval(
  treatment: Proportion,
  baseline: Proportion,
  z = Z_95
): [number, number] | null {
  const w1 = wilsonInterval(treatment.successes, treatment.trials, z);
  const w0 = wilsonInterval(baseline.successes, baseline.trials, z);
  if (!w1 || !w0) return null;
  const p1 = treatment.successes / treatment.trials;
  const p0 = baseline.successes / baseline.trials;
  const d = p1 - p0;
  const lower = d - Math.sqrt((p1 - w1[0]) ** 2 + (w0[1] - p0) ** 2);
  const upper = d + Math.sqrt((w1[1] - p1) ** 2 + (p0 - w0[0]) ** 2);
  return [lower, upper];
}

/** Complementary error function, fractional error < 1.2e-7 everywhere (Numerical Recipes, erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of the pooled two-proportion z-test; null when it is undefined (n = 0, or p̂ 0 or 1). */
export function pooledZTestPValue(treatment: Proportion, baseline: Proportion): number | null {
  const n1 = treatment.trials;
  const n0 = baseline.trials;
  if (n1 <= 0 || n0 <= 0) return null;
  const pooled = (treatment.successes + baseline.successes) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (se === 0) return null;
  const z = (treatment.successes / n1 - baseline.successes / n0) / se;
  // P(|Z| >= |z|) = erfc(|z| / √2).
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export interface ComparisonNumbers {
  difference: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  significant: boolean;
}

export function compareProportions(treatment: Proportion, baseline: Proportion): ComparisonNumbers {
  if (treatment.trials <= 0 || baseline.trials <= 0) {
    return { difference: null, ci95: null, pValue: null, significant: false };
  }
  const difference = treatment.successes / treatment.trials - baseline.successes / baseline.trials;
  const ci95 = newcombeInterval(treatment, baseline);
  return {
    difference,
    ci95,
    pValue: pooledZTestPValue(treatment, baseline),
    significant: ci95 !== null && (ci95[0] > 0 || ci95[1] < 0),
  };
}

import { describe, expect, it } from '@jest/globals';
import { comparisonSentence, percent } from './format';

describe('campaign wording', () => {
  it('a rate without denominator reads as a dash, never 0% or NaN', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0.2346)).toBe('23.5%');
  });

  it('tells a real winner from noise', () => {
    const base = { treatmentId: '1', baselineTreatmentId: '0', metric: 'openRate' as const };
    expect(
      comparisonSentence({
        ...base,
        difference: 0.05,
        ci95: [0.02, 0.08],
        pValue: 0.001,
        significant: true,
      })
    ).toMatch(/5\.0 pts higher .* real difference/);
    expect(
      comparisonSentence({
        ...base,
        difference: 0.01,
        ci95: [-0.02, 0.04],
        pValue: 0.4,
        significant: false,
      })
    ).toMatch(/could be noise — no winner yet/);
    expect(
      comparisonSentence({
        ...base,
        difference: null,
        ci95: null,
        pValue: null,
        significant: false,
      })
    ).toMatch(/Not enough/);
  });
});

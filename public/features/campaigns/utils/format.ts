/** How numbers read on the campaign pages: exact counts with separators, rates as percentages, "—" for none. */
import type { TreatmentComparison } from '../../../../common/campaigns/types';

export const count = (n: number): string => n.toLocaleString('en-US');

export function percent(v: number | null, digits = 1): string {
  return v === null ? '—' : `${(v * 100).toFixed(digits)}%`;
}

export function points(v: number): string {
  const p = v * 100;
  return `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(1)} pts`;
}

export const usd = (v: number): string =>
  v.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

const METRIC_WORDS: Record<TreatmentComparison['metric'], string> = {
  openRate: 'open rate',
  clickRate: 'click rate',
};

/**
 * One sentence a marketer can act on: the difference, its 95% interval, and whether it is a real difference
 * (the interval excludes 0) or could be noise.
 */
export function comparisonSentence(c: TreatmentComparison): string {
  const metric = METRIC_WORDS[c.metric];
  if (c.difference === null || c.ci95 === null) {
    return `Not enough delivered messages to compare the ${metric}.`;
  }
  const range = `95% interval ${points(c.ci95[0])} to ${points(c.ci95[1])}`;
  const p = c.pValue === null ? '' : `, p = ${c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3)}`;
  if (c.significant) {
    const better = c.difference > 0 ? 'higher' : 'lower';
    return `Treatment ${c.treatmentId}'s ${metric} is ${points(Math.abs(c.difference)).slice(1)} ${better} than treatment ${c.baselineTreatmentId} (${range}${p}): a real difference, unlikely to be noise.`;
  }
  return `Treatment ${c.treatmentId}'s ${metric} differs from treatment ${c.baselineTreatmentId} by ${points(c.difference)} (${range}${p}): the interval includes 0, so this could be noise — no winner yet.`;
}

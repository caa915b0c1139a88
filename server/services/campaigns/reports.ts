/** From folded counts to the report rows of common/campaigns/types.ts, with the treatment comparisons. */
import {
  channelsOf,
  sendStatuses,
  toMetricGroups,
  type Counts,
} from '../../../common/campaigns/fold';
import { compareProportions } from '../../../common/campaigns/stats';
import type {
  CampaignReport,
  ComparedMetric,
  JourneyReport,
  TreatmentComparison,
  TreatmentReport,
} from '../../../common/campaigns/types';
import type { GroupFold } from './group_fold';

const COMPARED: Array<{ metric: ComparedMetric; successes: string; trials: string }> = [
  { metric: 'openRate', successes: 'email.opened', trials: 'email.delivered' },
  { metric: 'clickRate', successes: 'email.clicked', trials: 'email.delivered' },
];

/** Reports in id order whatever order the counts arrived in (raw streams, summaries). */
const byKey = (a: [string, unknown], b: [string, unknown]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

const bySplitId = (a: string, b: string) =>
  a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

export function compareTreatments(
  splits: Map<string, Counts>,
  baselineId = '0'
): TreatmentComparison[] {
  const baseline = splits.get(baselineId);
  if (!baseline) return [];
  const out: TreatmentComparison[] = [];
  for (const id of [...splits.keys()].sort(bySplitId)) {
    if (id === baselineId) continue;
    const t = splits.get(id)!;
    for (const { metric, successes, trials } of COMPARED) {
      const numbers = compareProportions(
        { successes: t[successes] ?? 0, trials: t[trials] ?? 0 },
        { successes: baseline[successes] ?? 0, trials: baseline[trials] ?? 0 }
      );
      out.push({ treatmentId: id, baselineTreatmentId: baselineId, metric, ...numbers });
    }
  }
  return out;
}

export function campaignReports(
  fold: GroupFold,
  names: ReadonlyMap<string, string>
): CampaignReport[] {
  return [...fold.groups].sort(byKey).map(([campaignId, g]) => {
    const groups = toMetricGroups(g.counts);
    const treatments: TreatmentReport[] = [...g.splits.keys()]
      .sort(bySplitId)
      .map((treatmentId) => ({ treatmentId, ...toMetricGroups(g.splits.get(treatmentId)!) }));
    return {
      campaignId,
      name: names.get(campaignId) ?? null,
      channels: channelsOf(groups),
      ...groups,
      treatments,
      comparisons: compareTreatments(g.splits),
    };
  });
}

export function journeyReports(
  fold: GroupFold,
  names: ReadonlyMap<string, string>
): JourneyReport[] {
  return [...fold.groups].sort(byKey).map(([journeyId, g]) => {
    const groups = toMetricGroups(g.counts);
    return {
      journeyId,
      name: names.get(journeyId) ?? null,
      channels: channelsOf(groups),
      ...groups,
      sendStatuses: sendStatuses(g.counts),
      activities: [...g.splits.keys()].sort(bySplitId).map((activityId) => ({
        activityId,
        ...toMetricGroups(g.splits.get(activityId)!),
        sendStatuses: sendStatuses(g.splits.get(activityId)!),
      })),
    };
  });
}

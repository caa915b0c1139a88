/**
 * The campaigns service: per campaign and treatment, per journey and activity, every metric of the contract
 * for the messages sent in [from, to), exact. Reused by the routes (client scoped to the current user), the
 * CLI and the benches.
 */
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import type { RangeQuery } from '../../../common/campaigns/query';
import type { CampaignsResponse } from '../../../common/campaigns/types';
import { PINPOINT_SOURCE } from '../../../common/sources/pinpoint';
import type { GroupDescriptor } from '../../../common/sources/source_descriptor';
import { dataSpan } from './data_span';
import type { CampaignsDeps, GroupCounter } from './deps';
import { listArchiveIndices, selectIndices, targetExpression } from './index_selection';
import { rawGroupCounts } from './raw_counts';
import { campaignReports, journeyReports } from './reports';
import { resolveTimeRange } from './time_range';

export type { GroupCounter } from './deps';

export interface CampaignsRequest extends RangeQuery {
  campaignId?: string;
  journeyId?: string;
}

function groupOf(kind: GroupDescriptor['kind'], deps: CampaignsDeps): GroupDescriptor {
  const source = deps.source ?? PINPOINT_SOURCE;
  const group = source.groups.find((g) => g.kind === kind);
  if (!group) throw new Error(`source ${source.id} has no ${kind} grouping`);
  return group;
}

export function rawCounter(deps: CampaignsDeps): GroupCounter {
  const source = deps.source ?? PINPOINT_SOURCE;
  return async (group, selection, range, groupId) => ({
    fold: await rawGroupCounts(deps.client, source, group, {
      target: selection.target,
      indices: selection.indices.map((i) => i.index),
      range,
      groupId,
    }),
    summaryDays: [],
    rawIndices: selection.indices.map((i) => i.index),
  });
}

export async function getCampaigns(
  deps: CampaignsDeps,
  request: CampaignsRequest,
  counter: GroupCounter = deps.summaries?.counter(deps) ?? rawCounter(deps)
): Promise<CampaignsResponse> {
  const started = Date.now();
  const source = deps.source ?? PINPOINT_SOURCE;
  const prefix = deps.prefix ?? DEFAULT_INDEX_PREFIX;
  const range = resolveTimeRange(request, deps.now?.() ?? new Date());
  const archive = await listArchiveIndices(deps.client, prefix);
  const selection = await selectIndices(deps.client, prefix, source, range, archive);

  const wantCampaigns = request.journeyId === undefined;
  const wantJourneys = request.campaignId === undefined;
  const [campaigns, journeys] = await Promise.all([
    wantCampaigns
      ? counter(groupOf('campaign', deps), selection, range, request.campaignId)
      : undefined,
    wantJourneys
      ? counter(groupOf('journey', deps), selection, range, request.journeyId)
      : undefined,
  ]);
  const ids = [...(campaigns?.fold.groups.keys() ?? []), ...(journeys?.fold.groups.keys() ?? [])];
  const names = deps.names ? await deps.names.resolve(ids) : new Map<string, string>();
  const usable = archive.filter((i) => !selection.excluded.some((e) => e.index === i.index));
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    campaigns: campaigns ? campaignReports(campaigns.fold, names) : [],
    journeys: journeys ? journeyReports(journeys.fold, names) : [],
    approximate: false,
    sources: {
      rawIndices: [...new Set([...(campaigns?.rawIndices ?? []), ...(journeys?.rawIndices ?? [])])],
      summaryDays: [
        ...new Set([...(campaigns?.summaryDays ?? []), ...(journeys?.summaryDays ?? [])]),
      ].sort(),
      excluded: selection.excluded,
    },
    dataSpan: await dataSpan(
      deps.client,
      targetExpression(
        prefix,
        archive.allNames ?? [],
        usable.map((i) => i.index)
      ),
      usable.map((i) => i.index),
      source.arrivalTimeField
    ),
    tookMs: Date.now() - started,
  };
}

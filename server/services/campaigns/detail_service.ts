/** One campaign's page and one journey's page: the exact report plus the breakdowns of its charts. */
import { toMetricGroups, type Counts } from '../../../common/campaigns/fold';
import type { CampaignDetail, JourneyDetail } from '../../../common/campaigns/detail_types';
import type { RangeQuery } from '../../../common/campaigns/query';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { PINPOINT_FIELDS, PINPOINT_SOURCE } from '../../../common/sources/pinpoint';
import { breakdown, domainOf } from './breakdowns';
import { getCampaigns, type GroupCounter } from './campaigns_service';
import type { CampaignsDeps } from './deps';
import { eventCharts } from './event_charts';
import { listArchiveIndices, selectIndices } from './index_selection';
import { resolveTimeRange } from './time_range';

function channel(id: 'email' | 'sms') {
  return PINPOINT_SOURCE.channels.find((c) => c.id === id)!;
}

function sortedEntries(
  map: Map<string, Counts>,
  by: (c: Counts) => number
): Array<[string, Counts]> {
  return [...map].sort((a, b) => by(b[1]) - by(a[1]) || a[0].localeCompare(b[0]));
}

export async function getCampaignDetail(
  deps: CampaignsDeps,
  request: RangeQuery & { campaignId: string; timeZone?: string },
  counter?: GroupCounter
): Promise<CampaignDetail> {
  const source = deps.source ?? PINPOINT_SOURCE;
  const prefix = deps.prefix ?? DEFAULT_INDEX_PREFIX;
  const group = source.groups.find((g) => g.kind === 'campaign')!;
  const range = resolveTimeRange(request, deps.now?.() ?? new Date());
  const report = await getCampaigns(deps, { ...request, campaignId: request.campaignId }, counter);
  const selection = await selectIndices(
    deps.client,
    prefix,
    source,
    range,
    await listArchiveIndices(deps.client, prefix)
  );
  const req = {
    target: selection.target,
    indices: selection.indices.map((i) => i.index),
    range,
    groupId: request.campaignId,
  };
  const [charts, domains, countries, failures] = await Promise.all([
    eventCharts(deps.client, source, group, { ...req, timeZone: request.timeZone }),
    breakdown(deps.client, source, group, channel('email'), {
      ...req,
      field: PINPOINT_FIELDS.recipient,
      keyOf: domainOf,
    }),
    breakdown(deps.client, source, group, channel('sms'), {
      ...req,
      field: PINPOINT_FIELDS.country,
    }),
    breakdown(deps.client, source, group, channel('sms'), {
      ...req,
      field: PINPOINT_FIELDS.recordStatus,
      eventTypes: ['_SMS.FAILURE'],
    }),
  ]);
  return {
    from: report.from,
    to: report.to,
    campaign: report.campaigns[0] ?? null,
    ...charts,
    domains: sortedEntries(domains, (c) => c['email.sent'] ?? 0)
      .slice(0, 25)
      .map(([domain, counts]) => {
        const g = toMetricGroups(counts);
        return {
          domain,
          sent: g.email.sent,
          delivered: g.email.delivered,
          hardBounced: g.email.hardBounced,
          softBounced: g.email.softBounced,
          complained: g.email.complained,
          opened: g.email.opened,
          deliveryRate: g.email.deliveryRate,
        };
      }),
    smsCountries: sortedEntries(countries, (c) => c['sms.sent'] ?? 0).map(([country, counts]) => {
      const g = toMetricGroups(counts);
      return {
        country,
        sent: g.sms.sent,
        delivered: g.sms.delivered,
        failed: g.sms.failed,
        spendUsd: g.sms.spendUsd,
        parts: g.sms.parts,
      };
    }),
    smsFailures: Object.fromEntries(
      sortedEntries(failures, (c) => c['sms.failed'] ?? 0).map(([status, c]) => [
        status,
        c['sms.failed'] ?? 0,
      ])
    ),
    sources: report.sources,
    dataSpan: report.dataSpan,
  };
}

export async function getJourneyDetail(
  deps: CampaignsDeps,
  request: RangeQuery & { journeyId: string },
  counter?: GroupCounter
): Promise<JourneyDetail> {
  const report = await getCampaigns(deps, request, counter);
  return {
    from: report.from,
    to: report.to,
    journey: report.journeys[0] ?? null,
    sources: report.sources,
    dataSpan: report.dataSpan,
  };
}

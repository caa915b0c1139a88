/**
 * The campaigns service on the real OpenSearch node: every metric of every campaign, treatment, journey and
 * activity equals an independent count over the test's own records — messages sent before and after the
 * range whose later events arrive inside it do not count, SMS with BUFFERED then SUCCESS count once, Firehose
 * duplicates count once, transactional mail is no campaign.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getCampaigns } from '../../server/services/campaigns/campaigns_service';
import { countingClient, uniquePrefix } from '../support/counting_client';
import type { CampaignsResponse, MetricGroups } from '../../common/campaigns/types';
import {
  CAMPAIGN_AB,
  CAMPAIGN_PUSH,
  CAMPAIGN_SMS,
  JOURNEY,
  RANGE,
  buildFixture,
  indexFixture,
  removeFixture,
  type Doc,
} from './campaigns_fixture';
import { expectedFor, inRange } from './campaigns_expected';

const client = countingClient();
const prefix = uniquePrefix('camp');
const docs = buildFixture();
const covered = inRange(docs, Date.parse(RANGE.from), Date.parse(RANGE.to));
let report: CampaignsResponse;

function metricsOf(row: MetricGroups) {
  return {
    email: row.email,
    sms: row.sms,
    push: row.push,
    endpointsTargeted: row.endpointsTargeted,
    notSent: row.notSent,
  };
}

function expectMatches(row: MetricGroups | undefined, records: Doc[]): void {
  expect(row).toBeDefined();
  const expected = expectedFor(records);
  const actual = metricsOf(row!);
  expect(actual.email).toEqual(expected.email);
  expect(actual.sms.sent).toBe(expected.sms.sent);
  expect(actual.sms.delivered).toBe(expected.sms.delivered);
  expect(actual.sms.failed).toBe(expected.sms.failed);
  expect(actual.sms.optedOut).toBe(expected.sms.optedOut);
  expect(actual.sms.deliveryRate).toEqual(expected.sms.deliveryRate);
  expect(actual.sms.spendUsd).toBeCloseTo(expected.sms.spendUsd as number, 10);
  expect(actual.sms.parts).toBe(expected.sms.parts);
  expect(actual.push).toEqual(expected.push);
  expect(actual.endpointsTargeted).toBe(expected.endpointsTargeted);
  expect(actual.notSent).toEqual(expected.notSent);
}

describe('campaigns service (real OpenSearch)', () => {
  beforeAll(async () => {
    await indexFixture(client, prefix, docs);
    report = await getCampaigns({ client, prefix }, RANGE);
  }, 120_000);
  afterAll(() => removeFixture(client, prefix));

  it('the data has what the contract warns about', () => {
    // Events of messages sent outside the range arriving inside it.
    const from = Date.parse(RANGE.from);
    expect(docs.some((d) => d.event_timestamp < from && d.arrival_timestamp >= from)).toBe(true);
    // SMS messages with both BUFFERED and SUCCESS.
    const buffered = new Set(
      docs.filter((d) => d.event_type === '_SMS.BUFFERED').map((d) => d.attributes!.message_id)
    );
    expect(
      docs.some((d) => d.event_type === '_SMS.SUCCESS' && buffered.has(d.attributes!.message_id))
    ).toBe(true);
  });

  it('lists exactly the campaigns and journeys with messages in range', () => {
    expect(report.campaigns.map((c) => c.campaignId).sort()).toEqual(
      [CAMPAIGN_AB, CAMPAIGN_SMS, CAMPAIGN_PUSH].sort()
    );
    expect(report.journeys.map((j) => j.journeyId)).toEqual([JOURNEY]);
    expect(report.approximate).toBe(false);
    expect(report.from).toBe(RANGE.from);
    expect(report.to).toBe(RANGE.to);
  });

  for (const campaignId of [CAMPAIGN_AB, CAMPAIGN_SMS, CAMPAIGN_PUSH]) {
    it(`campaign ${campaignId.slice(-2)}: every metric equals the independent count`, () => {
      const records = covered.filter((d) => d.attributes?.campaign_id === campaignId);
      expectMatches(
        report.campaigns.find((c) => c.campaignId === campaignId),
        records
      );
    });

    it(`campaign ${campaignId.slice(-2)}: every treatment equals the independent count`, () => {
      const campaign = report.campaigns.find((c) => c.campaignId === campaignId)!;
      const records = covered.filter((d) => d.attributes?.campaign_id === campaignId);
      const treatments = [...new Set(records.map((d) => d.attributes!.treatment_id))].sort();
      expect(campaign.treatments.map((t) => t.treatmentId)).toEqual(treatments);
      for (const t of campaign.treatments) {
        expectMatches(
          t,
          records.filter((d) => d.attributes!.treatment_id === t.treatmentId)
        );
      }
    });
  }

  it('the journey and each activity equal the independent count, with send statuses', () => {
    const journey = report.journeys[0];
    const records = covered.filter((d) => d.attributes?.journey_id === JOURNEY);
    expectMatches(journey, records);
    for (const a of journey.activities) {
      const mine = records.filter((d) => d.attributes!.journey_activity_id === a.activityId);
      expectMatches(a, mine);
      const statuses: Record<string, number> = {};
      for (const d of mine.filter((x) => x.event_type === '_journey.send'))
        statuses[d.attributes!.journey_send_status] =
          (statuses[d.attributes!.journey_send_status] ?? 0) + 1;
      expect(a.sendStatuses).toEqual(statuses);
    }
  });

  it('an endpoint targeted in two treatments counts once for the campaign', () => {
    const push = report.campaigns.find((c) => c.campaignId === CAMPAIGN_PUSH)!;
    const sum = push.treatments.reduce((s, t) => s + t.endpointsTargeted, 0);
    expect(push.endpointsTargeted).toBeLessThanOrEqual(sum);
  });

  it('compares treatment 1 with 0 on open and click rate, with interval and p-value', () => {
    const ab = report.campaigns.find((c) => c.campaignId === CAMPAIGN_AB)!;
    expect(ab.comparisons.map((c) => `${c.treatmentId}:${c.metric}`)).toEqual([
      '1:openRate',
      '1:clickRate',
    ]);
    const open = ab.comparisons[0];
    const [t0, t1] = ab.treatments;
    expect(open.difference).toBeCloseTo(t1.email.openRate! - t0.email.openRate!, 12);
    expect(open.ci95![0]).toBeLessThan(open.difference!);
    expect(open.ci95![1]).toBeGreaterThan(open.difference!);
    expect(open.pValue).toBeGreaterThanOrEqual(0);
    expect(open.pValue).toBeLessThanOrEqual(1);
  });

  it('a single campaign gives the same numbers as in the list', async () => {
    const one = await getCampaigns({ client, prefix }, { ...RANGE, campaignId: CAMPAIGN_AB });
    expect(one.campaigns).toEqual(report.campaigns.filter((c) => c.campaignId === CAMPAIGN_AB));
    expect(one.journeys).toEqual([]);
  });

  it('says where the data is', () => {
    const arrivals = docs.map((d) => d.arrival_timestamp);
    expect(report.dataSpan).toEqual({
      first: new Date(Math.min(...arrivals)).toISOString(),
      latest: new Date(Math.max(...arrivals)).toISOString(),
    });
  });

  it('refuses a range whose from is not before to', async () => {
    await expect(
      getCampaigns({ client, prefix }, { from: RANGE.to, to: RANGE.from })
    ).rejects.toThrow(/must be before/);
  });
});

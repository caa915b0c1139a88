/**
 * Summaries on the real OpenSearch node: on the campaigns suite's own data, the report read from summaries
 * (whole days) and from summaries plus raw (partial days) equals the raw computation — every metric of every
 * campaign, treatment, journey and activity; a late event in a closed index makes its fingerprint change, the
 * next build recomputes only that day and the numbers still equal raw; a deleted raw index keeps its
 * campaigns' history in the summaries. The test's own prefix and summaries index.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getCampaigns } from '../../server/services/campaigns/campaigns_service';
import type { CampaignsDeps } from '../../server/services/campaigns/deps';
import {
  buildSummaries,
  summaryReader,
  summaryStatus,
  SummaryStore,
  type SummaryDeps,
} from '../../server/services/summaries';
import type { CampaignsResponse } from '../../common/campaigns/types';
import { countingClient, uniquePrefix } from '../support/counting_client';
import { buildFixture, indexFixture, indexOf, removeFixture, type Doc } from './campaigns_fixture';

const client = countingClient();
const prefix = uniquePrefix('summ');
const summaryIndex = `.pinpoint-summaries-test-${prefix}`;
const docs = buildFixture();
// Every index of the fixture is closed on this day.
const now = () => new Date('2026-03-25T12:00:00.000Z');
const summaryDeps: SummaryDeps = {
  client,
  prefix,
  now,
  store: new SummaryStore(client, summaryIndex),
};
const rawDeps: CampaignsDeps = { client, prefix, now };
const withSummaries: CampaignsDeps = { ...rawDeps, summaries: summaryReader(summaryIndex) };

const WHOLE = { from: '2026-03-08T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' };
const PARTIAL = { from: '2026-03-09T18:30:00.000Z', to: '2026-03-12T07:15:00.000Z' };

const numbers = (r: CampaignsResponse) => ({ campaigns: r.campaigns, journeys: r.journeys });

async function expectSameAsRaw(range: typeof WHOLE): Promise<CampaignsResponse> {
  const [raw, summ] = [
    await getCampaigns(rawDeps, range),
    await getCampaigns(withSummaries, range),
  ];
  expect(raw.campaigns.length).toBeGreaterThan(0);
  expect(raw.journeys.length).toBeGreaterThan(0);
  expect(numbers(summ)).toEqual(numbers(raw));
  return summ;
}

describe('campaign summaries (real OpenSearch)', () => {
  let indices: string[];
  beforeAll(async () => {
    await removeFixture(client, prefix);
    indices = await indexFixture(client, prefix, docs);
  }, 120_000);
  afterAll(async () => {
    await removeFixture(client, prefix);
    await client.transport.request(
      { method: 'DELETE', path: `/${summaryIndex}` },
      { ignore: [404] }
    );
  });

  it('with no summaries built the reader is the raw path (no summary days, nothing written)', async () => {
    const r = await getCampaigns(withSummaries, WHOLE);
    expect(r.sources.summaryDays).toEqual([]);
    expect(await new SummaryStore(client, summaryIndex).exists()).toBe(false);
    const status = await summaryStatus(summaryDeps);
    expect(status.exists).toBe(false);
    expect(status.counts.missing).toBe(indices.length);
    expect(status.buildNeeded).toBe(true);
  });

  it('a build summarises every closed day; a second build does nothing', async () => {
    const first = await buildSummaries(summaryDeps);
    expect(first.indices.sort()).toEqual(indices);
    expect(first.events).toBe(docs.length);
    expect(first.built.length).toBeGreaterThanOrEqual(3);
    const status = await summaryStatus(summaryDeps);
    expect(status.counts.summarised).toBe(indices.length);
    expect(status.buildNeeded).toBe(false);
    expect(status.days).toEqual(first.built);
    const again = await buildSummaries(summaryDeps);
    expect(again.built).toEqual([]);
    expect(again.indices).toEqual([]);
  }, 120_000);

  it('whole days: every number from summaries equals the raw computation, no raw index read', async () => {
    const r = await expectSameAsRaw(WHOLE);
    expect(r.sources.summaryDays.length).toBe(8);
    expect(r.sources.rawIndices).toEqual([]);
  });

  it('partial first and last days: summaries plus raw equal raw', async () => {
    const r = await expectSameAsRaw(PARTIAL);
    expect(r.sources.summaryDays).toEqual(['2026-03-10', '2026-03-11']);
    expect(r.sources.rawIndices.length).toBeGreaterThan(0);
  });

  it('one campaign and one journey alone equal raw too', async () => {
    const all = await getCampaigns(rawDeps, WHOLE);
    const campaignId = all.campaigns[0].campaignId;
    const journeyId = all.journeys[0].journeyId;
    for (const request of [
      { ...WHOLE, campaignId },
      { ...WHOLE, journeyId },
    ]) {
      const [raw, summ] = [
        await getCampaigns(rawDeps, request),
        await getCampaigns(withSummaries, request),
      ];
      expect(numbers(summ)).toEqual(numbers(raw));
      expect(summ.sources.summaryDays.length).toBe(8);
    }
  });

  it('a late event in a closed index: read raw for its day until rebuilt, then only that day is recomputed', async () => {
    const send = docs.find(
      (d) =>
        d.event_type === '_email.send' &&
        d.attributes?.campaign_id !== undefined &&
        new Date(d.event_timestamp).toISOString().startsWith('2026-03-10')
    ) as Doc;
    const late: Doc = {
      ...send,
      event_type: '_email.open',
      arrival_timestamp: send.event_timestamp + 26 * 3_600_000,
    };
    const index = indexOf(prefix, late);
    expect(indices).toContain(index);
    const before = await getCampaigns(rawDeps, WHOLE);
    await client.transport.request({
      method: 'POST',
      path: `/${index}/_doc`,
      querystring: { refresh: 'true' },
      body: late,
    });
    const status = await summaryStatus(summaryDeps);
    expect(status.indices.find((i) => i.index === index)?.state).toBe('stale');
    expect(status.buildNeeded).toBe(true);
    // Before the rebuild the changed index's days are read raw: still exact.
    const stale = await expectSameAsRaw(WHOLE);
    expect(stale.sources.summaryDays).not.toContain('2026-03-10');
    const after = await getCampaigns(rawDeps, WHOLE);
    const row = (r: CampaignsResponse) =>
      r.campaigns.find((c) => c.campaignId === send.attributes!.campaign_id)!;
    expect(row(after).email.opens).toBe(row(before).email.opens + 1);

    const rebuilt = await buildSummaries(summaryDeps);
    expect(rebuilt.indices).toEqual([index]);
    expect(rebuilt.built).toContain('2026-03-10');
    expect(rebuilt.built.length).toBeLessThan(8);
    const fresh = await expectSameAsRaw(WHOLE);
    expect(fresh.sources.summaryDays.length).toBe(8);
    expect(fresh.sources.rawIndices).toEqual([]);
  }, 120_000);

  it('a deleted raw index: its campaigns history is still reported from the summaries', async () => {
    const before = await getCampaigns(rawDeps, WHOLE);
    const gone = indices[1];
    await client.transport.request({ method: 'DELETE', path: `/${gone}` });
    const rawAfter = await getCampaigns(rawDeps, WHOLE);
    const summ = await getCampaigns(withSummaries, WHOLE);
    // Raw lost the index's events; the summaries still have them.
    expect(numbers(rawAfter)).not.toEqual(numbers(before));
    expect(numbers(summ)).toEqual(numbers(before));
    const status = await summaryStatus(summaryDeps);
    expect(status.indices.find((i) => i.index === gone)?.state).toBe('deleted');
    expect(status.buildNeeded).toBe(false);
    // A build afterwards changes nothing and keeps the history.
    const build = await buildSummaries(summaryDeps);
    expect(build.built).toEqual([]);
    expect(numbers(await getCampaigns(withSummaries, WHOLE))).toEqual(numbers(before));
  }, 120_000);
});

/**
 * The campaign numbers on every engine: the same fixture as the integration suite (late arrivals, SMS
 * BUFFERED then SUCCESS, Firehose duplicates, transactional mail), indexed under our template as each engine
 * takes it (legacy `_template` on Elasticsearch 7.10), and every campaign's, treatment's and the journey's
 * metrics equal to the independent count, exact (`approximate: false`) on every engine alike.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CampaignsResponse, MetricGroups } from '../../common/campaigns/types';
import { getCampaigns } from '../../server/services/campaigns/campaigns_service';
import { applySetup } from '../../server/services/index_engine';
import { expectedFor, inRange } from '../integration/campaigns_expected';
import {
  CAMPAIGN_AB,
  CAMPAIGN_PUSH,
  CAMPAIGN_SMS,
  JOURNEY,
  RANGE,
  buildFixture,
  indexOf,
  type Doc,
} from '../integration/campaigns_fixture';
import { cleanupPrefix } from '../support/index_engine_fixtures';
import {
  allEnginesUnderTest,
  enginePrefix,
  type EngineUnderTest,
} from './support/engines_under_test';

const docs = buildFixture();
const covered = inRange(docs, Date.parse(RANGE.from), Date.parse(RANGE.to));

function expectMatches(row: MetricGroups | undefined, records: Doc[]): void {
  expect(row).toBeDefined();
  const expected = expectedFor(records);
  expect(row!.email).toEqual(expected.email);
  expect(row!.sms.sent).toBe(expected.sms.sent);
  expect(row!.sms.delivered).toBe(expected.sms.delivered);
  expect(row!.sms.failed).toBe(expected.sms.failed);
  expect(row!.sms.spendUsd).toBeCloseTo(expected.sms.spendUsd as number, 10);
  expect(row!.push).toEqual(expected.push);
  expect(row!.endpointsTargeted).toBe(expected.endpointsTargeted);
  expect(row!.notSent).toEqual(expected.notSent);
}

async function indexDocs(engine: EngineUnderTest, prefix: string): Promise<void> {
  const bulkBody: object[] = [];
  for (const doc of docs) bulkBody.push({ index: { _index: indexOf(prefix, doc) } }, doc);
  const { body } = await engine.client.transport.request<{ errors: boolean; items: unknown[] }>({
    method: 'POST',
    path: '/_bulk',
    querystring: { refresh: 'true' },
    bulkBody,
  });
  if (body.errors) {
    const failure = body.items.find((i) => JSON.stringify(i).includes('error'));
    throw new Error(`bulk failed on ${engine.info.label}: ${JSON.stringify(failure)}`);
  }
}

describe.each(allEnginesUnderTest().map((e) => [e.info.label, e] as const))(
  'campaign numbers on %s',
  (_label, engine: EngineUnderTest) => {
    const prefix = enginePrefix('camp', engine.name);
    let report: CampaignsResponse;

    beforeAll(async () => {
      await applySetup(
        { client: engine.client },
        { prefix, template: true, overwrite: false, indexPattern: false, makeDefault: false }
      );
      await indexDocs(engine, prefix);
      report = await getCampaigns({ client: engine.client, prefix }, RANGE);
    }, 120_000);
    afterAll(() => cleanupPrefix(engine.client, prefix));

    it('lists exactly the campaigns and the journey with messages in range, exact', () => {
      expect(report.campaigns.map((c) => c.campaignId).sort()).toEqual(
        [CAMPAIGN_AB, CAMPAIGN_SMS, CAMPAIGN_PUSH].sort()
      );
      expect(report.journeys.map((j) => j.journeyId)).toEqual([JOURNEY]);
      expect(report.approximate).toBe(false);
    });

    it('every campaign and treatment equals the independent count', () => {
      for (const campaignId of [CAMPAIGN_AB, CAMPAIGN_SMS, CAMPAIGN_PUSH]) {
        const records = covered.filter((d) => d.attributes?.campaign_id === campaignId);
        const campaign = report.campaigns.find((c) => c.campaignId === campaignId);
        expectMatches(campaign, records);
        for (const t of campaign!.treatments) {
          expectMatches(
            t,
            records.filter((d) => d.attributes!.treatment_id === t.treatmentId)
          );
        }
      }
    });

    it('the journey and each activity equal the independent count', () => {
      const journey = report.journeys[0];
      const records = covered.filter((d) => d.attributes?.journey_id === JOURNEY);
      expectMatches(journey, records);
      for (const a of journey.activities) {
        expectMatches(
          a,
          records.filter((d) => d.attributes!.journey_activity_id === a.activityId)
        );
      }
    });
  }
);

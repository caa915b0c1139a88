/**
 * The campaign routes through OSD's router on the real node: bad input is a 400 saying what to fix and never
 * reaches OpenSearch; the list is read as the current user (asInternalUser fails every call); CSV export; names
 * from a CSV import and from a mocked Pinpoint GetCampaigns / ListJourneys (moto lacks both) show in the list.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { GetCampaignsCommand, ListJourneysCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { RequestHandlerContext } from '../../server/osd_port';
import { pinpointNamesPort } from '../../server/aws/pinpoint_names';
import { registerCampaignRoutes } from '../../server/routes/campaigns';
import { registerNameRoutes } from '../../server/routes/names';
import { NAMES_INDEX, NamesStore } from '../../server/services/names/names_store';
import { FakeRouter } from '../support/fake_router';
import { countingClient, forbiddenClient, uniquePrefix } from '../support/counting_client';
import {
  CAMPAIGN_AB,
  CAMPAIGN_PUSH,
  CAMPAIGN_SMS,
  JOURNEY,
  RANGE,
  buildFixture,
  indexFixture,
  removeFixture,
} from './campaigns_fixture';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const client = countingClient();
const prefix = uniquePrefix('campr');
const context = {
  core: { opensearch: { client: { asCurrentUser: client, asInternalUser: forbiddenClient } } },
} as unknown as RequestHandlerContext;
const pinpointMock = mockClient(PinpointClient);
const router = new FakeRouter();
registerCampaignRoutes(router, { logger, names: (c) => new NamesStore(c) });
registerNameRoutes(router, logger, {
  forRegion: () => pinpointNamesPort(new PinpointClient({ region: 'us-east-1' })),
});
const query = { ...RANGE, prefix };

describe('campaign routes (real OpenSearch)', () => {
  beforeAll(async () => {
    await client.transport.request(
      { method: 'DELETE', path: `/${NAMES_INDEX}` },
      { ignore: [404] }
    );
    await indexFixture(client, prefix, buildFixture());
  }, 120_000);
  afterAll(async () => {
    await removeFixture(client, prefix);
    await client.transport.request(
      { method: 'DELETE', path: `/${NAMES_INDEX}` },
      { ignore: [404] }
    );
    pinpointMock.restore();
  });

  it('refuses bad input with a 400 that says what to fix, before any OpenSearch call', async () => {
    client.reset();
    const cases: Array<[string, Record<string, unknown>, RegExp, Record<string, string>?]> = [
      [CAMPAIGN_API_PATHS.campaigns, { from: 'yesterday' }, /neither an ISO 8601 time/],
      [CAMPAIGN_API_PATHS.campaigns, { sort: 'size' }, /sort must be one of/],
      [CAMPAIGN_API_PATHS.campaigns, { perPage: '1000' }, /perPage must be one of/],
      [CAMPAIGN_API_PATHS.campaigns, { page: '-1' }, /whole number/],
      [CAMPAIGN_API_PATHS.campaigns, { order: 'up' }, /order must be asc or desc/],
      [CAMPAIGN_API_PATHS.campaigns, { prefix: 'Pin*' }, /prefix/],
      [CAMPAIGN_API_PATHS.campaigns, { size: '1' }, /unknown option \\"size\\"/],
      [CAMPAIGN_API_PATHS.campaign, {}, /32 lowercase hexadecimal/, { id: 'not-an-id' }],
      [CAMPAIGN_API_PATHS.journey, { timeZone: 'Mars/Olympus Mons' }, /timeZone/, { id: JOURNEY }],
    ];
    for (const [path, q, message, params] of cases) {
      const res = await router.call('get', path, context, { query: q, params });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expect(client.requests).toEqual([]);
  });

  it('a range whose from is not before to is a 400', async () => {
    const res = await router.call('get', CAMPAIGN_API_PATHS.campaigns, context, {
      query: { ...query, from: RANGE.to, to: RANGE.from },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/must be before/);
  });

  it('lists campaigns and journeys as the current user, sorted and paged', async () => {
    const res = await router.call('get', CAMPAIGN_API_PATHS.campaigns, context, {
      query: { ...query, sort: 'sent', order: 'desc', perPage: '10' },
    });
    expect(res.status).toBe(200);
    const body = res.body as { rows: Array<{ id: string; sent: number }>; total: number };
    expect(body.total).toBe(4);
    expect(body.rows.map((r) => r.id).sort()).toEqual(
      [CAMPAIGN_AB, CAMPAIGN_SMS, CAMPAIGN_PUSH, JOURNEY].sort()
    );
    const sent = body.rows.map((r) => r.sent);
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    const page = await router.call('get', CAMPAIGN_API_PATHS.campaigns, context, {
      query: { ...query, search: 'cccc' },
    });
    expect((page.body as { rows: Array<{ id: string }> }).rows.map((r) => r.id)).toEqual([
      CAMPAIGN_PUSH,
    ]);
  });

  it('exports the list as CSV', async () => {
    const res = await router.call('get', CAMPAIGN_API_PATHS.campaignsCsv, context, { query });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/csv/);
    const lines = String(res.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'kind,id,name,channel,sent,delivered,opened,clicked,bounced,complained,unsubscribed,deliveryRate,openRate,clickRate,smsSpend'
    );
    expect(lines).toHaveLength(5);
  });

  it('names come from a CSV import and from Pinpoint GetCampaigns / ListJourneys, and an edit wins over a sync', async () => {
    const bad = await router.call('post', CAMPAIGN_API_PATHS.namesImport, context, {
      body: { csv: 'id,name\nnot-hex,Foo\n' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/line 2/);

    const imported = await router.call('post', CAMPAIGN_API_PATHS.namesImport, context, {
      body: { csv: `id,name\r\n${CAMPAIGN_SMS},"Spring SMS, Korea"\r\n` },
    });
    expect(imported.status).toBe(200);

    pinpointMock.on(GetCampaignsCommand).resolves({
      CampaignsResponse: {
        Item: [{ Id: CAMPAIGN_AB, Name: 'Spring sale A/B' } as never],
        NextToken: undefined,
      },
    });
    pinpointMock.on(ListJourneysCommand).resolves({
      JourneysResponse: { Item: [{ Id: JOURNEY, Name: 'Welcome journey' } as never] },
    });
    const edited = await router.call('put', CAMPAIGN_API_PATHS.name, context, {
      params: { id: CAMPAIGN_PUSH },
      body: { name: 'Push (edited)' },
    });
    expect(edited.status).toBe(200);
    pinpointMock.on(GetCampaignsCommand).resolves({
      CampaignsResponse: {
        Item: [
          { Id: CAMPAIGN_AB, Name: 'Spring sale A/B' } as never,
          { Id: CAMPAIGN_PUSH, Name: 'Push from API' } as never,
        ],
      },
    });
    const synced = await router.call('post', CAMPAIGN_API_PATHS.namesSync, context, {
      body: { region: 'us-east-1', appIds: ['6e0b7591a90841d6a9bd8fea2e8ed7b0'] },
    });
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ written: 2, kept: 1 });

    const list = await router.call('get', CAMPAIGN_API_PATHS.campaigns, context, { query });
    const names = Object.fromEntries(
      (list.body as { rows: Array<{ id: string; name: string | null }> }).rows.map((r) => [
        r.id,
        r.name,
      ])
    );
    expect(names).toEqual({
      [CAMPAIGN_AB]: 'Spring sale A/B',
      [CAMPAIGN_SMS]: 'Spring SMS, Korea',
      [CAMPAIGN_PUSH]: 'Push (edited)',
      [JOURNEY]: 'Welcome journey',
    });
  });

  it('one campaign and one journey', async () => {
    const one = await router.call('get', CAMPAIGN_API_PATHS.campaign, context, {
      params: { id: CAMPAIGN_AB },
      query: { ...query, timeZone: 'Europe/Paris' },
    });
    expect(one.status).toBe(200);
    expect((one.body as { campaign: { campaignId: string } }).campaign.campaignId).toBe(
      CAMPAIGN_AB
    );
    const j = await router.call('get', CAMPAIGN_API_PATHS.journey, context, {
      params: { id: JOURNEY },
      query,
    });
    expect(j.status).toBe(200);
    expect((j.body as { journey: { activities: unknown[] } }).journey.activities).toHaveLength(2);
  });
});

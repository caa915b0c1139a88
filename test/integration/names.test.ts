/**
 * Campaign names on the real node, through OSD's router: a CSV import lands (and a second one writes nothing),
 * a bad CSV writes nothing and names its line, Pinpoint's GetCampaigns / ListJourneys (mocked: moto lacks
 * them) land with their kind and application over several pages, the refresh never replaces a typed or
 * imported name, end of support (410, an HTML 404, a refused connection) keeps every name, and the campaigns
 * service resolves names in one request. The test's own index, so it runs beside the other suites.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import { mockClient } from 'aws-sdk-client-mock';
import { GetCampaignsCommand, ListJourneysCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { RequestHandlerContext } from '../../server/osd_port';
import { pinpointNamesPort, type PinpointNamesSource } from '../../server/aws/pinpoint_names';
import { registerNameRoutes } from '../../server/routes/names';
import { NamesStore, resolveNames } from '../../server/services/names/names_service';
import { FakeRouter } from '../support/fake_router';
import { countingClient, forbiddenClient } from '../support/counting_client';

const APP = '6e0b7591a90841d6a9bd8fea2e8ed7b0';
const ids = Array.from({ length: 6 }, (_, i) => `${String(i + 1).repeat(2)}${'0'.repeat(30)}`);
const [CSV_ID, TYPED_ID, API_C1, API_C2, API_J1, NEW_ID] = ids;

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const client = countingClient();
const index = `.pinpoint-campaign-names-test-${Date.now().toString(36)}`;
const store = () => new NamesStore(client, { index });
const context = {
  core: { opensearch: { client: { asCurrentUser: client, asInternalUser: forbiddenClient } } },
} as unknown as RequestHandlerContext;

/** Where the route's Pinpoint client points; the last test aims it at a closed loopback port. */
let pinpointClient = new PinpointClient({ region: 'us-east-1' });
const pinpoint: PinpointNamesSource = { forRegion: () => pinpointNamesPort(pinpointClient) };
const pinpointMock = mockClient(PinpointClient);
const router = new FakeRouter();
registerNameRoutes(router, logger, { pinpoint, store: (c) => new NamesStore(c, { index }) });

const refresh = () =>
  router.call('post', CAMPAIGN_API_PATHS.namesSync, context, {
    body: { region: 'us-east-1', appIds: [APP] },
  });

async function byId(): Promise<Record<string, { name: string; source: string; kind?: string }>> {
  return Object.fromEntries((await store().all()).map((e) => [e.id, e]));
}

describe('campaign names (real OpenSearch)', () => {
  beforeAll(async () => {
    await client.transport.request({ method: 'DELETE', path: `/${index}` }, { ignore: [404] });
  });
  afterAll(async () => {
    await client.transport.request({ method: 'DELETE', path: `/${index}` }, { ignore: [404] });
    pinpointMock.restore();
    pinpointClient.destroy();
  });

  it('reads nothing and creates nothing before the first write', async () => {
    client.reset();
    expect(await resolveNames(client, [CSV_ID], { index })).toEqual(new Map());
    const list = await router.call('get', CAMPAIGN_API_PATHS.names, context);
    expect(list.body).toEqual({ names: [], total: 0, page: 0, perPage: 50 });
    const exists = await client.transport.request(
      { method: 'HEAD', path: `/${index}` },
      { ignore: [404] }
    );
    expect(exists.statusCode).toBe(404);
  });

  it('a bad CSV is a 400 naming the line, and writes nothing', async () => {
    const bad = await router.call('post', CAMPAIGN_API_PATHS.namesImport, context, {
      body: { csv: `id,name\n${NEW_ID},Fine\n${CSV_ID.slice(1)},Short id\n` },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toMatch(/^CSV line 3: .*\(32 hexadecimal/);
    expect(await byId()).toEqual({});
  });

  it('a CSV import lands, and importing it again writes nothing', async () => {
    const csv = `\uFEFFid,name\r\n${CSV_ID},"Spring SMS, Korea"\r\n${API_C1},"Imported ""launch"""\r\n`;
    const first = await router.call('post', CAMPAIGN_API_PATHS.namesImport, context, {
      body: { csv },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ rows: 2, written: 2, unchanged: 0, kept: 0 });
    const again = await router.call('post', CAMPAIGN_API_PATHS.namesImport, context, {
      body: { csv },
    });
    expect(again.body).toEqual({ rows: 2, written: 0, unchanged: 2, kept: 0 });
    expect(await byId()).toMatchObject({
      [CSV_ID]: { name: 'Spring SMS, Korea', source: 'csv' },
      [API_C1]: { name: 'Imported "launch"', source: 'csv' },
    });
  });

  it('the import also takes the CSV itself as text/csv, and refuses a body over its limit', async () => {
    // FakeRouter sends JSON; the same hapi server takes a raw body here (hapi's payload parsing, as in OSD).
    const server = (router as unknown as { server: import('@hapi/hapi').Server }).server;
    const post = (payload: string, type: string) =>
      server.inject({
        method: 'POST',
        url: CAMPAIGN_API_PATHS.namesImport,
        headers: { 'content-type': type, 'osd-xsrf': 'true' },
        payload,
        app: { fakeRouterContext: context },
      });
    const res = await post(`id,name\n${NEW_ID},"Raw, CSV"\n`, 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.payload)).toEqual({ rows: 1, written: 1, unchanged: 0, kept: 0 });
    expect((await byId())[NEW_ID]).toMatchObject({ name: 'Raw, CSV', source: 'csv' });
    const huge = await post(`id,name\n${'x'.repeat(6 * 1024 * 1024)}`, 'text/csv');
    expect(huge.statusCode).toBe(413);
    const bad = await post(`id,name\n${NEW_ID}\n`, 'text/plain');
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.payload).message).toMatch(/CSV line 2/);
  });

  it('an edit is validated, then kept as the user typed it', async () => {
    const cases: Array<[Record<string, string>, unknown, RegExp]> = [
      [{ id: 'nope' }, { name: 'x' }, /32 lowercase hexadecimal/],
      [{ id: TYPED_ID }, { name: '  ' }, /the name is empty/],
      [{ id: TYPED_ID }, { name: 'x', kind: 'campaign' }, /unknown option .*kind/],
      [{ id: TYPED_ID }, { name: 'a\nb' }, /line break/],
    ];
    for (const [params, body, message] of cases) {
      const res = await router.call('put', CAMPAIGN_API_PATHS.name, context, { params, body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    const ok = await router.call('put', CAMPAIGN_API_PATHS.name, context, {
      params: { id: TYPED_ID },
      body: { name: ' Black Friday (typed) ' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: TYPED_ID, name: 'Black Friday (typed)', source: 'user' });
  });

  it('a refresh reads every page of campaigns and journeys and never replaces a typed or imported name', async () => {
    pinpointMock.reset();
    pinpointMock
      .on(GetCampaignsCommand, { ApplicationId: APP, Token: undefined })
      .resolves({
        CampaignsResponse: {
          Item: [
            { Id: TYPED_ID, Name: 'Black Friday (API)' },
            { Id: API_C1, Name: 'Launch (API)' },
          ] as never,
          NextToken: 'page-2',
        },
      })
      .on(GetCampaignsCommand, { ApplicationId: APP, Token: 'page-2' })
      .resolves({ CampaignsResponse: { Item: [{ Id: API_C2, Name: 'Winback' }] as never } });
    pinpointMock.on(ListJourneysCommand).resolves({
      JourneysResponse: { Item: [{ Id: API_J1, Name: 'Welcome journey' }] as never },
    });
    const res = await refresh();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      written: 2,
      unchanged: 0,
      kept: 2,
      pinpointAnswered: true,
      applications: [{ applicationId: APP, campaigns: 3, journeys: 1 }],
    });
    expect(pinpointMock.commandCalls(GetCampaignsCommand)).toHaveLength(2);
    const names = await byId();
    expect(names[TYPED_ID]).toMatchObject({ name: 'Black Friday (typed)', source: 'user' });
    expect(names[API_C1]).toMatchObject({ name: 'Imported "launch"', source: 'csv' });
    expect(names[API_C2]).toMatchObject({
      name: 'Winback',
      source: 'pinpoint-api',
      kind: 'campaign',
      applicationId: APP,
    });
    expect(names[API_J1]).toMatchObject({ name: 'Welcome journey', kind: 'journey' });
    // The same answer again changes nothing.
    expect((await refresh()).body).toMatchObject({ written: 0, unchanged: 2, kept: 2 });
  });

  it('lists a page, searches by part of a name or the start of an id, filters by source', async () => {
    const page = await router.call('get', CAMPAIGN_API_PATHS.names, context, {
      query: { perPage: '10', search: 'WIN' },
    });
    expect(page.body).toMatchObject({ total: 1, names: [{ id: API_C2 }] });
    const byIdStart = await router.call('get', CAMPAIGN_API_PATHS.names, context, {
      query: { search: CSV_ID.slice(0, 6) },
    });
    expect((byIdStart.body as { names: Array<{ id: string }> }).names.map((n) => n.id)).toEqual([
      CSV_ID,
    ]);
    const api = await router.call('get', CAMPAIGN_API_PATHS.names, context, {
      query: { source: 'pinpoint-api' },
    });
    expect((api.body as { total: number }).total).toBe(2);
    for (const query of [{ perPage: '7' }, { page: '1000', perPage: '500' }, { kind: 'x' }]) {
      expect((await router.call('get', CAMPAIGN_API_PATHS.names, context, { query })).status).toBe(
        400
      );
    }
  });

  it('resolves the names of a set of ids in one request', async () => {
    client.reset();
    const names = await resolveNames(client, [CSV_ID, API_J1, 'e'.repeat(32)], { index });
    expect(client.requests).toHaveLength(1);
    expect(names).toEqual(
      new Map([
        [CSV_ID, 'Spring SMS, Korea'],
        [API_J1, 'Welcome journey'],
      ])
    );
  });

  it('when Pinpoint has reached its end of support (410, an HTML 404) the refresh says so and keeps every name', async () => {
    const before = await byId();
    const gone = [
      Object.assign(new Error('Gone'), { name: 'Gone', $metadata: { httpStatusCode: 410 } }),
      Object.assign(new Error('<html><body>Not Found</body></html>'), {
        name: 'UnknownError',
        $metadata: { httpStatusCode: 404 },
      }),
    ];
    for (const error of gone) {
      pinpointMock.reset();
      pinpointMock.on(GetCampaignsCommand).rejects(error);
      const res = await refresh();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        written: 0,
        pinpointAnswered: false,
        applications: [{ applicationId: APP, failure: 'end_of_support' }],
      });
      expect((res.body as { message: string }).message).toMatch(/2026-10-30.*unchanged/);
      expect(await byId()).toEqual(before);
    }
  });

  it('a refused connection keeps every name too', async () => {
    pinpointMock.restore();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    pinpointClient.destroy();
    pinpointClient = new PinpointClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const before = await byId();
    const res = await refresh();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      pinpointAnswered: false,
      applications: [{ failure: 'unreachable' }],
    });
    expect(await byId()).toEqual(before);
  });

  it('a refresh needs a valid region and application ids', async () => {
    for (const body of [
      { region: 'mars-1', appIds: [APP] },
      { region: 'us-east-1', appIds: [] },
      { region: 'us-east-1', appIds: [APP.toUpperCase()] },
      { region: 'us-east-1', appIds: [APP], extra: 1 },
    ]) {
      const res = await router.call('post', CAMPAIGN_API_PATHS.namesSync, context, { body });
      expect(res.status).toBe(400);
    }
  });
});

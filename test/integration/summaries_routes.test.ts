/**
 * The summaries routes through OSD's router on the real node, as the current user (asInternalUser fails every
 * call): bad input is a 400 saying what to fix, the status before a build says nothing is summarised, a build
 * (POST _build or /build) summarises the closed days, the status then says so, and the campaigns route reads
 * the summaries.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { RequestHandlerContext } from '../../server/osd_port';
import { registerSummaryRoutes, SUMMARIES_BUILD_ALIAS } from '../../server/routes/summaries';
import { FakeRouter } from '../support/fake_router';
import { countingClient, forbiddenClient, uniquePrefix } from '../support/counting_client';
import { buildFixture, indexFixture, removeFixture } from './campaigns_fixture';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const client = countingClient();
const prefix = uniquePrefix('sumroutes');
const index = `.pinpoint-summaries-routes-${prefix}`;
const context = {
  core: { opensearch: { client: { asCurrentUser: client, asInternalUser: forbiddenClient } } },
} as unknown as RequestHandlerContext;
const router = new FakeRouter();
registerSummaryRoutes(router, logger, { index });

describe('summaries routes (real OpenSearch)', () => {
  let indices: string[];
  beforeAll(async () => {
    indices = await indexFixture(client, prefix, buildFixture());
  }, 120_000);
  afterAll(async () => {
    await removeFixture(client, prefix);
    await client.transport.request({ method: 'DELETE', path: `/${index}` }, { ignore: [404] });
  });

  it('refuses bad input with a 400 that says what to fix', async () => {
    const bad = await router.call('get', CAMPAIGN_API_PATHS.summaries, context, {
      query: { prefix: 'Bad*Prefix' },
    });
    expect(bad.status).toBe(400);
    const unknown = await router.call('post', CAMPAIGN_API_PATHS.summariesBuild, context, {
      body: { prefix, days: 3 },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('days');
  });

  it('status, build, status: the closed days are summarised, as the current user', async () => {
    const before = await router.call('get', CAMPAIGN_API_PATHS.summaries, context, {
      query: { prefix },
    });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ exists: false, days: [], buildNeeded: true });
    const build = await router.call('post', SUMMARIES_BUILD_ALIAS, context, { body: { prefix } });
    expect(build.status).toBe(200);
    expect((build.body as { indices: string[] }).indices.sort()).toEqual(indices);
    const after = await router.call('get', CAMPAIGN_API_PATHS.summaries, context, {
      query: { prefix },
    });
    expect(after.body).toMatchObject({ exists: true, buildNeeded: false });
    expect((after.body as { days: string[] }).days.length).toBeGreaterThan(0);
    const again = await router.call('post', CAMPAIGN_API_PATHS.summariesBuild, context, {
      body: { prefix },
    });
    expect((again.body as { built: string[] }).built).toEqual([]);
  }, 120_000);
});

/**
 * The campaign pages in Debian's Chromium, against the development host running the built zip and the real
 * OpenSearch node: the Campaigns list shows each campaign's numbers as the test's own count of its records
 * says, a click opens the campaign page whose funnel and treatments match too, and the back button returns to
 * the list with its range. Screenshots: test-results/screenshots/campaigns.png and campaign_page.png.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openPinpointApp,
  saveScreenshot,
  unexpectedHttpErrors,
  watchPage,
} from '../support/browser';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';
import { countingClient, uniquePrefix } from '../support/counting_client';
import {
  CAMPAIGN_AB,
  CAMPAIGN_SMS,
  RANGE,
  buildFixture,
  indexFixture,
  removeFixture,
} from '../integration/campaigns_fixture';
import { expectedFor, inRange } from '../integration/campaigns_expected';

let host: TestDevHost;
let browser: Browser;
const client = countingClient();
const prefix = uniquePrefix('campb');
const docs = buildFixture(5);
const covered = inRange(docs, Date.parse(RANGE.from), Date.parse(RANGE.to));
const search = `?prefix=${prefix}&from=${encodeURIComponent(RANGE.from)}&to=${encodeURIComponent(RANGE.to)}`;

beforeAll(async () => {
  await indexFixture(client, prefix, docs);
  host = await startTestDevHost('campaigns_pages');
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await removeFixture(client, prefix);
});

const num = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

async function cell(page: Page, rowSubj: string, column: number): Promise<string> {
  return (await page.locator(`[data-test-subj="${rowSubj}"] td`).nth(column).innerText()).trim();
}

test('the campaigns list and a campaign page show the numbers of the data', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const problems = watchPage(page);
  await openPinpointApp(page, host.url, `/${search}`);
  const row = `pinpointCampaignRow-${CAMPAIGN_AB}`;
  await page.waitForSelector(`[data-test-subj="${row}"]`, { timeout: 90_000 });

  const ab = expectedFor(covered.filter((d) => d.attributes?.campaign_id === CAMPAIGN_AB));
  // Columns: campaign, channel, sent, delivered, opened, clicked, bounces, complaints, unsubscribes, rates…
  assert.equal(num(await cell(page, row, 2)), ab.email.sent);
  assert.equal(num(await cell(page, row, 3)), ab.email.delivered);
  assert.equal(num(await cell(page, row, 4)), ab.email.opened);
  assert.equal(num(await cell(page, row, 5)), ab.email.clicked);
  assert.match(
    await cell(page, row, 10),
    new RegExp(`${((ab.email.openRate as number) * 100).toFixed(1)}%`)
  );
  const sms = expectedFor(covered.filter((d) => d.attributes?.campaign_id === CAMPAIGN_SMS));
  assert.equal(num(await cell(page, `pinpointCampaignRow-${CAMPAIGN_SMS}`, 2)), sms.sms.sent);
  await saveScreenshot(page, 'campaigns');

  await page.click(`[data-test-subj="pinpointCampaignLink-${CAMPAIGN_AB}"]`);
  await page.waitForSelector('[data-test-subj="pinpointEmailFunnel"]', { timeout: 90_000 });
  const stat = async (id: string) =>
    num(await page.locator(`[data-test-subj="pinpointStat-${id}"] .euiStat__title`).innerText());
  assert.equal(await stat('email.sent'), ab.email.sent);
  assert.equal(await stat('email.delivered'), ab.email.delivered);
  assert.equal(await stat('email.opened'), ab.email.opened);
  assert.equal(await stat('email.clicked'), ab.email.clicked);
  assert.equal(await stat('email.hardBounced'), ab.email.hardBounced);
  const t1 = expectedFor(
    covered.filter(
      (d) => d.attributes?.campaign_id === CAMPAIGN_AB && d.attributes.treatment_id === '1'
    )
  );
  const t1Row = page.locator('[data-test-subj="pinpointTreatment-1"] td');
  assert.equal(num(await t1Row.nth(5).innerText()), t1.email.opened);
  const sentence = await page
    .locator('[data-test-subj="pinpointComparison-1-openRate"]')
    .innerText();
  assert.match(sentence, /95% interval/);
  assert.match(sentence, /real difference|could be noise/);
  // The link into the shipped Campaign overview dashboard, filtered to this campaign.
  const dashboardHref = await page
    .locator('[data-test-subj="pinpointCampaignDashboardLink"]')
    .getAttribute('href');
  assert.match(dashboardHref ?? '', /\/app\/dashboards#\/view\/pinpoint-campaign-overview\?_g=/);
  assert.ok(dashboardHref?.includes(CAMPAIGN_AB), dashboardHref ?? 'no link');
  await page.waitForSelector('[data-test-subj="pinpointTimelineChart"] canvas', {
    timeout: 60_000,
  });
  await saveScreenshot(page, 'campaign_page');

  // Deep link survives reload; back returns to the list with the same range.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-test-subj="pinpointEmailFunnel"]', { timeout: 90_000 });
  await page.goBack();
  await page.waitForSelector(`[data-test-subj="${row}"]`, { timeout: 90_000 });
  assert.match(page.url(), new RegExp(`prefix=${prefix}`));

  assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join('\n')}`);
  const httpErrors = unexpectedHttpErrors(problems);
  assert.deepEqual(httpErrors, [], `HTTP errors:\n${httpErrors.join('\n')}`);
}, 240_000);

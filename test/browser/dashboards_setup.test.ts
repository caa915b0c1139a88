/**
 * The setup page's Dashboards item in Debian's Chromium, against the development host running the built zip
 * and the real OpenSearch node: every shipped object starts "Not installed" with the tenant named; one click
 * installs them all, the page shows the read-back result and each dashboard becomes a link into the
 * Dashboards app; a visualization edited behind the page's back shows as edited and is replaced only through
 * the confirmation. Screenshots: test-results/screenshots/dashboards.png and dashboards_replace.png.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  openPinpointApp,
  saveScreenshot,
  unexpectedHttpErrors,
  watchPage,
} from '../support/browser';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';

let host: TestDevHost;
let browser: Browser;
const DASHBOARDS = [
  'pinpoint-campaign-overview',
  'pinpoint-email-deliverability',
  'pinpoint-sms-delivery',
  'pinpoint-pipeline-health',
];
const state = (id: string) => `[data-test-subj="pinpointDashboardsState-${id}"]`;

beforeAll(async () => {
  host = await startTestDevHost('dashboards_setup');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('installs the dashboards from the setup page and shows their state', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = watchPage(page);
  await openPinpointApp(page, host.url);
  const section = page.locator('[data-test-subj="pinpointDashboardsSection"]');
  await section.scrollIntoViewIfNeeded();
  await page.waitForSelector(state(DASHBOARDS[0]), { timeout: 60_000 });
  for (const id of DASHBOARDS) {
    assert.equal(await page.getAttribute(state(id), 'data-state'), 'missing');
  }
  assert.match(
    (await page.textContent('[data-test-subj="pinpointDashboardsTenant"]')) ?? '',
    /multi-tenancy is not in use/
  );

  await page.click('[data-test-subj="pinpointDashboardsInstallAll"]');
  const result = page.locator('[data-test-subj="pinpointDashboardsResult"]');
  await result.waitFor({ timeout: 60_000 });
  assert.match((await result.textContent()) ?? '', /Installed into the shared saved objects/);
  assert.match((await result.textContent()) ?? '', /(\d+) of \1 written objects are there/);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute('data-state') === 'current',
    state(DASHBOARDS[3]),
    { timeout: 60_000 }
  );
  for (const id of DASHBOARDS) {
    assert.equal(await page.getAttribute(state(id), 'data-state'), 'current');
    const href = await page.getAttribute(`[data-test-subj="pinpointDashboardsLink-${id}"]`, 'href');
    assert.equal(href, `/app/dashboards#/view/${id}`);
  }
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'dashboards');

  // Someone edits a visualization in Dashboards; the page shows it and asks before replacing it.
  const id = 'pinpoint-sms-spend-per-day';
  const stored = (await (
    await fetch(`${host.url}/api/saved_objects/visualization/${id}`)
  ).json()) as {
    version: string;
  };
  const edit = await fetch(`${host.url}/api/saved_objects/visualization/${id}`, {
    method: 'PUT',
    headers: { 'osd-xsrf': 'true', 'content-type': 'application/json' },
    body: JSON.stringify({ attributes: { title: 'Spend, our way' }, version: stored.version }),
  });
  assert.equal(edit.status, 200);
  await page.click('[data-test-subj="pinpointDashboardsInstallAll"]');
  await page.click('[data-test-subj="pinpointDashboardsVisualizations"] button');
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute('data-state') === 'edited',
    state(id),
    { timeout: 60_000 }
  );
  assert.match((await result.textContent()) ?? '', /Kept because someone edited them/);
  await page.click(`[data-test-subj="pinpointDashboardsReplace-${id}"]`);
  await page.waitForSelector('[data-test-subj="pinpointDashboardsConfirmReplace"]');
  await saveScreenshot(page, 'dashboards_replace');
  await page.click('[data-test-subj="confirmModalConfirmButton"]');
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute('data-state') === 'current',
    state(id),
    { timeout: 60_000 }
  );

  assert.deepEqual(problems.pageErrors, [], problems.pageErrors.join('\n'));
  assert.deepEqual(problems.consoleErrors, [], problems.consoleErrors.join('\n'));
  assert.deepEqual(unexpectedHttpErrors(problems), []);
});

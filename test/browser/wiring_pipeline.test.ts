/**
 * The setup page's Pipeline section in Debian's Chromium, against the development host running the built zip,
 * the real OpenSearch node and moto (through the SDK's standard environment: the server's credentials and
 * AWS_ENDPOINT_URL, never the browser's). Pins: the user enters a region and an application id, the check
 * draws seven hops left to right with each failing check's fix, and a reload opens the form with the inputs
 * remembered. Screenshot: test-results/screenshots/wiring_pipeline.png.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { HOP_IDS } from '../../common/wiring_types';
import {
  launchBrowser,
  openPinpointApp,
  saveScreenshot,
  unexpectedHttpErrors,
  watchPage,
} from '../support/browser';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';
import {
  buildPipeline,
  destroyPipeline,
  DUMMY_CREDENTIALS,
  motoUrl,
  type Pipeline,
} from '../support/wiring_pipeline';

const REGION = 'ap-southeast-2';
process.env.AWS_ENDPOINT_URL = motoUrl();
process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;

let host: TestDevHost;
let browser: Browser;
let pipeline: Pipeline;

beforeAll(async () => {
  // One break, so the page has a fix to show.
  pipeline = await buildPipeline(REGION, 'no_rotation');
  host = await startTestDevHost('wiring_pipeline');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (pipeline) await destroyPipeline(pipeline);
});

test('checks the AWS wiring from the setup page and remembers the inputs', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems = watchPage(page);
  await openPinpointApp(page, host.url);
  await page.waitForSelector('[data-test-subj="pinpointWiringForm"]', { timeout: 60_000 });

  await page.fill('[data-test-subj="pinpointWiringRegion"]', REGION);
  const ids = page.locator('[data-test-subj="pinpointWiringAppIds"] input');
  await ids.fill(pipeline.appId);
  await ids.press('Enter');
  await page.click('[data-test-subj="pinpointWiringRun"]');
  await page.waitForSelector('[data-test-subj="pinpointWiringPipeline"]', { timeout: 60_000 });

  const hops = await page
    .locator('[data-test-subj="pinpointWiringHop"]')
    .evaluateAll((els) =>
      els.map((el) => ({ hop: el.getAttribute('data-hop'), x: el.getBoundingClientRect().x }))
    );
  assert.deepEqual(
    hops.map((h) => h.hop),
    [...HOP_IDS]
  );
  assert.ok(
    hops.every((h, i) => i === 0 || h.x > hops[i - 1].x),
    'hops are not drawn left to right'
  );
  const rotation = page.locator(
    '[data-test-subj="pinpointWiringCheck"][data-check="firehose.rotation"]'
  );
  assert.equal(await rotation.getAttribute('data-status'), 'warn');
  assert.match(await rotation.innerText(), /OneDay/);
  await page.locator('[data-test-subj="pinpointPipelineSection"]').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'wiring_pipeline');

  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-test-subj="pinpointWiringForm"]', { timeout: 60_000 });
  assert.equal(await page.inputValue('[data-test-subj="pinpointWiringRegion"]'), REGION);
  assert.match(
    await page.locator('[data-test-subj="pinpointWiringAppIds"]').innerText(),
    new RegExp(pipeline.appId)
  );

  const body = await page.content();
  for (const secret of Object.values(DUMMY_CREDENTIALS))
    assert.ok(!body.includes(secret), 'a credential reached the page');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(unexpectedHttpErrors(problems), []);
});

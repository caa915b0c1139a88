/**
 * The setup page's Pipeline section in Debian's Chromium, against the development host running the built zip,
 * the real OpenSearch node and moto (through the SDK's standard environment: the server's credentials and
 * AWS_ENDPOINT_URL, never the browser's). Pins, at 1280 px: the user enters a region and an application id, the
 * check draws all seven hops left to right inside the page (status and one line each), the selected hop's
 * checks below at full width, hops selectable by keyboard and labelled, and a reload opens the form with the
 * inputs remembered. Screenshot: test-results/screenshots/wiring_pipeline.png.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { HOP_IDS } from '../../common/wiring_types';
import { join } from 'node:path';
import {
  launchBrowser,
  SCREENSHOT_DIR,
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

const WIDTH = 1280;

test('checks the AWS wiring from the setup page at 1280 px: hops at a glance, details at full width, keyboard', async () => {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  const problems = watchPage(page);
  await openPinpointApp(page, host.url);
  await page.waitForSelector('[data-test-subj="pinpointWiringForm"]', { timeout: 60_000 });

  await page.fill('[data-test-subj="pinpointWiringRegion"]', REGION);
  const ids = page.locator('[data-test-subj="pinpointWiringAppIds"] input');
  await ids.fill(pipeline.appId);
  await ids.press('Enter');
  await page.click('[data-test-subj="pinpointWiringRun"]');
  await page.waitForSelector('[data-test-subj="pinpointWiringPipeline"]', { timeout: 60_000 });

  const hops = await page.locator('[data-test-subj="pinpointWiringHop"]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        hop: el.getAttribute('data-hop'),
        x: r.x,
        right: r.right,
        top: r.top,
        label: el.getAttribute('aria-label') ?? '',
        role: el.getAttribute('role'),
      };
    })
  );
  assert.deepEqual(
    hops.map((h) => h.hop),
    [...HOP_IDS]
  );
  assert.ok(
    hops.every((h, i) => i === 0 || h.x > hops[i - 1].right),
    'hops are not drawn left to right'
  );
  assert.ok(
    hops.every((h) => h.top === hops[0].top),
    'the hops wrap onto several rows'
  );
  assert.ok(hops[hops.length - 1].right <= WIDTH, 'the last hop falls off the page at 1280 px');
  hops.forEach((h, i) => {
    assert.equal(h.role, 'tab');
    assert.match(
      h.label,
      new RegExp(`^${i + 1}\\. .+: (Passed|Warning|Failing|Unknown|Skipped)\\.`)
    );
  });

  // Keyboard: the selected hop is the one tab stop; Home, then ArrowRight three times reaches the Firehose hop.
  await page.locator('[data-test-subj="pinpointWiringHop"][aria-selected="true"]').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  const details = page.locator('[data-test-subj="pinpointWiringHopDetails"]');
  assert.equal(await details.getAttribute('data-hop'), 'firehose');
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('data-hop')),
    'firehose'
  );
  const panel = await details.boundingBox();
  assert.ok(
    panel && panel.width > WIDTH * 0.7,
    `the details are not full width (${panel?.width} px)`
  );

  const rotation = page.locator('[data-test-subj="pinpointCheck-firehose.rotation"]');
  assert.equal(await rotation.getAttribute('data-status'), 'warn');
  assert.match(await rotation.innerText(), /OneDay/);
  await page.locator('[data-test-subj="pinpointPipelineSection"]').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'wiring_pipeline');
  // The section alone, at the page's own scale, to read the strip and the details.
  await page
    .locator('[data-test-subj="pinpointPipelineSection"]')
    .screenshot({ path: join(SCREENSHOT_DIR, 'wiring_pipeline_section.png') });

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

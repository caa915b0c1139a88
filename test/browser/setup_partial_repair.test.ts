/**
 * The setup page after a partial repair, in Debian's Chromium against the development host (built zip) and the
 * real OpenSearch node. Four daily indices were created before the template: one is repaired already, two
 * can be repaired, and today's is still written by Firehose. Pins (issue 8):
 * - one check holds the pending repairs ("Repair pending: ..."), with one set of Repair buttons, and the type
 *   conflicts between repaired and unrepaired indices are not a second warning with buttons of their own;
 * - today's index has no Repair button: it is named with the time it becomes repairable;
 * - every control is reachable with the keyboard and named for screen readers (`Repair <index>`), and the
 *   buttons are as wide as their text;
 * - evidence is labelled values, JSON only on demand; the summary at the top says what to do next;
 * - a repair's outcome stays on the page after the report reloads.
 * Screenshot: test-results/screenshots/setup_partial_repair.png (and setup_after_repair.png).
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import type { Browser } from 'playwright-core';
import { dailyIndexName } from '../../common/index_naming';
import type { OpenSearchClient } from '../../server/osd_port';
import { RepairService } from '../../server/services/repair/repair_service';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';
import { launchBrowser, saveScreenshot, watchPage } from '../support/browser';
import { requireOpenSearchUrl, startTestDevHost, type TestDevHost } from '../support/dev_host';
import {
  cleanupPrefix,
  loadBeforeTemplate,
  pastDay,
  uniquePrefix,
} from '../support/repair_fixtures';

const url = requireOpenSearchUrl();
const client = new Client({ node: url, requestTimeout: 120_000 }) as unknown as OpenSearchClient;
const prefix = uniquePrefix('partial');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let host: TestDevHost;
let browser: Browser;
let past: string[];
let today: string;

beforeAll(async () => {
  past = await loadBeforeTemplate(client, prefix, [pastDay(5), pastDay(4), pastDay(3)], 200);
  today = dailyIndexName(prefix, new Date());
  await bulkIndex(
    client,
    today,
    generateDayEvents({ day: utcDay(new Date()), count: 50, until: Date.now() })
  );
  // The partial repair: the oldest index is repaired before the page opens.
  const done = await new RepairService(client, quiet).repair(past[0], prefix);
  assert.equal(done.step, 'done');
  host = await startTestDevHost('setup_partial');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await cleanupPrefix(client, prefix);
});

test('after a partial repair: one finding for the pending repairs, labelled keyboard-reachable controls', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = watchPage(page);
  await page.goto(`${host.url}/app/pinpoint/setup`, { waitUntil: 'load' });
  await page.waitForSelector('[data-test-subj="pinpointSetupPage"]', { timeout: 60_000 });
  await page.fill('[data-test-subj="pinpointPrefixInput"]', prefix);
  await page.click('[data-test-subj="pinpointPrefixCheck"]');
  const timestamps = page.locator('[data-test-subj="pinpointCheck-indices.timestamps"]');
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-test-subj="pinpointCheck-indices.timestamps"]')
        ?.textContent?.includes('Repair pending') === true,
    undefined,
    { timeout: 60_000 }
  );

  // One finding for the pending repairs, with one set of buttons; conflicts are not a second one.
  assert.match(
    (await timestamps.textContent()) ?? '',
    /Repair pending: 2 indices still map the timestamps/
  );
  assert.equal(await page.locator('[data-test-subj="pinpointRepairList"]').count(), 1);
  assert.equal(
    await page
      .locator('[data-test-subj="pinpointCheck-indices.conflicts"]')
      .getAttribute('data-status'),
    'pass'
  );
  // Today's index: named with its time, never a button.
  assert.match(
    (await timestamps.textContent()) ?? '',
    new RegExp(`${today} can be repaired after \\d\\d:\\d\\d UTC on`)
  );
  assert.equal(await page.locator(`[data-test-subj="repairIndex-${today}"]`).count(), 0);
  assert.equal(await page.getByRole('button', { name: `Repair ${today}` }).count(), 0);

  // The summary says what to do next.
  const summary = page.locator('[data-test-subj="pinpointSetupSummary"]');
  assert.match((await summary.textContent()) ?? '', /What to do next/);

  // Labelled, text-sized buttons, reached with Tab.
  for (const index of past.slice(1)) {
    const button = page.getByRole('button', { name: `Repair ${index}` });
    assert.equal(await button.count(), 1, `a button named "Repair ${index}"`);
    const box = await button.boundingBox();
    assert.ok(box && box.width < 200, `the Repair button is ${box?.width}px wide`);
  }
  const reached = new Set<string>();
  await page.locator('[data-test-subj="pinpointPrefixInput"]').focus();
  for (let i = 0; i < 80 && reached.size < 2; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? ''
    );
    if (/^Repair /.test(name)) reached.add(name);
  }
  assert.deepEqual(
    [...reached].sort(),
    past
      .slice(1)
      .map((ix) => `Repair ${ix}`)
      .sort()
  );
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('[data-test-subj="pinpointSetupPage"] button')]
      .filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim()))
      .map((b) => b.outerHTML.slice(0, 120))
  );
  assert.deepEqual(unnamed, [], 'every button has a name');

  // Evidence as labelled values; JSON only on demand.
  await timestamps.getByRole('button', { name: /Evidence for/ }).click();
  assert.match((await timestamps.textContent()) ?? '', /Repaired count/);
  assert.doesNotMatch((await timestamps.textContent()) ?? '', /"repairedCount"/);
  await saveScreenshot(page, 'setup_partial_repair');

  // Repair one from the page: the outcome stays after the report reloads.
  await page.getByRole('button', { name: `Repair ${past[1]}` }).click();
  await page.click('[data-test-subj="confirmModalConfirmButton"]');
  await page.waitForSelector('[data-test-subj="pinpointRepaired"]', { timeout: 120_000 });
  await page.waitForFunction(
    (ix) => !document.querySelector(`[data-test-subj="repairIndex-${ix}"]`),
    past[1],
    { timeout: 60_000 }
  );
  assert.match(
    (await page.locator('[data-test-subj="pinpointRepaired"]').textContent()) ?? '',
    new RegExp(`${past[1]}.*200 documents copied and verified`)
  );
  assert.match((await timestamps.textContent()) ?? '', /Repair pending: 1 index still maps/);
  await saveScreenshot(page, 'setup_after_repair');

  assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join('\n')}`);
  assert.deepEqual(problems.httpErrors, [], `HTTP errors:\n${problems.httpErrors.join('\n')}`);
});

/**
 * A repair from the setup page, in Debian's Chromium, against the development host running the built zip and
 * the real OpenSearch node. Pins: events indexed before the template show up as an index to repair; the
 * repair asks first, shows its live progress, ends "Repaired"; afterwards the report's timestamps check is
 * ok and the index's documents are all there under its original name, now an alias of the repaired copy.
 * Screenshots: test-results/screenshots/repair_progress.png (while copying) and repair.png (done, before the
 * page reloads its report).
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import type { Browser } from 'playwright-core';
import type { OpenSearchClient } from '../../server/osd_port';
import { launchBrowser, saveScreenshot, watchPage } from '../support/browser';
import { requireOpenSearchUrl, startTestDevHost, type TestDevHost } from '../support/dev_host';
import {
  allIds,
  cleanupPrefix,
  loadBeforeTemplate,
  pastDay,
  uniquePrefix,
} from '../support/repair_fixtures';

/** Enough documents that the copy takes a few seconds and its progress can be seen. */
const DOCS = 20_000;

const url = requireOpenSearchUrl();
const client = new Client({ node: url, requestTimeout: 120_000 }) as unknown as OpenSearchClient;
const prefix = uniquePrefix('repairflow');
let host: TestDevHost;
let browser: Browser;
let index: string;
let ids: string[];

beforeAll(async () => {
  [index] = await loadBeforeTemplate(client, prefix, [pastDay(3)], DOCS);
  ids = await allIds(client, `${prefix}*`);
  host = await startTestDevHost('repair_flow');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await cleanupPrefix(client, prefix);
});

test('repairs an index from the setup page with live progress', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = watchPage(page);
  await page.goto(`${host.url}/app/pinpoint/setup`, { waitUntil: 'load' });
  await page.waitForSelector('[data-test-subj="pinpointSetupPage"]', { timeout: 60_000 });

  await page.fill('[data-test-subj="pinpointPrefixInput"]', prefix);
  await page.click('[data-test-subj="pinpointPrefixCheck"]');
  const control = page.locator(`[data-test-subj="repairIndex-${index}"]`);
  await control.waitFor({ timeout: 60_000 });

  await control.locator('[data-test-subj="repairButton"]').click();
  await page.waitForSelector('[data-test-subj="repairConfirmModal"]');
  await page.click('[data-test-subj="confirmModalConfirmButton"]');

  // Live progress: the copy step with its document counter.
  const progress = control.locator('[data-test-subj="repairProgress"][data-step="reindexing"]');
  await progress.waitFor({ timeout: 60_000 });
  assert.match(
    (await progress.textContent()) ?? '',
    /Step 4 of 8: copying documents \([\d,]+ of 20,000 documents\)/
  );
  await saveScreenshot(page, 'repair_progress');

  // The outcome: done, or (a failure of the test) failed, paused or refused.
  const outcome = control.locator(
    ['repairDone', 'repairFailed', 'repairStalled', 'repairError']
      .map((s) => `[data-test-subj="${s}"]`)
      .join(',')
  );
  try {
    await outcome.first().waitFor({ state: 'attached', timeout: 300_000 });
  } catch (error) {
    await saveScreenshot(page, 'repair_timeout');
    const job = await fetch(`${host.url}/api/pinpoint/repair/${index}`).then((r) => r.text());
    const logs = host.logs
      .filter((r) => /repair/i.test(JSON.stringify(r)))
      .map((r) => JSON.stringify(r))
      .join('\n');
    throw new Error(`no outcome: job ${job}\nlogs:\n${logs}`, { cause: error });
  }
  const subj = await outcome.first().getAttribute('data-test-subj');
  assert.equal(subj, 'repairDone', (await outcome.first().textContent()) ?? '');
  assert.match((await outcome.first().textContent()) ?? '', /20,000 documents copied and verified/);
  const screenshot = await saveScreenshot(page, 'repair');
  assert.ok(screenshot.endsWith('repair.png'));

  // The page reloads the report once the repair is done: the timestamps check is ok now.
  const timestamps = page.locator('[data-test-subj="pinpointCheck-indices.timestamps"]');
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-test-subj="pinpointCheck-indices.timestamps"]');
      return el?.getAttribute('data-status') === 'pass';
    },
    undefined,
    { timeout: 60_000 }
  );
  assert.equal(await timestamps.getAttribute('data-status'), 'pass');

  const after = await allIds(client, `${prefix}*`);
  assert.equal(after.length, DOCS);
  assert.deepEqual([...after].sort(), [...ids].sort());
  const { body } = await client.transport.request<{
    aliases: Array<{ name: string; indices: string[] }>;
  }>({
    method: 'GET',
    path: `/_resolve/index/${encodeURIComponent(index)}`,
  });
  assert.deepEqual(body.aliases, [{ name: index, indices: [`${index}-repaired`] }]);

  assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join('\n')}`);
  assert.deepEqual(
    problems.consoleErrors,
    [],
    `console errors:\n${problems.consoleErrors.join('\n')}`
  );
  assert.deepEqual(problems.httpErrors, [], `HTTP errors:\n${problems.httpErrors.join('\n')}`);
});

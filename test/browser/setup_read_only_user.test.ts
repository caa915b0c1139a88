/**
 * The setup page for a read-only user, in Debian's Chromium against the development host (built zip) on
 * OpenSearch 3.4 with the security plugin (SECURE3_URL). The browser sends the reader's credentials; the host
 * forwards them like Dashboards, so every report call runs as the reader. Pins (issue 12):
 * - the report works: the template and timestamp failures are shown as for anyone;
 * - the fixes the reader may not make say so, with the missing permission the security plugin named, instead
 *   of a button that would only earn a 403; "Your rights for the fixes" sums it up;
 * - asking wrote nothing: no template, no repaired copy.
 * Screenshot: test-results/screenshots/setup_read_only_user.png.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { templateName } from '../../common/template';
import { basicAuth, secureUsersFromEnv } from '../../scripts/lib/engines';
import { clientAs, engineUnderTest, engineUrl } from '../engines/support/engines_under_test';
import {
  launchBrowser,
  openPinpointApp,
  saveScreenshot,
  unexpectedHttpErrors,
  watchPage,
} from '../support/browser';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';
import {
  cleanupPrefix,
  loadBeforeTemplate,
  pastDay,
  uniquePrefix,
} from '../support/repair_fixtures';

const users = secureUsersFromEnv();
const admin = clientAs('admin', undefined, 'secure3');
const engine = engineUnderTest('secure3');
const prefix = uniquePrefix('readonly');
let host: TestDevHost;
let browser: Browser;
let indices: string[];

beforeAll(async () => {
  indices = await loadBeforeTemplate(admin, prefix, [pastDay(4), pastDay(3)], 100);
  host = await startTestDevHost('setup_read_only', {
    opensearchUrl: engineUrl('secure3'),
    opensearchAuth: users.kibanaserver,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await cleanupPrefix(admin, prefix);
});

test('a read-only user gets the report, and each fix they may not make says what is missing', async () => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1100 },
    extraHTTPHeaders: { authorization: basicAuth(users.reader) },
  });
  const page = await context.newPage();
  const problems = watchPage(page);
  await openPinpointApp(page, host.url);
  await page.fill('[data-test-subj="pinpointPrefixInput"]', prefix);
  await page.click('[data-test-subj="pinpointPrefixCheck"]');
  const template = page.locator('[data-test-subj="pinpointCheck-template"]');
  await template.locator('[data-test-subj="pinpointFixDenied"]').waitFor({ timeout: 60_000 });

  assert.equal(await template.getAttribute('data-status'), 'fail');
  assert.match(
    (await template.locator('[data-test-subj="pinpointFixDenied"]').textContent()) ?? '',
    /You may not make this fix.*Missing: indices:admin\/index_template\/put\./
  );
  assert.equal(await page.locator('[data-test-subj="pinpointFixTemplate"]').count(), 0);

  const timestamps = page.locator('[data-test-subj="pinpointCheck-indices.timestamps"]');
  assert.equal(await timestamps.getAttribute('data-status'), 'fail');
  assert.match(
    (await timestamps.locator('[data-test-subj="pinpointFixDenied"]').textContent()) ?? '',
    /Missing: .*indices:admin\/settings\/update/
  );
  assert.equal(await timestamps.getByRole('button', { name: /^Repair / }).count(), 0);

  const access = page.locator('[data-test-subj="pinpointCheck-access.fixes"]');
  assert.equal(await access.getAttribute('data-status'), 'warn');
  assert.match(
    (await access.textContent()) ?? '',
    /You \(reader\) may not make 3 of the 3 fixes offered: install the index template/
  );
  await saveScreenshot(page, 'setup_read_only_user');

  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(unexpectedHttpErrors(problems), []);
  // Asking wrote nothing.
  assert.equal((await engine.http('GET', `/_index_template/${templateName(prefix)}`)).status, 404);
  assert.equal((await engine.http('HEAD', `/${indices[0]}-repaired`)).status, 404);
  await context.close();
});

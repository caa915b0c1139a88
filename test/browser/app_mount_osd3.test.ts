/**
 * The Dashboards 3.x zip mounts in a browser on a 3.x page: the development host as OSD 3.6.0, whose shared
 * dependencies are React 18.2 and OUI 1.22 (scripts/lib/osd_stack.ts), so the app mounts with createRoot
 * through the shared ReactDom. Nothing errors on the way; the 2.19 page is app_mount.test.ts.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { defaultZipPath } from '../../dev/host/dev_host';
import { OSD3_VERSION } from '../../scripts/lib/test_tiers';
import {
  launchBrowser,
  openPinpointApp,
  PAGE_TIMEOUT_MS,
  saveScreenshot,
  unexpectedHttpErrors,
  watchPage,
} from '../support/browser';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';

let host: TestDevHost;
let browser: Browser;

beforeAll(async () => {
  host = await startTestDevHost('app_mount_osd3', {
    zipPath: defaultZipPath(OSD3_VERSION),
    osdVersion: OSD3_VERSION,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test(`the ${OSD3_VERSION} zip mounts on a Dashboards 3.x page (React 18.2, OUI 1.22) without errors`, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchPage(page);
  await openPinpointApp(page, host.url);
  await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
  await saveScreenshot(page, 'app_mount_osd3');

  const stack = await page.evaluate(() => {
    const deps = (
      window as unknown as { __osdSharedDeps__: Record<string, Record<string, unknown>> }
    ).__osdSharedDeps__;
    return {
      react: deps.React.version,
      createRoot: typeof deps.ReactDom.createRoot,
    };
  });
  assert.deepEqual(stack, { react: '18.2.0', createRoot: 'function' });

  const app = page.locator('[data-test-subj="appContainer"] [data-test-subj="pinpointApp"]');
  assert.equal(await app.count(), 1, 'the app is not mounted inside the core app container');
  assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join('\n')}`);
  assert.deepEqual(
    problems.consoleErrors,
    [],
    `console errors:\n${problems.consoleErrors.join('\n')}`
  );
  assert.deepEqual(
    problems.failedRequests,
    [],
    `failed requests:\n${problems.failedRequests.join('\n')}`
  );
  const httpErrors = unexpectedHttpErrors(problems);
  assert.deepEqual(httpErrors, [], `HTTP errors:\n${httpErrors.join('\n')}`);
});

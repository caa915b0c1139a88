/**
 * The built artifact mounts in a browser the way Dashboards loads it: the page fetches
 * `/<buildNum>/bundles/plugin/pinpoint/pinpoint.plugin.js` (byte for byte the file in the zip), the bundle
 * defines `plugin/pinpoint/public` in `__osdBundles__`, core mounts the app at /app/pinpoint under OSD's
 * CSP, and nothing errors on the way.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import AdmZip from 'adm-zip';
import type { Browser } from 'playwright-core';
import { defaultZipPath } from '../../dev/host/dev_host';
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
  host = await startTestDevHost('app_mount');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('the Pinpoint app mounts from the built bundle without errors', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchPage(page);
  const scripts = new Map<string, Buffer>();
  const reads: Array<Promise<void>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      reads.push(
        response.body().then((body) => {
          scripts.set(new URL(response.url()).pathname, body);
        })
      );
    }
  });

  await openPinpointApp(page, host.url);
  // Everything the mount set off (the app's lazy chunk, its first API calls) has settled.
  await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
  const screenshot = await saveScreenshot(page, 'app_mount');
  await Promise.all(reads);

  const bundlePath = '/9007199254740991/bundles/plugin/pinpoint/pinpoint.plugin.js';
  const served = scripts.get(bundlePath);
  assert.ok(
    served,
    `the page did not load ${bundlePath}; scripts: ${[...scripts.keys()].join(', ')}`
  );
  const zipped = new AdmZip(defaultZipPath()).readFile(
    'opensearch-dashboards/pinpoint/target/public/pinpoint.plugin.js'
  );
  assert.ok(zipped, 'the zip has no target/public/pinpoint.plugin.js');
  assert.ok(served.equals(zipped), 'the served plugin bundle differs from the one in the zip');

  const state = await page.evaluate(() => ({
    defined: window.__osdBundles__.has('plugin/pinpoint/public'),
    publicPath: window.__osdPublicPath__.pinpoint,
    pluginScripts: [...document.querySelectorAll('script[src]')]
      .map((s) => (s as HTMLScriptElement).src)
      .filter((src) => src.includes('/bundles/plugin/')),
    inlineScripts: [...document.querySelectorAll('script:not([src])')].length,
  }));
  assert.equal(state.defined, true, 'pinpoint.plugin.js did not define plugin/pinpoint/public');
  assert.equal(state.publicPath, '/9007199254740991/bundles/plugin/pinpoint/');
  assert.deepEqual(
    state.pluginScripts.map((src) => new URL(src).pathname),
    [bundlePath]
  );
  assert.equal(state.inlineScripts, 0, 'the page must not carry inline scripts (CSP)');

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
  assert.ok(screenshot.endsWith('app_mount.png'));
});

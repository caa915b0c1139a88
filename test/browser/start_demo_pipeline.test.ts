/**
 * `npm start`'s demo, driven through the same start path (dev/start.ts after the build) on free ports: it
 * starts OpenSearch, moto with the two demo pipelines and the dev host, and pre-fills the Pipeline inputs. In
 * Chromium the Pipeline section's check then finds the broken pipeline's failures (the Pinpoint role without
 * firehose:PutRecordBatch, the uncovered campaign-events index, failed records in S3) and the Failed records
 * section groups what waits in S3 and replays it. SIGINT stops everything it started. Measures the time from
 * spawn to a usable page. Screenshot: test-results/screenshots/start_demo_pipeline.png.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../../scripts/lib/free_port';
import { launchBrowser, openPinpointApp, saveScreenshot } from '../support/browser';

const ROOT = resolve(__dirname, '..', '..');
let child: ChildProcess;
let browser: Browser;
let output = '';
let appUrl = '';
let readyMs = 0;

function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`start did not print ${pattern} in time:\n${output.slice(-3000)}`)),
      timeoutMs
    );
    const check = () => {
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code}:\n${output.slice(-3000)}`));
    });
    check();
  });
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(AWS_|MOTO_URL|OPENSEARCH_URL)/.test(key)) delete env[key];
  env.OPENSEARCH_PORT = String(await freePort());
  env.DEV_HOST_PORT = String(await freePort());
  const started = Date.now();
  child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['dev/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => void (output += d.toString()));
  const m = await waitFor(/Pinpoint app: (http\S+)/, 240_000);
  appUrl = m[1].replace(/\/app\/pinpoint$/, '');
  readyMs = Date.now() - started;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
});

test('npm start: the broken demo pipeline fails where it is broken, and its failed records replay', async () => {
  process.stdout.write(`start_demo_pipeline: usable after ${(readyMs / 1000).toFixed(1)} s\n`);
  expect(output).toMatch(/pinpoint-demo-broken \(broken, 120 failed records/);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await openPinpointApp(page, appUrl);
  // The inputs were saved by the start script: the form opens filled in.
  await page.waitForSelector('[data-test-subj="pinpointWiringForm"]', { timeout: 60_000 });
  expect(await page.inputValue('[data-test-subj="pinpointWiringRegion"]')).toBe('us-east-1');
  await page.click('[data-test-subj="pinpointWiringRun"]');
  await page.waitForSelector('[data-test-subj="pinpointWiringPipeline"]', { timeout: 90_000 });
  const statuses = Object.fromEntries(
    await page
      .locator('[data-test-subj="pinpointWiringHop"]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-hop'), el.getAttribute('data-status')])
      )
  );
  expect(statuses.pinpoint_role).toBe('fail');
  expect(statuses.firehose).toBe('fail');
  expect(statuses.failed_records).toBe('fail');
  const pipelineText = await page.locator('[data-test-subj="pinpointPipelineSection"]').innerText();
  expect(pipelineText).toMatch(/pinpoint-demo-broken/);

  // The Failed records section reads the first project's (the broken one's) backup by itself.
  await page.waitForSelector('[data-test-subj="pinpointFailedListing"]', { timeout: 60_000 });
  expect(await page.getAttribute('[data-test-subj="pinpointFailedListing"]', 'data-records')).toBe(
    '120'
  );
  expect(await page.locator('[data-test-subj="pinpointFailedGroup"]').count()).toBe(2);
  await page.click('[data-test-subj="pinpointFailedReplay"]');
  await page.click('[data-test-subj="confirmModalConfirmButton"]');
  const summary = page.locator('[data-test-subj="pinpointReplaySummary"]');
  await summary.waitFor({ timeout: 60_000 });
  expect(await summary.innerText()).toMatch(
    /90 written, 0 already present, 0 failed again, 30 skipped/
  );
  await saveScreenshot(page, 'start_demo_pipeline');
});

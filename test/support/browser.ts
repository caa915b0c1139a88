/**
 * Debian's chromium driven by playwright-core, for the browser tests. Never downloads a browser: the
 * executable is /usr/bin/chromium (`bash scripts/bootstrap.sh browser` installs it) or CHROMIUM_PATH.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: run \`bash scripts/bootstrap.sh browser\` (apt-get install chromium)`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What went wrong in a page: uncaught exceptions, console errors, failed requests and HTTP errors. */
export interface PageProblems {
  pageErrors: string[];
  /** console.error and the like, except Chrome's "Failed to load resource" lines (see httpErrors). */
  consoleErrors: string[];
  failedRequests: string[];
  /**
   * Responses with status >= 400 as `<status> <url>`. An app may get a 4xx on purpose (a 404 meaning "no
   * such thing yet"); Chrome also logs each one as a console error, which is why consoleErrors leaves them out.
   */
  httpErrors: string[];
}

export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = {
    pageErrors: [],
    consoleErrors: [],
    failedRequests: [],
    httpErrors: [],
  };
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource:')) return;
    problems.consoleErrors.push(message.text());
  });
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`)
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** HTTP errors no page should see: any 5xx, and any 4xx outside the JSON API (a missing bundle, chunk...). */
export function unexpectedHttpErrors(problems: PageProblems): string[] {
  return problems.httpErrors.filter((line) => {
    const [status, url] = line.split(' ');
    return Number(status) >= 500 || !new URL(url).pathname.includes('/api/');
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Generous on purpose: the shared-deps bundle is ~10 MB of JavaScript to parse, and CI runs test files side
 * by side on two cores.
 */
export const PAGE_TIMEOUT_MS = 90_000;

/** Opens `/app/pinpoint<subPath>` (the setup page by default; campaigns are at the root) and waits until core has mounted the app. */
export async function openPinpointApp(
  page: Page,
  hostUrl: string,
  subPath = '/setup'
): Promise<void> {
  await page.goto(`${hostUrl}/app/pinpoint${subPath}`, {
    waitUntil: 'load',
    timeout: PAGE_TIMEOUT_MS,
  });
  await page.waitForSelector('[data-test-subj="pinpointApp"]', { timeout: PAGE_TIMEOUT_MS });
}

/** A DOM for component tests: imported before React DOM and EUI, which look for browser globals at load. */
import Module from 'node:module';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'http://localhost/',
  pretendToBeVisual: true,
});
const win = dom.window as unknown as Record<string, unknown>;
const g = globalThis as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in g) continue;
  g[key] = win[key];
}
g.window = dom.window;
g.document = dom.window.document;
win.matchMedia ??= () => ({
  matches: false,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
});
g.matchMedia = win.matchMedia;
/**
 * React 16's scheduler prefers a MessageChannel when it sees a window; in Node its port keeps the process
 * alive after the tests end. Without one it falls back to timers, which end.
 */
g.MessageChannel = undefined;

/**
 * OUI 1.19 imports OSD's in-tree @opensearch/datemath, which is not on npm; @elastic/datemath, its upstream,
 * has the same API (test/conformance/support/osd_page.ts does the same).
 */
const loader = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
};
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return resolveFilename.call(
    this,
    request === '@opensearch/datemath' ? '@elastic/datemath' : request,
    ...rest
  );
};

/** Closes the window: its animation-frame timer would otherwise outlive the tests. */
export function closeDom(): void {
  dom.window.close();
}

/**
 * An OSD 2.19 app page in jsdom, as far as a plugin bundle can tell: window.__osdSharedDeps__ holds the real
 * shared libraries (React 16.14, ReactDOM 16.14, OUI 1.19 as @elastic/eui, ...), window.__osdBundles__ is OSD's
 * loader (define throws on a duplicate key), window.__osdPublicPath__.<id> points at the bundle directory, which
 * is served over HTTP on 127.0.0.1 so webpack loads lazy chunks with <script> tags as in a browser.
 */
import fs from 'node:fs';
import http from 'node:http';
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

const BUILD_NUM = 8000;

/** OSD's bootstrap loader (src/core/server/rendering/views/template + legacy bootstrap), unchanged in behaviour. */
const OSD_BUNDLES_LOADER = `
window.__osdBundles__ = (function osdBundlesLoader() {
  var modules = {};
  function has(prop) {
    return Object.prototype.hasOwnProperty.call(modules, prop);
  }
  function define(key, bundleRequire, bundleModuleKey) {
    if (has(key)) {
      throw new Error('__osdBundles__ already has a module defined for "' + key + '"');
    }
    modules[key] = { bundleRequire: bundleRequire, bundleModuleKey: bundleModuleKey };
  }
  function get(key) {
    if (!has(key)) {
      throw new Error('__osdBundles__ does not have a module defined for "' + key + '"');
    }
    return modules[key].bundleRequire(modules[key].bundleModuleKey);
  }
  return { has: has, define: define, get: get, keys: function () { return Object.keys(modules); } };
})();`;

export interface OsdBundles {
  has(key: string): boolean;
  define(key: string, bundleRequire: (key: unknown) => unknown, bundleModuleKey: unknown): void;
  get(key: string): Record<string, unknown>;
  /** Not in OSD: lets the test see every key a bundle defined. */
  keys(): string[];
}

export interface OsdPage {
  window: DOMWindow;
  bundles: OsdBundles;
  /** Paths the page requested from the bundle server, in order. */
  requests: string[];
  /** Script errors and console.error output from the page. */
  errors: string[];
  loadPluginBundle(pluginId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openOsdPage(pluginId: string, bundleDir: string): Promise<OsdPage> {
  const requests: string[] = [];
  const errors: string[] = [];
  const bundlePath = `/${BUILD_NUM}/bundles/plugin/${pluginId}/`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const name = url.pathname.startsWith(bundlePath) ? url.pathname.slice(bundlePath.length) : '';
    const file = path.join(bundleDir, name);
    if (!name || name.includes('/') || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/javascript' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  try {
    return createPage(pluginId, bundlePath, port, server, requests, errors);
  } catch (error) {
    server.close();
    throw error;
  }
}

function createPage(
  pluginId: string,
  bundlePath: string,
  port: number,
  server: http.Server,
  requests: string[],
  errors: string[]
): OsdPage {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => errors.push(`jsdom: ${error.message}`));
  virtualConsole.on('error', (...args: unknown[]) => errors.push(args.map(String).join(' ')));
  const dom = new JSDOM(
    '<!doctype html><html><head></head><body><div id="app-wrapper"></div></body></html>',
    {
      url: `http://127.0.0.1:${port}/app/${pluginId}`,
      runScripts: 'dangerously',
      resources: 'usable',
      pretendToBeVisual: true,
      virtualConsole,
    }
  );
  const { window } = dom;
  exposeWindowGlobals(window);
  installSharedDeps(window);
  window.__osdPublicPath__ = { [pluginId]: bundlePath };
  window.eval(OSD_BUNDLES_LOADER);

  return {
    window,
    bundles: window.__osdBundles__ as OsdBundles,
    requests,
    errors,
    loadPluginBundle: (id) =>
      loadScript(window, `/${BUILD_NUM}/bundles/plugin/${id}/${id}.plugin.js`),
    close: async () => {
      window.close();
      // jsdom keeps HTTP connections alive; close would otherwise wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Like OSD's page: <script src> tags executed in order; resolves when the script has run. */
function loadScript(window: DOMWindow, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = window.document.createElement('script');
    script.src = src;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    window.document.head.appendChild(script);
  });
}

/**
 * React and OUI are loaded with Node's require (the real packages from node_modules) and must see the page's
 * DOM: the window's globals are exposed on Node's global object before they load, as global-jsdom does.
 */
function exposeWindowGlobals(window: DOMWindow): void {
  const g = globalThis as Record<string, unknown>;
  // A window that runs scripts is a vm context whose property list omits the DOM interfaces (Element, ...);
  // a script-less window lists them.
  const names = new Set([
    ...Object.getOwnPropertyNames(new JSDOM('').window),
    ...Object.getOwnPropertyNames(window),
  ]);
  for (const key of names) {
    if (key in g || key.startsWith('_')) continue;
    Object.defineProperty(g, key, {
      configurable: true,
      get: () => window[key as keyof DOMWindow],
    });
  }
}

/**
 * OUI 1.19 imports OSD's in-tree fork @opensearch/datemath, which is not published on npm (OSD's shared-deps
 * bundle resolves it inside the OSD repository); @elastic/datemath, its upstream, has the same API.
 */
function aliasOsdDatemath(): void {
  const loader = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
  };
  const resolve = loader._resolveFilename;
  if ((resolve as { osdDatemathAlias?: boolean }).osdDatemathAlias) return;
  const aliased = function (this: unknown, request: string, ...rest: unknown[]): string {
    return resolve.call(
      this,
      request === '@opensearch/datemath' ? '@elastic/datemath' : request,
      ...rest
    );
  };
  loader._resolveFilename = Object.assign(aliased, { osdDatemathAlias: true });
}

/**
 * React's scheduler, loaded with react-dom, keeps a MessageChannel port open when one exists; a page ends with
 * its tab, but a Node process with an open port never exits. Without MessageChannel it uses setTimeout.
 */
function withoutMessageChannel<T>(load: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(g, 'MessageChannel');
  Object.defineProperty(g, 'MessageChannel', {
    configurable: true,
    writable: true,
    value: undefined,
  });
  try {
    return load();
  } finally {
    if (saved) Object.defineProperty(g, 'MessageChannel', saved);
    else delete g.MessageChannel;
  }
}

/* eslint-disable @typescript-eslint/no-require-imports -- the shared deps are loaded after the DOM exists */
// The page's keys are written out here, not read from scripts/lib/osd_facts.ts (the build's and the dev host's
// list), on purpose: the conformance suite checks the zip against OSD independently of what the build believes.
function installSharedDeps(window: DOMWindow): void {
  aliasOsdDatemath();
  const provided: Record<string, () => unknown> = {
    React: () => require('react'),
    ReactDom: () => withoutMessageChannel(() => require('react-dom')),
    ReactDomServer: () => require('react-dom/server'),
    ReactRouter: () => require('react-router'),
    ReactRouterDom: () => require('react-router-dom'),
    ElasticEui: () => require('@elastic/eui'),
    ElasticEuiLibServices: () => require('@elastic/eui/lib/services'),
    ElasticEuiLibServicesFormat: () => require('@elastic/eui/lib/services/format'),
    ElasticEuiChartsTheme: () => require('@elastic/eui/dist/eui_charts_theme'),
    Theme: () => ({
      euiLightVars: require('@elastic/eui/dist/eui_theme_light.json'),
      euiDarkVars: require('@elastic/eui/dist/eui_theme_dark.json'),
    }),
    Moment: () => require('moment'),
    MomentTimezone: () => require('moment-timezone'),
    Lodash: () => require('lodash'),
    LodashFp: () => require('lodash/fp'),
    Rxjs: () => require('rxjs'),
    RxjsOperators: () => require('rxjs/operators'),
    TsLib: () => require('tslib'),
  };
  const deps: Record<string, unknown> = {};
  for (const [key, load] of Object.entries(provided)) {
    Object.defineProperty(deps, key, { enumerable: true, get: load });
  }
  // Keys a 2.19 page has but this host does not provide (not installed here): fail loudly if the bundle uses one.
  for (const key of [
    'ElasticCharts',
    'StyledComponents',
    'Jquery',
    'OsdI18n',
    'OsdI18nReact',
    'OsdMonaco',
    'MonacoBarePluginApi',
    'ElasticNumeral',
  ]) {
    Object.defineProperty(deps, key, {
      enumerable: true,
      get: () => {
        throw new Error(
          `__osdSharedDeps__.${key} is used by the bundle but not provided by the conformance host; add it in test/conformance/support/osd_page.ts`
        );
      },
    });
  }
  window.__osdSharedDeps__ = deps;
}
/* eslint-enable @typescript-eslint/no-require-imports */

declare module 'jsdom' {
  interface DOMWindow {
    __osdSharedDeps__?: Record<string, unknown>;
    __osdPublicPath__?: Record<string, string>;
    __osdBundles__?: unknown;
  }
}

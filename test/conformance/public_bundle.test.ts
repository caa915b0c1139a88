/**
 * The public bundle the way an OSD 2.19 page runs it: <id>.plugin.js executed after the shared deps, the plugin
 * read through __osdBundles__, setup/start called with core, and the app mounted into an element, its lazy chunk
 * fetched from __osdPublicPath__. The shared libraries are the real ones, so a second React or OUI in our bundle,
 * a wrong define, or a chunk that loads from the wrong place fails here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createMemoryHistory } from 'history';
import { PLUGIN_ID } from '../../common/constants';
import type {
  App,
  AppMountParameters,
  CoreSetup,
  CoreStart,
  HttpSetup,
} from '../../public/osd_port';
import { REPO_ROOT, unpackLikeOsd, walk, type UnpackedPlugin } from './support/plugin_zip';
import { openOsdPage, type OsdPage } from './support/osd_page';

const BUNDLE_KEY = `plugin/${PLUGIN_ID}/public`;
const PAGE_LOAD_BUDGET_BYTES = 10_000;

let plugin: UnpackedPlugin;
let bundleDir: string;
let page: OsdPage;
const consoleErrors: string[] = [];
const originalConsoleError = console.error;

/** Never answers: the app's data flows are the browser suite's job; here the app must mount and unmount. */
function pendingHttp(): HttpSetup {
  const pending = <T>(): Promise<T> => new Promise<T>(() => {});
  return {
    basePath: { get: () => '', prepend: (p: string) => p },
    get: pending,
    post: pending,
    put: pending,
    delete: pending,
  };
}

function fakeCore(): { setup: CoreSetup; start: CoreStart; apps: App[]; breadcrumbs: unknown[] } {
  const apps: App[] = [];
  const breadcrumbs: unknown[] = [];
  const toasts = {
    addSuccess: () => ({}),
    addWarning: () => ({}),
    addDanger: () => ({}),
    addError: () => ({}),
  };
  const start: CoreStart = {
    http: pendingHttp(),
    notifications: { toasts },
    chrome: { setBreadcrumbs: (b) => void breadcrumbs.push(b) },
    uiSettings: { get: <T>(_key: string, fallback?: T) => fallback as T },
    application: { navigateToApp: async () => {}, getUrlForApp: (id) => `/app/${id}` },
  };
  const setup: CoreSetup = {
    application: { register: (app) => void apps.push(app) },
    http: pendingHttp(),
    notifications: { toasts },
    getStartServices: async () => [start, {}, {}],
  };
  return { setup, start, apps, breadcrumbs };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  plugin = unpackLikeOsd();
  bundleDir = path.join(plugin.pluginDir, 'target', 'public');
  page = await openOsdPage(PLUGIN_ID, bundleDir);
  // React and OUI run in this process and report through console.error (e.g. "Invalid hook call").
  console.error = (...args: unknown[]) => void consoleErrors.push(args.map(String).join(' '));
});

afterAll(async () => {
  console.error = originalConsoleError;
  await page?.close();
  plugin?.cleanup();
});

describe('public bundle on an OSD page', () => {
  let core: ReturnType<typeof fakeCore>;
  let app: App;

  it('keeps the page-load file within budget', () => {
    const bytes = fs.statSync(path.join(bundleDir, `${PLUGIN_ID}.plugin.js`)).size;
    assert.ok(bytes <= PAGE_LOAD_BUDGET_BYTES, `${PLUGIN_ID}.plugin.js is ${bytes} bytes`);
  });

  it('defines exactly plugin/pinpoint/public when its script runs, and plugin is a function', async () => {
    await page.loadPluginBundle(PLUGIN_ID);
    assert.deepEqual(page.errors, []);
    assert.deepEqual([...page.bundles.keys()], [BUNDLE_KEY]);
    assert.equal(typeof page.bundles.get(BUNDLE_KEY).plugin, 'function');
    assert.deepEqual(
      [...page.requests],
      [`/8000/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}.plugin.js`],
      'nothing but the page-load file is fetched before the app is opened'
    );
  });

  it('throws from define when the same bundle key is defined again, as OSD does', () => {
    assert.throws(
      () => page.bundles.define(BUNDLE_KEY, () => ({}), 0),
      /already has a module defined for "plugin\/pinpoint\/public"/
    );
  });

  it('registers the pinpoint app with a category in setup, and starts', async () => {
    const initializer = page.bundles.get(BUNDLE_KEY).plugin as (ctx: unknown) => {
      setup: (core: CoreSetup, plugins: object) => unknown;
      start: (core: CoreStart, plugins: object) => unknown;
    };
    const instance = initializer({
      opaqueId: Symbol(PLUGIN_ID),
      env: { mode: { dev: false, prod: true } },
      config: { get: () => ({}) },
    });
    assert.equal(typeof instance.setup, 'function');
    assert.equal(typeof instance.start, 'function', 'OSD requires start on the public side');
    core = fakeCore();
    await instance.setup(core.setup, {});
    await instance.start(core.start, {});
    assert.equal(core.apps.length, 1);
    app = core.apps[0];
    assert.equal(app.id, PLUGIN_ID);
    assert.ok(app.title.length > 0);
    assert.ok(
      app.category && app.category.id && app.category.label,
      'app has a category with id and label'
    );
    assert.equal(typeof app.mount, 'function');
  });

  it('mounts the real app from its lazy chunk and leaves the element empty on unmount', async () => {
    const { document } = page.window;
    const element = document.createElement('div');
    document.body.appendChild(element);
    const params: AppMountParameters = {
      element,
      history: createMemoryHistory({ initialEntries: ['/'] }),
      appBasePath: `/app/${PLUGIN_ID}`,
      onAppLeave: () => {},
      setHeaderActionMenu: () => {},
    };
    const unmount = await app.mount(params);
    try {
      const chunkRequests = page.requests.filter((r) => r.includes('.chunk.'));
      assert.ok(chunkRequests.length > 0, 'the app came from a lazy chunk');
      for (const r of chunkRequests) {
        assert.match(
          r,
          new RegExp(`^/8000/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}\\.chunk\\.\\d+\\.js$`)
        );
      }
      // React 18's createRoot (Dashboards 3.x) renders on the next tick, React 16's render at once.
      await waitFor(
        () => element.querySelector('[data-test-subj="pinpointApp"]') !== null,
        'data-test-subj="pinpointApp" rendered'
      );
      assert.match(element.textContent ?? '', /Pinpoint/);
      // Effects run after the render (React schedules them): hooks work only with the page's one React.
      await waitFor(
        () => core.breadcrumbs.length > 0,
        'the app set its breadcrumbs from an effect'
      );
    } finally {
      unmount();
    }
    assert.equal(element.innerHTML, '');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(
      consoleErrors.filter((e) =>
        // The second pattern is React 18 saying the app mounted with ReactDOM.render, not createRoot.
        /Invalid hook call|more than one copy of React|Minified React error|ReactDOM.render is no longer supported/.test(
          e
        )
      ),
      []
    );
  });
});

describe('bundle contents', () => {
  /** A marker of each library, checked to be present in the real library so the absence check can fail. */
  const markers: Array<{ library: string; file: string; marker: string }> = [
    {
      library: 'React',
      file: 'react/cjs/react.production.min.js',
      marker: '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
    },
    {
      library: 'React',
      file: 'react/cjs/react.production.min.js',
      marker: 'Minified React error #',
    },
    {
      library: 'ReactDOM',
      file: 'react-dom/cjs/react-dom.production.min.js',
      marker: 'unstable_renderSubtreeIntoContainer',
    },
    // Class names OUI's components compute; they survive minification and tree shaking of OUI's es/ build.
    {
      library: 'OUI',
      file: '@elastic/eui/lib/eui_components/page/page.js',
      marker: 'euiPage--paddingMedium',
    },
    {
      library: 'OUI',
      file: '@elastic/eui/lib/eui_components/title/title.js',
      marker: 'euiTitle--large',
    },
    {
      library: 'OUI',
      file: '@elastic/eui/lib/eui_components/button/button.js',
      marker: 'euiButton__text',
    },
    { library: 'OUI', file: '@elastic/eui/lib/eui_components/icon/icon.js', marker: 'euiIcon--' },
    { library: 'moment', file: 'moment/moment.js', marker: 'RFC2822' },
    { library: 'lodash', file: 'lodash/lodash.js', marker: '__lodash_hash_undefined__' },
    {
      library: 'rxjs',
      file: 'rxjs/internal/util/ObjectUnsubscribedError.js',
      marker: 'object unsubscribed',
    },
  ];

  it('carries no copy of React, ReactDOM, OUI, moment, lodash or rxjs', () => {
    const bundleFiles = walk(bundleDir).filter((f) => f.endsWith('.js'));
    assert.ok(bundleFiles.length >= 2, 'page-load file and at least one chunk');
    for (const { library, file, marker } of markers) {
      const real = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', file), 'utf8');
      assert.ok(real.includes(marker), `marker "${marker}" no longer identifies ${library}`);
      for (const bundleFile of bundleFiles) {
        const text = fs.readFileSync(path.join(bundleDir, bundleFile), 'utf8');
        assert.ok(!text.includes(marker), `${bundleFile} contains ${library} ("${marker}")`);
      }
    }
  });

  it('reads only shared dependencies a 2.19 page defines', () => {
    const keys2_19 = new Set([
      'Jquery',
      'OsdI18n',
      'OsdI18nReact',
      'Moment',
      'MomentTimezone',
      'OsdMonaco',
      'MonacoBarePluginApi',
      'React',
      'ReactDom',
      'ReactDomServer',
      'ReactRouter',
      'ReactRouterDom',
      'StyledComponents',
      'Rxjs',
      'RxjsOperators',
      'ElasticNumeral',
      'ElasticCharts',
      'ElasticEui',
      'ElasticEuiLibServices',
      'ElasticEuiLibServicesFormat',
      'ElasticEuiChartsTheme',
      'Theme',
      'Lodash',
      'LodashFp',
      'TsLib',
    ]);
    const used = new Set<string>();
    for (const f of walk(bundleDir)) {
      const text = fs.readFileSync(path.join(bundleDir, f), 'utf8');
      for (const [, key] of text.matchAll(/__osdSharedDeps__\.([A-Za-z]+)/g)) used.add(key);
    }
    assert.ok(used.has('React'), 'the bundle takes React from the page');
    assert.deepEqual(
      [...used].filter((k) => !keys2_19.has(k)),
      []
    );
  });
});

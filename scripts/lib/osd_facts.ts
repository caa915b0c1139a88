/**
 * What OpenSearch Dashboards 2.19 defines that both the build (scripts/builder/) and the development host
 * (dev/host/) rely on: the shared-dependency globals a page provides and the manifest keys and plugin ids OSD
 * accepts. One statement of each rule, so the zip we build and the host that runs it cannot disagree.
 *
 * test/conformance keeps its own copy of these facts on purpose: it checks the built zip against OSD, and a
 * check that imported the builder's list would pass whatever that list said.
 */

/**
 * window.__osdSharedDeps__ key -> the module it holds, in the order of OSD 2.19's
 * packages/osd-ui-shared-deps/entry.js. `Theme` is not a module but an object of OUI theme variables
 * ({euiLightVars, euiDarkVars, darkMode}); it is listed in OSD_2_19_SHARED_DEP_KEYS below.
 */
export const OSD_SHARED_DEP_MODULES: ReadonlyArray<readonly [key: string, module: string]> = [
  ['Jquery', 'jquery'],
  ['OsdI18n', '@osd/i18n'],
  ['OsdI18nReact', '@osd/i18n/react'],
  ['Moment', 'moment'],
  ['MomentTimezone', 'moment-timezone'],
  ['OsdMonaco', '@osd/monaco'],
  ['MonacoBarePluginApi', 'monaco-editor/esm/vs/editor/editor.api'],
  ['React', 'react'],
  ['ReactDom', 'react-dom'],
  ['ReactDomServer', 'react-dom/server'],
  ['ReactRouter', 'react-router'],
  ['ReactRouterDom', 'react-router-dom'],
  ['StyledComponents', 'styled-components'],
  ['Rxjs', 'rxjs'],
  ['RxjsOperators', 'rxjs/operators'],
  ['ElasticNumeral', '@elastic/numeral'],
  ['ElasticCharts', '@elastic/charts'],
  ['ElasticEui', '@elastic/eui'],
  ['ElasticEuiLibServices', '@elastic/eui/lib/services'],
  ['ElasticEuiLibServicesFormat', '@elastic/eui/lib/services/format'],
  ['ElasticEuiChartsTheme', '@elastic/eui/dist/eui_charts_theme'],
  ['Lodash', 'lodash'],
  ['LodashFp', 'lodash/fp'],
  ['TsLib', 'tslib'],
];

/** The window.__osdSharedDeps__ keys a 2.19 page defines; anything else is undefined in the browser. */
export const OSD_2_19_SHARED_DEP_KEYS: readonly string[] = [
  ...OSD_SHARED_DEP_MODULES.map(([key]) => key),
  'Theme',
];

/**
 * The modules OSD 2.x loads once for every plugin (packages/osd-ui-shared-deps/index.js `externals`): import
 * request -> the global expression that holds it. A plugin bundle that carries its own copy of React or OUI
 * gets a second React: hooks and context break at runtime. So these are never bundled; webpack (the build) and
 * esbuild (the host's public core) resolve them to properties of window.__osdSharedDeps__. OSD's list minus
 * angular and @osd/i18n/angular, which 2.19 pages no longer define.
 */
export const OSD_SHARED_DEPS: Readonly<Record<string, string>> = {
  // stateful
  '@osd/i18n': '__osdSharedDeps__.OsdI18n',
  '@osd/i18n/react': '__osdSharedDeps__.OsdI18nReact',
  jquery: '__osdSharedDeps__.Jquery',
  moment: '__osdSharedDeps__.Moment',
  'moment-timezone': '__osdSharedDeps__.MomentTimezone',
  react: '__osdSharedDeps__.React',
  'react-dom': '__osdSharedDeps__.ReactDom',
  'react-dom/server': '__osdSharedDeps__.ReactDomServer',
  'react-router': '__osdSharedDeps__.ReactRouter',
  'react-router-dom': '__osdSharedDeps__.ReactRouterDom',
  'styled-components': '__osdSharedDeps__.StyledComponents',
  '@osd/monaco': '__osdSharedDeps__.OsdMonaco',
  '@osd/ui-shared-deps/theme': '__osdSharedDeps__.Theme',
  'monaco-editor/esm/vs/editor/editor.api': '__osdSharedDeps__.MonacoBarePluginApi',
  // big, locked to one version
  rxjs: '__osdSharedDeps__.Rxjs',
  'rxjs/operators': '__osdSharedDeps__.RxjsOperators',
  numeral: '__osdSharedDeps__.ElasticNumeral',
  '@elastic/numeral': '__osdSharedDeps__.ElasticNumeral',
  '@elastic/charts': '__osdSharedDeps__.ElasticCharts',
  '@elastic/eui': '__osdSharedDeps__.ElasticEui',
  '@elastic/eui/lib/services': '__osdSharedDeps__.ElasticEuiLibServices',
  '@elastic/eui/lib/services/format': '__osdSharedDeps__.ElasticEuiLibServicesFormat',
  '@elastic/eui/dist/eui_charts_theme': '__osdSharedDeps__.ElasticEuiChartsTheme',
  '@elastic/eui/dist/eui_theme_light.json': '__osdSharedDeps__.Theme.euiLightVars',
  '@elastic/eui/dist/eui_theme_dark.json': '__osdSharedDeps__.Theme.euiDarkVars',
  lodash: '__osdSharedDeps__.Lodash',
  'lodash/fp': '__osdSharedDeps__.LodashFp',
  // runtime helpers not worth a copy per bundle
  tslib: '__osdSharedDeps__.TsLib',
};

/**
 * The keys OSD 2.x accepts in opensearch_dashboards.json (src/core/server/plugins/discovery/
 * plugin_manifest_parser.ts). Any other key is a fatal error at startup.
 */
export const ALLOWED_MANIFEST_KEYS = [
  'id',
  'version',
  'opensearchDashboardsVersion',
  'configPath',
  'requiredPlugins',
  'optionalPlugins',
  'ui',
  'server',
  'extraPublicDirs',
  'requiredBundles',
] as const;

/** The installer's rule for plugin ids (src/cli_plugin/install): camelCase letters and digits. */
export const INSTALLABLE_PLUGIN_ID = /^[a-z][a-zA-Z0-9]+$/;

/**
 * The modules OSD 2.x loads once for every plugin (packages/osd-ui-shared-deps/index.js `externals`). A plugin
 * bundle that carries its own copy of React or OUI gets a second React: hooks and context break at runtime. So
 * these are never bundled; webpack resolves them to properties of window.__osdSharedDeps__. OSD's list minus
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

/** The window.__osdSharedDeps__ keys a 2.19 page defines; anything else is undefined in the browser. */
export const OSD_2_19_SHARED_DEP_KEYS: readonly string[] = [
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
];

/**
 * Packages whose files must never end up inside our bundle, whatever the import path (a deep import such as
 * '@elastic/eui/lib/components/button' is not covered by the externals above and would copy OUI in).
 */
export const NEVER_BUNDLED_PACKAGES: readonly string[] = [
  'react',
  'react-dom',
  'react-router',
  'react-router-dom',
  '@elastic/eui',
  '@opensearch-project/oui',
  '@elastic/charts',
  'moment',
  'moment-timezone',
  'lodash',
  'rxjs',
  'styled-components',
  'jquery',
  'tslib',
];

/** The package a resolved file belongs to, from its last node_modules segment; undefined for our own sources. */
export function packageOfPath(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const first = parts[at + 1];
  return first.startsWith('@') && at + 2 < parts.length ? `${first}/${parts[at + 2]}` : first;
}

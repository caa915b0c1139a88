/**
 * The browser side of the host, built with esbuild at start:
 * - the shared dependencies bundle: `window.__osdSharedDeps__` with the keys of OSD 2.19 whose packages are
 *   installed here (React 16.14, OUI 1.19, moment, lodash, rxjs, react-router...), built once per set of
 *   package versions and cached. OUI loads icons with a runtime `require` OSD's webpack resolves into chunks;
 *   esbuild cannot, so every icon is put into OUI's icon cache up front.
 * - the bootstrap script (`__osdBundles__`, public paths) and the public core, with the shared modules
 *   resolved to `window.__osdSharedDeps__` exactly as a plugin bundle resolves them (one React on the page).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { OSD_SHARED_DEP_MODULES, OSD_SHARED_DEPS } from '../../../scripts/lib/osd_facts';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const PUBLIC_CORE_DIR = join(__dirname, '..', 'public_core');

export const THEME_CSS = require.resolve('@elastic/eui/dist/eui_theme_light.css', {
  paths: [REPO_ROOT],
});

/**
 * OSD's shared-deps light theme bundles OUI's theme with @elastic/charts' theme (charts' legend, tooltips and
 * screen-reader text are styled by it, not by the plugin): the page loads both, as Dashboards does.
 */
export const CHARTS_THEME_CSS = require.resolve('@elastic/charts/dist/theme_only_light.css', {
  paths: [REPO_ROOT],
});

export interface BrowserBundles {
  sharedDepsJs: string;
  sharedDepKeys: string[];
  bootstrapJs: string;
  coreJs: string;
  themeCss: string;
  chartsThemeCss: string;
}

function resolvable(moduleName: string): boolean {
  try {
    require.resolve(moduleName, { paths: [REPO_ROOT] });
    return true;
  } catch {
    return false;
  }
}

function packageVersion(moduleName: string): string {
  const parts = moduleName.split('/');
  const name = moduleName.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const manifest = require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] });
  return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`;
}

/**
 * OUI has two icon components, each with its own cache and asset set: OuiIcon (lib/components/icon) and the
 * EuiIcon of its compatibility layer (lib/eui_components/icon). Their iconType -> asset maps are not
 * exported, so they are read from the source.
 */
const OUI_ICON_DIRS = ['@elastic/eui/lib/components/icon', '@elastic/eui/lib/eui_components/icon'];

function iconCacheFills(): string[] {
  const lines: string[] = [];
  for (const dir of OUI_ICON_DIRS) {
    if (!resolvable(`${dir}/icon.js`)) continue;
    const iconJs = require.resolve(`${dir}/icon.js`, { paths: [REPO_ROOT] });
    const source = readFileSync(iconJs, 'utf8');
    const start = source.indexOf('var typeToPathMap = {');
    const end = source.indexOf('};', start);
    if (start < 0 || end < 0) throw new Error(`OUI's typeToPathMap not found in ${iconJs}`);
    lines.push(`require(${JSON.stringify(`${dir}/icon.js`)}).appendIconComponentCache({`);
    for (const line of source.slice(start, end).split('\n')) {
      const match = /^\s*['"]?([\w-]+)['"]?:\s*'([^']+)',?\s*$/.exec(line);
      if (match) {
        const asset = JSON.stringify(`${dir}/assets/${match[2]}.js`);
        lines.push(`  ${JSON.stringify(match[1])}: require(${asset}).icon,`);
      }
    }
    lines.push('});');
  }
  return lines;
}

function sharedDepsEntry(keys: ReadonlyArray<readonly [string, string]>): string {
  const lines = keys.map(([key, mod]) => `  ${key}: require(${JSON.stringify(mod)}),`);
  return [
    'window.__osdSharedDeps__ = {',
    ...lines,
    '  Theme: {',
    "    euiLightVars: require('@elastic/eui/dist/eui_theme_light.json'),",
    "    euiDarkVars: require('@elastic/eui/dist/eui_theme_dark.json'),",
    '    darkMode: false,',
    '  },',
    '};',
    ...iconCacheFills(),
    '',
  ].join('\n');
}

const PRODUCTION = { 'process.env.NODE_ENV': '"production"', global: 'window' };

function sharedDepsBuildOptions(
  entry: string,
  outfile: string,
  aliases: Record<string, string> = {}
): esbuild.BuildOptions {
  return {
    stdin: {
      contents: entry,
      resolveDir: REPO_ROOT,
      loader: 'js',
      sourcefile: 'osd-ui-shared-deps.js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2018',
    minify: true,
    define: PRODUCTION,
    // OUI imports OSD's in-tree fork of @elastic/datemath, which is not published on npm; the upstream
    // package has the same API (parse, units, unitsMap).
    // `aliases`: another release's UI stack (scripts/lib/osd_stack.ts: React 18 and OUI 1.22 for 3.x).
    alias: { '@opensearch/datemath': '@elastic/datemath', ...aliases },
    // CommonJS builds (OUI's lib/, not es/): one copy of OUI whether reached as '@elastic/eui' or
    // '@elastic/eui/lib/services', and the icon cache filled in the entry is the one OuiIcon reads.
    mainFields: ['browser', 'main'],
    outfile,
    logLevel: 'error',
  };
}

async function buildSharedDeps(
  cacheDir: string,
  aliases: Record<string, string>
): Promise<{ file: string; keys: string[] }> {
  // The modules of OSD 2.19's page whose package is installed here (no Monaco, no OSD-only packages).
  const available = OSD_SHARED_DEP_MODULES.filter(([, mod]) => resolvable(mod));
  const entry = sharedDepsEntry(available);
  const key = createHash('sha256')
    .update(JSON.stringify(sharedDepsBuildOptions(entry, '', aliases)))
    .update(available.map(([, mod]) => packageVersion(mod)).join())
    .update(esbuild.version)
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `osd-ui-shared-deps.${key}.js`);
  const keys = [...available.map(([k]) => k), 'Theme'];
  if (existsSync(file)) return { file, keys };
  mkdirSync(cacheDir, { recursive: true });
  // Built next to the final name and renamed: two hosts starting at once never read half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await esbuild.build(sharedDepsBuildOptions(entry, temp, aliases));
  renameSync(temp, file);
  return { file, keys };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Imports of shared modules become reads of window.__osdSharedDeps__, as in a plugin bundle. */
const sharedDepsExternals: esbuild.Plugin = {
  name: 'osd-shared-deps',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(OSD_SHARED_DEPS).map(escapeRegExp).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'osd-shared-deps' }));
    build.onLoad({ filter: /.*/, namespace: 'osd-shared-deps' }, (args) => ({
      contents: `module.exports = window.${OSD_SHARED_DEPS[args.path]};`,
      loader: 'js',
    }));
  },
};

async function buildCoreScript(entry: string, outfile: string): Promise<void> {
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2018',
    sourcemap: 'linked',
    define: PRODUCTION,
    plugins: [sharedDepsExternals],
    outfile,
    logLevel: 'error',
  });
}

export async function buildBrowserBundles(
  cacheDir: string,
  outDir: string,
  sharedDepsAliases: Record<string, string> = {}
): Promise<BrowserBundles> {
  const shared = await buildSharedDeps(cacheDir, sharedDepsAliases);
  const bootstrapJs = join(outDir, 'bootstrap.js');
  const coreJs = join(outDir, 'core.entry.js');
  await Promise.all([
    buildCoreScript(join(PUBLIC_CORE_DIR, 'bootstrap.ts'), bootstrapJs),
    buildCoreScript(join(PUBLIC_CORE_DIR, 'index.tsx'), coreJs),
  ]);
  return {
    sharedDepsJs: shared.file,
    sharedDepKeys: shared.keys,
    bootstrapJs,
    coreJs,
    themeCss: THEME_CSS,
    chartsThemeCss: CHARTS_THEME_CSS,
  };
}

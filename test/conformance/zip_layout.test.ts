/**
 * The zip as `opensearch-dashboards-plugin install file:///.../pinpoint-<v>.zip` and OSD's plugin discovery see
 * it: one plugin under opensearch-dashboards/pinpoint/, readable files, a manifest OSD 2.x accepts for exactly
 * the target release, CommonJS server code, and production dependencies only.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { PLUGIN_ID } from '../../common/constants';
import {
  isOsdProvided,
  REPO_ROOT,
  TARGET_OSD_VERSION,
  unpackLikeOsd,
  walk,
  type UnpackedPlugin,
} from './support/plugin_zip';

// OSD's allowed manifest keys, an independent copy on purpose: the build and the dev host share theirs in
// scripts/lib/osd_facts.ts, and a check that read that list would pass whatever the build believed.
const ALLOWED_MANIFEST_KEYS = [
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
];

let plugin: UnpackedPlugin;
let files: string[];
const readJson = (rel: string) =>
  JSON.parse(fs.readFileSync(path.join(plugin.pluginDir, rel), 'utf8'));

beforeAll(() => {
  plugin = unpackLikeOsd();
  files = walk(plugin.pluginDir);
});
afterAll(() => plugin?.cleanup());

describe('zip layout', () => {
  it('holds exactly one plugin, under opensearch-dashboards/pinpoint/', () => {
    assert.deepEqual(plugin.found, [
      {
        id: PLUGIN_ID,
        stripPrefix: `opensearch-dashboards/${PLUGIN_ID}`,
        opensearchDashboardsVersion: TARGET_OSD_VERSION,
      },
    ]);
    const outside = plugin.entries.filter(
      (e) => !e.name.startsWith(`opensearch-dashboards/${PLUGIN_ID}/`)
    );
    assert.deepEqual(outside, []);
    assert.equal(path.basename(plugin.zipFile), `${PLUGIN_ID}-${TARGET_OSD_VERSION}.zip`);
  });

  it('stores a readable regular-file mode in every entry (the installer creates files with it)', () => {
    const bad = plugin.entries
      .filter((e) => !e.isDirectory)
      .filter((e) => (e.mode & 0o170000) !== 0o100000 || (e.mode & 0o444) !== 0o444)
      .map((e) => `${e.name} ${e.mode.toString(8)}`);
    assert.deepEqual(bad.slice(0, 10), []);
  });

  it('has the plugin layout and nothing else at the top level', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    for (const required of [
      'opensearch_dashboards.json',
      'package.json',
      'server',
      'common',
      'target',
      'node_modules',
    ]) {
      assert.ok(top.has(required), `missing ${required}`);
    }
    const allowed = new Set([
      'opensearch_dashboards.json',
      'package.json',
      'server',
      'common',
      'target',
      'node_modules',
      'public',
    ]);
    assert.deepEqual(
      [...top].filter((t) => !allowed.has(t)),
      []
    );
  });

  it('ships compiled server and common code, no TypeScript sources, tests or maps', () => {
    assert.ok(files.includes('server/index.js'));
    const code = files.filter((f) => /^(server|common)\//.test(f));
    const bad = code.filter((f) => /\.(tsx?|map)$/.test(f) || /\.test\.js$/.test(f));
    assert.deepEqual(bad, []);
    assert.ok(!files.some((f) => f.startsWith('cli/')), 'the CLI is not part of the plugin');
  });

  it('ships the public bundle as target/public/pinpoint.plugin.js plus lazy chunks', () => {
    const target = files.filter((f) => f.startsWith('target/'));
    assert.ok(target.includes(`target/public/${PLUGIN_ID}.plugin.js`));
    const unexpected = target.filter(
      (f) => !new RegExp(`^target/public/${PLUGIN_ID}\\.(plugin|chunk\\.\\d+)\\.js$`).test(f)
    );
    assert.deepEqual(unexpected, []);
    assert.deepEqual(
      files.filter((f) => f.startsWith('public/') && !f.startsWith('public/assets/')),
      [],
      'only public/assets may ship from public/'
    );
  });
});

describe('manifest (opensearch_dashboards.json)', () => {
  it('uses only the keys OSD 2.x accepts', () => {
    const manifest = readJson('opensearch_dashboards.json');
    assert.deepEqual(
      Object.keys(manifest).filter((k) => !ALLOWED_MANIFEST_KEYS.includes(k)),
      []
    );
  });

  it('has an id the installer accepts', () => {
    const { id } = readJson('opensearch_dashboards.json');
    assert.match(id, /^[a-z][a-zA-Z0-9]+$/);
    assert.ok(!id.includes('.'));
    assert.equal(id, PLUGIN_ID);
  });

  it('targets exactly the OSD release of the zip name, and has both a ui and a server', () => {
    const manifest = readJson('opensearch_dashboards.json');
    assert.equal(manifest.opensearchDashboardsVersion, TARGET_OSD_VERSION);
    assert.match(
      manifest.version,
      new RegExp(`^${TARGET_OSD_VERSION.replace(/\./g, '\\.')}\\.\\d+$`)
    );
    assert.equal(manifest.ui, true);
    assert.equal(manifest.server, true);
    for (const list of ['requiredPlugins', 'optionalPlugins', 'requiredBundles']) {
      if (list in manifest) assert.ok(Array.isArray(manifest[list]), list);
    }
  });
});

describe('package.json and node_modules', () => {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8'));

  it('ships a trimmed package.json with the runtime dependencies', () => {
    const pkg = readJson('package.json');
    assert.deepEqual(Object.keys(pkg).sort(), ['dependencies', 'name', 'private', 'version']);
    assert.equal(pkg.version, readJson('opensearch_dashboards.json').version);
    assert.deepEqual(pkg.dependencies, rootPackage.dependencies);
  });

  it('installs every runtime dependency', () => {
    for (const dep of Object.keys(rootPackage.dependencies)) {
      assert.ok(files.includes(`node_modules/${dep}/package.json`), dep);
    }
  });

  it('contains no development dependency', () => {
    // Package directories, e.g. node_modules/@aws-sdk/core or node_modules/a/node_modules/b: the lockfile's keys.
    const installed = files
      .filter((f) => /^(node_modules\/(@[^/]+\/)?[^/@]+\/)+package\.json$/.test(f))
      .map((f) => f.replace(/\/package\.json$/, ''));
    assert.ok(installed.length >= Object.keys(rootPackage.dependencies).length);
    assert.deepEqual(
      installed.filter((dir) => lock.packages[dir] === undefined),
      [],
      'not in package-lock.json'
    );
    assert.deepEqual(
      installed.filter((dir) => lock.packages[dir].dev === true),
      [],
      'dev-only in package-lock.json'
    );
    for (const name of [
      'react',
      'react-dom',
      '@elastic/eui',
      'webpack',
      'typescript',
      'esbuild',
      'jsdom',
      'tsx',
    ]) {
      assert.ok(
        !files.some(
          (f) => f.startsWith(`node_modules/${name}/`) || f.includes(`/node_modules/${name}/`)
        ),
        name
      );
    }
  });
});

describe('server code', () => {
  const serverCode = () => files.filter((f) => /^(server|common)\/.*\.js$/.test(f));

  it('is CommonJS', () => {
    const notCjs: string[] = [];
    for (const rel of serverCode()) {
      const source = fs.readFileSync(path.join(plugin.pluginDir, rel), 'utf8');
      try {
        vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], {
          filename: rel,
        });
      } catch (error) {
        notCjs.push(`${rel}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(notCjs, []);
  });

  it('requires only Node built-ins, its own files, shipped packages and what OSD provides (also behind lazy requires)', () => {
    const builtins = new Set(builtinModules);
    const unresolved: string[] = [];
    for (const rel of serverCode()) {
      const file = path.join(plugin.pluginDir, rel);
      const source = fs.readFileSync(file, 'utf8');
      for (const [, , request] of source.matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
        if (builtins.has(request) || request.startsWith('node:') || isOsdProvided(request))
          continue;
        try {
          const resolved = require.resolve(request, { paths: [path.dirname(file)] });
          if (!resolved.startsWith(plugin.pluginDir + path.sep))
            unresolved.push(`${rel}: ${request} -> ${resolved}`);
        } catch {
          unresolved.push(`${rel}: ${request}`);
        }
      }
    }
    assert.deepEqual(unresolved, []);
  });
});

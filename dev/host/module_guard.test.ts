/**
 * An unpacked plugin may require its own node_modules, node builtins and what OSD ships; a package that only
 * resolves from this repository's node_modules is a packaging bug and must fail as it would in Dashboards.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT } from './page/browser_bundles';
import { guardPluginResolution, unguardPluginResolution } from './module_guard';

// Inside the repository, so node's lookup would reach the repository's node_modules.
const root = mkdtempSync(join(REPO_ROOT, 'target', 'guard-test-'));
const pluginDir = join(root, 'plugins', 'demo');
mkdirSync(join(pluginDir, 'server'), { recursive: true });
mkdirSync(join(pluginDir, 'node_modules', 'packaged'), { recursive: true });
writeFileSync(
  join(pluginDir, 'node_modules', 'packaged', 'index.js'),
  'module.exports = "packaged";'
);
const write = (name: string, source: string) => {
  writeFileSync(join(pluginDir, 'server', name), source);
  return join(pluginDir, 'server', name);
};
guardPluginResolution(pluginDir);
// The way OSD loads plugin code: CommonJS require.
const load = createRequire(__filename);

after(() => {
  unguardPluginResolution(pluginDir);
  rmSync(root, { recursive: true, force: true });
});

test('packaged modules, builtins and OSD-provided packages resolve', () => {
  const file = write(
    'ok.js',
    'module.exports = [require("packaged"), typeof require("node:path").join, typeof require("lodash").get];'
  );
  assert.deepEqual(load(file), ['packaged', 'function', 'function']);
});

test('a dependency missing from the zip fails even though the repository has it', () => {
  const file = write('missing.js', 'require("commander");');
  assert.throws(
    () => load(file),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'MODULE_NOT_FOUND');
      assert.match(error.message, /'commander'.*not in the plugin zip's node_modules/);
      return true;
    }
  );
});

test('code outside a guarded plugin is not affected', () => {
  assert.equal(typeof load('commander').Command, 'function');
});

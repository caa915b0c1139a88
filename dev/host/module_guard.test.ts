/**
 * An unpacked plugin may require its own node_modules, node builtins and what OSD ships; a package that only
 * resolves from this repository's node_modules is a packaging bug and must fail as it would in Dashboards.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, test } from '@jest/globals';
import { REPO_ROOT } from './page/browser_bundles';

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
/**
 * Loads a file the way OSD loads plugin code (node's CommonJS require), in a node process of its own: jest
 * resolves modules itself, so a guard on node's resolver would never be asked inside a test file.
 */
function load(file: string): unknown {
  const script = `
    const { guardPluginResolution } = require(${JSON.stringify(join(__dirname, 'module_guard.ts'))});
    guardPluginResolution(${JSON.stringify(pluginDir)});
    try {
      process.stdout.write(JSON.stringify({ value: require(${JSON.stringify(file)}) }));
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message } }));
    }`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const result = JSON.parse(child.stdout) as { value?: unknown; error?: Error & { code?: string } };
  if (result.error) throw Object.assign(new Error(result.error.message), result.error);
  return result.value;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

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
  const file = join(root, 'outside.js');
  writeFileSync(file, 'module.exports = typeof require("commander").Command;');
  assert.equal(load(file), 'function');
});

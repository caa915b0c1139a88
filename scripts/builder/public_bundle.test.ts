/** The public build against small fixture plugins (webpack runs for real, a few seconds). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { buildPublicBundle } from './public_bundle';

const repoRoot = path.resolve(__dirname, '..', '..');
// Inside the repository so that imports resolve from its node_modules.
const fixtures = fs.mkdtempSync(path.join(repoRoot, 'target', 'bundle-fixture-'));
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

async function buildFixture(name: string, files: Record<string, string>) {
  const dir = path.join(fixtures, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const result = await buildPublicBundle({
    pluginId: 'fixture',
    repoRoot,
    workDir: dir,
    outputDir: path.join(dir, 'out'),
    publicIndexFile: path.join(dir, 'index.ts'),
  });
  const read = (f: string) => fs.readFileSync(path.join(result.outputDir, f), 'utf8');
  return { result, read };
}

describe('buildPublicBundle', () => {
  it('keeps the exports OSD reads, defines the bundle and takes OUI from the page', async () => {
    const { result, read } = await buildFixture('ok', {
      'index.ts': `export function plugin() { return { setup() { return import('./app'); }, start() {} }; }\n`,
      'app.tsx': `import { EuiPage } from '@elastic/eui';\nexport const App = EuiPage;\n`,
    });
    const pageLoad = read('fixture.plugin.js');
    assert.match(pageLoad, /__osdBundles__\.define\("plugin\/fixture\/public",\w+,\d+\)/);
    assert.match(pageLoad, /plugin:\(\)=>/, 'the plugin export survived tree shaking');
    assert.match(pageLoad, /window\.__osdPublicPath__\.fixture/);
    assert.match(pageLoad, /fixture_bundle_jsonpfunction/);
    const chunks = result.files.filter((f) => f.name.startsWith('fixture.chunk.'));
    assert.equal(chunks.length, 1, 'the app is a lazy chunk');
    assert.ok(
      result.files
        .map((f) => read(f.name))
        .join('')
        .includes('__osdSharedDeps__.ElasticEui')
    );
    assert.ok(result.pageLoadBytes < 10_000);
  });

  it('fails the build when a deep import would copy OUI into the bundle', async () => {
    await assert.rejects(
      buildFixture('deep', {
        'index.ts': `import { EuiPage } from '@elastic/eui/lib/components/page';\nexport function plugin() { return EuiPage; }\n`,
      }),
      /its own copy of a dependency OSD shares[\s\S]*node_modules\/@elastic\/eui\/lib\/components\/page/
    );
  });

  it('injects imported CSS from the bundle (OSD loads no plugin stylesheet)', async () => {
    const { read, result } = await buildFixture('css', {
      'index.ts': `import './style.css';\nexport function plugin() { return {}; }\n`,
      'style.css': `.pinpointFixture { color: rgb(1, 2, 3); }\n`,
    });
    const text = result.files.map((f) => read(f.name)).join('');
    assert.ok(text.includes('.pinpointFixture'));
    assert.ok(!result.files.some((f) => f.name.endsWith('.css')), 'no separate stylesheet');
  });
});

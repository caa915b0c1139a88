import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import {
  NEVER_BUNDLED_PACKAGES,
  OSD_2_19_SHARED_DEP_KEYS,
  OSD_SHARED_DEPS,
  packageOfPath,
} from './shared_deps';
import { chunkLoadingGlobal, createWebpackConfig, entrySource } from './webpack.config';

describe('OSD shared dependencies', () => {
  it('maps the packages OSD shares to the globals it defines', () => {
    assert.equal(OSD_SHARED_DEPS.react, '__osdSharedDeps__.React');
    assert.equal(OSD_SHARED_DEPS['react-dom'], '__osdSharedDeps__.ReactDom');
    assert.equal(OSD_SHARED_DEPS['@elastic/eui'], '__osdSharedDeps__.ElasticEui');
    assert.equal(
      OSD_SHARED_DEPS['@elastic/eui/lib/services'],
      '__osdSharedDeps__.ElasticEuiLibServices'
    );
    assert.equal(OSD_SHARED_DEPS['@elastic/charts'], '__osdSharedDeps__.ElasticCharts');
    assert.equal(OSD_SHARED_DEPS.moment, '__osdSharedDeps__.Moment');
    assert.equal(OSD_SHARED_DEPS.lodash, '__osdSharedDeps__.Lodash');
    assert.equal(OSD_SHARED_DEPS.rxjs, '__osdSharedDeps__.Rxjs');
    assert.equal(OSD_SHARED_DEPS['rxjs/operators'], '__osdSharedDeps__.RxjsOperators');
    assert.equal(OSD_SHARED_DEPS['react-router-dom'], '__osdSharedDeps__.ReactRouterDom');
    assert.equal(
      OSD_SHARED_DEPS['@elastic/eui/dist/eui_theme_light.json'],
      '__osdSharedDeps__.Theme.euiLightVars'
    );
    assert.equal(OSD_SHARED_DEPS.tslib, '__osdSharedDeps__.TsLib');
  });

  it('only names globals a 2.19 page defines (there is no ReactDomClient there)', () => {
    for (const [request, global] of Object.entries(OSD_SHARED_DEPS)) {
      const [root, key] = global.split('.');
      assert.equal(root, '__osdSharedDeps__', request);
      assert.ok(OSD_2_19_SHARED_DEP_KEYS.includes(key), `${request} -> ${global}`);
    }
  });

  it('finds the package of a resolved file, scoped or not, nested or not', () => {
    assert.equal(packageOfPath('/r/node_modules/react/index.js'), 'react');
    assert.equal(
      packageOfPath('/r/node_modules/@elastic/eui/lib/components/button/button.js'),
      '@elastic/eui'
    );
    assert.equal(packageOfPath('/r/node_modules/a/node_modules/lodash/get.js'), 'lodash');
    assert.equal(packageOfPath('/r/public/app.tsx'), undefined);
    assert.ok(NEVER_BUNDLED_PACKAGES.includes('@elastic/eui'));
  });
});

describe('webpack configuration', () => {
  const config = createWebpackConfig({
    pluginId: 'pinpoint',
    repoRoot: '/repo',
    entryPath: '/repo/target/osd_entry/pinpoint.entry.js',
    publicIndexFile: '/repo/public/index.ts',
    outputDir: '/repo/target/public',
  });

  it('externalises every shared dependency', () => {
    assert.deepEqual(config.externals, OSD_SHARED_DEPS);
    assert.equal(config.externalsType, 'var');
  });

  it('names files and the chunk global like the OSD optimizer, unique to the plugin', () => {
    assert.equal(config.output?.filename, 'pinpoint.plugin.js');
    assert.equal(config.output?.chunkFilename, 'pinpoint.chunk.[id].js');
    assert.equal(config.output?.chunkLoadingGlobal, chunkLoadingGlobal('pinpoint'));
    assert.notEqual(chunkLoadingGlobal('pinpoint'), chunkLoadingGlobal('other'));
    assert.notEqual(chunkLoadingGlobal('pinpoint'), 'webpackChunk');
    assert.equal(config.mode, 'production');
    assert.equal(config.output?.path, path.normalize('/repo/target/public'));
  });

  it('generates an entry that sets the public path first and defines the bundle the way OSD reads it', () => {
    const source = entrySource('pinpoint', '../../public/index.ts');
    const lines = source.trim().split('\n');
    assert.equal(lines[0], `__webpack_public_path__ = window.__osdPublicPath__["pinpoint"];`);
    assert.equal(
      lines[lines.length - 1],
      `__osdBundles__.define("plugin/pinpoint/public", __webpack_require__, require.resolve("../../public/index.ts"));`
    );
  });
});

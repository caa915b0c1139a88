import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import {
  ALLOWED_MANIFEST_KEYS,
  buildManifest,
  pluginVersionFor,
  trimPackageJson,
} from './manifest';

const repoManifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'opensearch_dashboards.json'), 'utf8')
);

describe('buildManifest', () => {
  it('targets exactly the requested OSD release', () => {
    for (const osdVersion of ['2.19.3', '2.18.0']) {
      const manifest = buildManifest(repoManifest, osdVersion);
      assert.equal(manifest.opensearchDashboardsVersion, osdVersion);
      assert.equal(manifest.version, `${osdVersion}.0`);
      assert.equal(manifest.id, 'pinpoint');
      assert.equal(manifest.ui, true);
      assert.equal(manifest.server, true);
    }
  });

  it('keeps the repository manifest within the keys OSD accepts', () => {
    const manifest = buildManifest(repoManifest, '2.19.3');
    for (const key of Object.keys(manifest)) {
      assert.ok((ALLOWED_MANIFEST_KEYS as readonly string[]).includes(key), key);
    }
    assert.deepEqual(manifest.requiredPlugins, repoManifest.requiredPlugins);
  });

  it('refuses keys OSD would reject at startup', () => {
    assert.throws(
      () => buildManifest({ ...repoManifest, description: 'x' }, '2.19.3'),
      /keys OSD rejects at startup: description/
    );
  });

  it('refuses ids the installer rejects', () => {
    for (const id of ['pin.point', 'Pinpoint', 'pinpoint-dashboards', 'p', '1pinpoint', 42]) {
      assert.throws(
        () => buildManifest({ ...repoManifest, id }, '2.19.3'),
        /camelCase/,
        String(id)
      );
    }
  });

  it('refuses a plugin that is neither ui nor server', () => {
    assert.throws(
      () => buildManifest({ ...repoManifest, ui: false, server: false }, '2.19.3'),
      /ui or server/
    );
  });

  it('refuses a version that is not x.y.z', () => {
    assert.throws(() => buildManifest(repoManifest, '2.19'), /not an OSD release/);
  });

  it('derives the plugin version from the OSD version', () => {
    assert.equal(pluginVersionFor('2.19.3'), '2.19.3.0');
  });
});

describe('trimPackageJson', () => {
  it('ships name, version, private and runtime dependencies only', () => {
    const trimmed = trimPackageJson(
      {
        name: 'pinpoint-dashboards',
        version: '0.0.1',
        scripts: { build: 'x' },
        bin: { a: 'b' },
        dependencies: { commander: '^12.1.0' },
        devDependencies: { react: '16.14.0' },
      },
      '2.19.3.0'
    );
    assert.deepEqual(trimmed, {
      name: 'pinpoint-dashboards',
      version: '2.19.3.0',
      private: true,
      dependencies: { commander: '^12.1.0' },
    });
  });
});

/** The host refuses a manifest the way OSD 2.x's installer and plugin discovery would. */
import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { isVersionCompatible, parseManifest } from './plugin_manifest';

const good = {
  id: 'pinpoint',
  version: '2.19.3.0',
  opensearchDashboardsVersion: '2.19.3',
  server: true,
  ui: true,
  requiredPlugins: [],
  optionalPlugins: [],
};
const parse = (m: unknown, v = '2.19.3') => parseManifest(JSON.stringify(m), v);

test('a 2.19.3 manifest installs into 2.19.3 and not into 2.19.2', () => {
  assert.equal(parse(good).id, 'pinpoint');
  assert.throws(
    () => parse(good, '2.19.2'),
    /Plugin pinpoint \[2\.19\.3\] is incompatible with OpenSearch Dashboards \[2\.19\.2\]/
  );
});

test('opensearchDashboardsVersion defaults to version; "opensearchDashboards" matches any release', () => {
  const { opensearchDashboardsVersion: _omit, ...noOsd } = good;
  assert.equal(parse({ ...noOsd, version: '2.19.3' }).opensearchDashboardsVersion, '2.19.3');
  assert.equal(isVersionCompatible('opensearchDashboards', '2.7.0'), true);
  assert.equal(isVersionCompatible('2.19.3.0', '2.19.3'), true);
});

test('unknown keys, ids the installer refuses, and neither server nor ui are errors', () => {
  assert.throws(
    () => parse({ ...good, description: 'x' }),
    /contains the following unrecognized properties: description/
  );
  assert.throws(() => parse({ ...good, id: 'pin.point' }), /must not include `\.`/);
  assert.throws(() => parse({ ...good, id: 'Pinpoint' }), /the installer requires/);
  assert.throws(
    () => parse({ ...good, server: false, ui: false }),
    /at least one of these must be set to "true"/
  );
  assert.throws(() => parse({ ...good, requiredPlugins: 'data' }), /should be an array of strings/);
});

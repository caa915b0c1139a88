import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DEFAULT_OSD_VERSION } from '../../common/constants';
import { BuildUsageError, isValidOsdVersion, parseBuildArgs, zipFileName } from './args';

describe('parseBuildArgs', () => {
  it('defaults to the OSD release in common/constants', () => {
    assert.deepEqual(parseBuildArgs([]), { osdVersion: DEFAULT_OSD_VERSION });
  });

  it('takes --osd-version as two arguments or with =', () => {
    assert.deepEqual(parseBuildArgs(['--osd-version', '2.18.0']), { osdVersion: '2.18.0' });
    assert.deepEqual(parseBuildArgs(['--osd-version=2.17.1']), { osdVersion: '2.17.1' });
  });

  it('refuses anything but an exact x.y.z release, saying what it wants', () => {
    for (const bad of ['2.19', '2.19.3.0', 'v2.19.3', '2.19.x', '02.19.3', '2.19.3-SNAPSHOT', '']) {
      assert.throws(
        () => parseBuildArgs(['--osd-version', bad]),
        (error: Error) => error instanceof BuildUsageError && /x\.y\.z/.test(error.message),
        bad
      );
    }
  });

  it('refuses a missing value and unknown arguments', () => {
    assert.throws(() => parseBuildArgs(['--osd-version']), /needs a value/);
    assert.throws(() => parseBuildArgs(['--osd-version', '--verbose']), /needs a value/);
    assert.throws(() => parseBuildArgs(['--verbose']), /unknown argument "--verbose"/);
  });
});

describe('per-version artifacts', () => {
  it('names one zip per target release', () => {
    assert.equal(zipFileName('2.19.3'), 'pinpoint-2.19.3.zip');
    assert.equal(zipFileName('2.18.0'), 'pinpoint-2.18.0.zip');
    assert.notEqual(zipFileName('2.19.3'), zipFileName('2.19.2'));
  });

  it('accepts multi-digit components', () => {
    assert.equal(isValidOsdVersion('2.19.10'), true);
    assert.equal(isValidOsdVersion('10.0.0'), true);
  });
});

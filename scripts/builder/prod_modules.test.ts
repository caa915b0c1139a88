import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { productionTreeKey, type LockEntry, type Lockfile } from './prod_modules';

const lock = (extra: Record<string, LockEntry> = {}): Lockfile => ({
  lockfileVersion: 3,
  packages: {
    '': { name: 'x' },
    'node_modules/commander': { version: '12.1.0', integrity: 'sha512-a' },
    'node_modules/react': { version: '16.14.0', integrity: 'sha512-b', dev: true },
    ...extra,
  },
});
const pkg = { dependencies: { commander: '^12.1.0' } };

describe('productionTreeKey (cache key of the production node_modules)', () => {
  it('is stable for the same tree', () => {
    assert.equal(productionTreeKey(pkg, lock()), productionTreeKey(pkg, lock()));
  });

  it('ignores changes to dev-only packages', () => {
    const changed = lock({ 'node_modules/webpack': { version: '5.0.0', dev: true } });
    assert.equal(productionTreeKey(pkg, changed), productionTreeKey(pkg, lock()));
  });

  it('changes when a production package or the dependency list changes', () => {
    const bumped = lock({ 'node_modules/commander': { version: '12.2.0', integrity: 'sha512-c' } });
    assert.notEqual(productionTreeKey(pkg, bumped), productionTreeKey(pkg, lock()));
    const added = { dependencies: { ...pkg.dependencies, ms: '^2.1.3' } };
    assert.notEqual(productionTreeKey(added, lock()), productionTreeKey(pkg, lock()));
  });

  it('refuses a lockfile from npm 6, which has no packages map', () => {
    assert.throws(() => productionTreeKey(pkg, { lockfileVersion: 1 }), /lockfileVersion 2 or 3/);
  });
});

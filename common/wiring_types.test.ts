import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { countStatuses, worstStatus } from './wiring_types';

describe('status arithmetic', () => {
  it('a group is as bad as its worst check; skipped only when all are skipped', () => {
    assert.equal(worstStatus(['pass', 'warn', 'unknown']), 'warn');
    assert.equal(worstStatus(['pass', 'fail', 'warn']), 'fail');
    assert.equal(worstStatus(['pass', 'unknown']), 'unknown');
    assert.equal(worstStatus(['skipped', 'pass']), 'pass');
    assert.equal(worstStatus(['skipped']), 'skipped');
    assert.equal(worstStatus([]), 'skipped');
  });

  it('counts every status', () => {
    const check = (status: 'pass' | 'fail') => ({
      id: 'x',
      hop: 'identity' as const,
      title: '',
      status,
      message: '',
      evidence: {},
    });
    assert.deepEqual(countStatuses([check('pass'), check('fail'), check('pass')]), {
      pass: 2,
      warn: 0,
      fail: 1,
      unknown: 0,
      skipped: 0,
    });
  });
});

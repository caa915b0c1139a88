import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { countsFromJest, selectTiers } from './test_tiers';

test('countsFromJest counts a file that could not run as a failure', () => {
  assert.deepEqual(
    countsFromJest({
      numPassedTests: 12,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 1,
      numRuntimeErrorTestSuites: 1,
    }),
    { passed: 12, failed: 2, skipped: 3 }
  );
});

test('selectTiers keeps the canonical order and rejects unknown names', () => {
  assert.deepEqual(
    selectTiers([]).map((t) => t.name),
    ['static', 'build', 'unit', 'integration', 'conformance', 'browser', 'engines']
  );
  assert.deepEqual(
    selectTiers(['integration', 'unit']).map((t) => t.name),
    ['unit', 'integration']
  );
  assert.throws(() => selectTiers(['integartion']), /unknown tier integartion/);
});

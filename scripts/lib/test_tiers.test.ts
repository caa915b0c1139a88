import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findTestFiles, parseSpecCounts, selectTiers } from './test_tiers';

test('parseSpecCounts reads the last totals block of the spec reporter', () => {
  const output = [
    'ℹ pass 99', // printed by a test, before the real totals
    '✔ something (1ms)',
    'ℹ tests 4',
    'ℹ pass 2',
    'ℹ fail 1',
    'ℹ cancelled 1',
    'ℹ skipped 0',
    'ℹ todo 0',
  ].join('\n');
  assert.deepEqual(parseSpecCounts(output), {
    pass: 2,
    fail: 1,
    cancelled: 1,
    skipped: 0,
    todo: 0,
  });
});

test('parseSpecCounts returns undefined when the runner printed no totals', () => {
  assert.equal(parseSpecCounts('Error: Cannot find module tsx\n'), undefined);
});

test('selectTiers keeps the canonical order and rejects unknown names', () => {
  assert.deepEqual(
    selectTiers([]).map((t) => t.name),
    ['static', 'build', 'unit', 'integration', 'conformance', 'browser']
  );
  assert.deepEqual(
    selectTiers(['integration', 'unit']).map((t) => t.name),
    ['unit', 'integration']
  );
  assert.throws(() => selectTiers(['integartion']), /unknown tier integartion/);
});

test('findTestFiles finds .test.ts and .test.tsx files and skips node_modules', () => {
  const root = mkdtempSync(join(tmpdir(), 'tiers-'));
  try {
    for (const file of [
      'server/a.test.ts',
      'server/deep/b.test.tsx',
      'server/c.ts',
      'server/node_modules/x/d.test.ts',
    ]) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    assert.deepEqual(findTestFiles(root, ['server', 'missing']), [
      'server/a.test.ts',
      'server/deep/b.test.tsx',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

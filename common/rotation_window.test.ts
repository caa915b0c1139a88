import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { rotatedIndexName, type IndexRotation } from './index_naming';
import { FIREHOSE_LATE_DELIVERY_MS } from './repair';
import { parseRotatedIndex, writeWindow } from './rotation_window';

test('parses back every name Firehose rotation produces, with the period that contains the date', () => {
  const rotations: Array<Exclude<IndexRotation, 'NoRotation'>> = [
    'OneHour',
    'OneDay',
    'OneWeek',
    'OneMonth',
  ];
  const dates = [
    '2016-02-25T13:45:00Z',
    '2020-05-18T00:00:00Z',
    '2021-01-03T23:59:59Z',
    '2026-12-31T12:00:00Z',
  ];
  for (const rotation of rotations) {
    for (const iso of dates) {
      const date = new Date(iso);
      const name = rotatedIndexName('pinpoint', date, rotation);
      const parsed = parseRotatedIndex(name);
      assert.ok(parsed, `${name} not parsed`);
      assert.equal(parsed.rotation, rotation, name);
      assert.equal(parsed.prefix, 'pinpoint');
      assert.ok(parsed.start.getTime() <= date.getTime(), `${name} starts after ${iso}`);
      assert.ok(date.getTime() < parsed.end.getTime(), `${name} ends before ${iso}`);
    }
  }
});

test('a prefix with dashes and digits keeps them', () => {
  assert.deepEqual(parseRotatedIndex('my-app-2-2020-05-18')?.prefix, 'my-app-2');
  assert.equal(parseRotatedIndex('my-app-2-2020-05-18')?.rotation, 'OneDay');
});

test('names without a real period are not rotated', () => {
  for (const name of [
    'pinpoint',
    'pinpoint-2020-13-01',
    'pinpoint-2020-02-30',
    'pinpoint-2020-w54',
    'pinpoint-2020-05-18-24',
    'pinpoint-latest',
  ]) {
    assert.equal(parseRotatedIndex(name), undefined, name);
  }
});

test("today's daily index is open until 00:00 UTC tomorrow plus the late-delivery allowance", () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const today = writeWindow('pinpoint-2026-11-25', now);
  assert.equal(today.state, 'open');
  assert.equal(
    today.state === 'open' && today.repairableAfter.toISOString(),
    new Date(Date.parse('2026-11-26T00:00:00Z') + FIREHOSE_LATE_DELIVERY_MS).toISOString()
  );
  // Yesterday's index is still open just after midnight, closed once the allowance has passed.
  assert.equal(writeWindow('pinpoint-2026-11-24', new Date('2026-11-25T00:05:00Z')).state, 'open');
  assert.equal(
    writeWindow('pinpoint-2026-11-24', new Date('2026-11-25T00:20:00Z')).state,
    'closed'
  );
  assert.equal(writeWindow('pinpoint-2026-11-20', now).state, 'closed');
  // An index named for a future day is open (Firehose will write it).
  assert.equal(writeWindow('pinpoint-2026-11-26', now).state, 'open');
  assert.equal(writeWindow('pinpoint', now).state, 'unknown');
});

import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { markerOf, windowRefusal } from './planner';

const LATE = 20 * 60_000;

test("refuses today's index and says when it can be repaired", () => {
  const refusal = windowRefusal('pinpoint-2026-11-25', new Date('2026-11-25T15:00:00Z'), LATE);
  assert.ok(refusal);
  assert.equal(refusal.repairableAfter, '2026-11-26T00:20:00.000Z');
  assert.match(
    refusal.message,
    /Firehose is writing now; it can be repaired after 2026-11-26T00:20:00.000Z/
  );
});

test('refuses an index without a date in its name; allows a past day', () => {
  assert.match(windowRefusal('pinpoint', new Date(), LATE)?.message ?? '', /no date in its name/);
  assert.equal(
    windowRefusal('pinpoint-2026-11-20', new Date('2026-11-25T15:00:00Z'), LATE),
    undefined
  );
});

test("the copy's marker is read from its mapping's _meta", () => {
  assert.deepEqual(markerOf({ _meta: { pinpoint_repair: { source: 's', jobId: 'j' } } }), {
    source: 's',
    jobId: 'j',
  });
  assert.equal(markerOf({ properties: {} }), undefined);
  assert.equal(markerOf(undefined), undefined);
});

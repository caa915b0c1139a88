import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  conflictsCheck,
  fieldLimitCheck,
  freshnessCheck,
  timestampsCheck,
} from './findings_indices';
import { freshnessCandidates } from './freshness';
import type { IndexScan, ScannedIndex } from './index_scan';

function index(name: string, over: Partial<ScannedIndex> = {}): ScannedIndex {
  return {
    name,
    creationDate: 0,
    fieldCount: 100,
    fieldLimit: 1000,
    dateFields: { arrival_timestamp: 'date', event_timestamp: 'date' },
    fromOurTemplate: true,
    ...over,
  };
}

function scan(
  indices: ScannedIndex[],
  conflicts: Array<[string, Record<string, string[]>]> = []
): IndexScan {
  return {
    pattern: 'p*',
    indices,
    conflicts: new Map(conflicts.map(([f, byType]) => [f, new Map(Object.entries(byType))])),
    fieldTypes: new Map(),
  };
}

const NOW = new Date('2026-11-25T10:00:00Z');

describe('index checks', () => {
  it('lists exactly the indices whose arrival or event timestamp is not a date', () => {
    const s = scan([
      index('p-1', {
        dateFields: { arrival_timestamp: 'long', event_timestamp: 'long' },
        fromOurTemplate: false,
      }),
      index('p-2', {
        dateFields: { arrival_timestamp: 'date', event_timestamp: 'long' },
        fromOurTemplate: false,
      }),
      index('p-3'),
      index('p-4', { dateFields: {} }),
    ]);
    const f = timestampsCheck('p', s, new Date());
    assert.equal(f.status, 'fail');
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-1', 'p-2'] });
  });

  it('offers to repair only what Firehose has stopped writing, and says when the rest can be', () => {
    const s = scan([
      index('p-2026-11-24', { dateFields: { arrival_timestamp: 'long' }, fromOurTemplate: false }),
      index('p-2026-11-25', { dateFields: { arrival_timestamp: 'long' }, fromOurTemplate: false }),
    ]);
    const f = timestampsCheck('p', s, new Date('2026-11-25T10:00:00Z'));
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-2026-11-24'] });
    assert.match(
      f.remedy?.text ?? '',
      /p-2026-11-25 can be repaired after 00:20 UTC on 2026-11-26/
    );
  });

  it('blames the indices our template did not create for a type conflict', () => {
    const s = scan(
      [index('p-old', { fromOurTemplate: false }), index('p-new1'), index('p-new2')],
      [['metrics.price', { long: ['p-old'], double: ['p-new1', 'p-new2'] }]]
    );
    const f = conflictsCheck(s, NOW);
    assert.equal(f.status, 'warn');
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-old'] });
  });

  it('offers no repair for a conflict among indices the template made', () => {
    const s = scan([index('p-1'), index('p-2')], [['custom', { long: ['p-1'], keyword: ['p-2'] }]]);
    assert.equal(conflictsCheck(s, NOW).remedy?.fix, undefined);
  });

  it('warns at 80% of the field limit and fails at the limit', () => {
    assert.equal(fieldLimitCheck(scan([index('a', { fieldCount: 790 })])).status, 'pass');
    assert.equal(fieldLimitCheck(scan([index('a', { fieldCount: 800 })])).status, 'warn');
    assert.equal(fieldLimitCheck(scan([index('a', { fieldCount: 1000 })])).status, 'fail');
  });

  it('judges freshness against now, and knows an archive may have stopped with Pinpoint', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const s = scan([index('p-1')]);
    assert.equal(
      freshnessCheck(
        'p',
        s,
        { latest: now.getTime() - 3_600_000, index: 'p-1', searched: ['p-1'] },
        now
      ).status,
      'pass'
    );
    const stale = freshnessCheck(
      'p',
      s,
      { latest: Date.parse('2026-10-29T10:00:00Z'), index: 'p-1', searched: ['p-1'] },
      now
    );
    assert.equal(stale.status, 'warn');
    assert.match(stale.remedy?.text ?? '', /end of support/);
    assert.equal(
      freshnessCheck('p', scan([]), { latest: null, index: null, searched: [] }, now).status,
      'warn'
    );
  });

  // Bug 5, day one: before, the only index (today's) made the report fail with nothing the user could do.
  it("day one: today's index is a warning with the time it becomes repairable, with no Repair button", () => {
    const s = scan([
      index('p-2026-11-25', { dateFields: { arrival_timestamp: 'long' }, fromOurTemplate: false }),
    ]);
    const f = timestampsCheck('p', s, NOW);
    assert.equal(f.status, 'warn');
    assert.equal(f.remedy?.fix, undefined);
    assert.match(f.message, /cannot be repaired yet/);
    assert.match(f.message, /after 00:20 UTC on 2026-11-26/);
    assert.equal(f.evidence.bad[0].repairableAfter, '2026-11-26T00:20:00.000Z');
  });

  // Bug 5, partial repair: before, the conflicts between repaired and unrepaired indices were a second
  // warning with a second set of Repair buttons (today's index among them).
  it('after a partial repair: one "repair pending" check; the conflicts it explains are not another', () => {
    const repaired = index('p-2026-11-23-repaired');
    const s = scan(
      [
        repaired,
        index('p-2026-11-24', {
          dateFields: { arrival_timestamp: 'long' },
          fromOurTemplate: false,
        }),
        index('p-2026-11-25', {
          dateFields: { arrival_timestamp: 'long' },
          fromOurTemplate: false,
        }),
      ],
      [
        ['arrival_timestamp', { date: [repaired.name], long: ['p-2026-11-24', 'p-2026-11-25'] }],
        ['event_type', { keyword: [repaired.name], text: ['p-2026-11-24', 'p-2026-11-25'] }],
      ]
    );
    const ts = timestampsCheck('p', s, NOW);
    assert.equal(ts.status, 'fail');
    assert.match(ts.message, /^Repair pending: /);
    assert.equal(ts.evidence.repairedCount, 1);
    assert.deepEqual(ts.remedy?.fix, { kind: 'repair_indices', indices: ['p-2026-11-24'] });
    const conflicts = conflictsCheck(s, NOW);
    assert.equal(conflicts.status, 'pass');
    assert.equal(conflicts.remedy, undefined);
    assert.deepEqual(conflicts.evidence.pendingRepairFields, ['arrival_timestamp', 'event_type']);
  });

  it("never offers today's index for repair from the conflicts check either", () => {
    const s = scan(
      [index('p-2026-11-24'), index('p-2026-11-25', { fromOurTemplate: false })],
      [['event_type', { keyword: ['p-2026-11-24'], text: ['p-2026-11-25'] }]]
    );
    const f = conflictsCheck(s, NOW);
    assert.equal(f.status, 'warn');
    assert.notEqual(f.remedy?.fix?.kind, 'repair_indices');
  });

  it('says "1 index" and "2 fields", not "index(es)" or "field(s)"', () => {
    const s = scan(
      [index('p-old', { fromOurTemplate: false }), index('p-new')],
      [
        ['a', { long: ['p-old'], keyword: ['p-new'] }],
        ['b', { long: ['p-old'], keyword: ['p-new'] }],
      ]
    );
    const f = conflictsCheck(s, NOW);
    assert.match(f.message, /^2 fields have/);
    assert.match(f.remedy?.text ?? '', /the 1 index not created/);
  });

  // Bug 6: before, only the 3 newest indices by creation date were searched, so after a repair (the copies
  // are the newest) today's unrepaired index was left out and yesterday's event reported as the latest.
  it('looks for the latest event in the newest indices by name as well as by creation date', () => {
    const settings = [
      { name: 'p-2026-11-25', creationDate: 100, fieldLimit: 1000 },
      { name: 'p-2026-11-21-repaired', creationDate: 900, fieldLimit: 1000 },
      { name: 'p-2026-11-22-repaired', creationDate: 901, fieldLimit: 1000 },
      { name: 'p-2026-11-23-repaired', creationDate: 902, fieldLimit: 1000 },
      { name: 'p-2026-11-20', creationDate: 50, fieldLimit: 1000 },
      { name: 'p-2026-11-19', creationDate: 40, fieldLimit: 1000 },
      { name: 'p-2026-11-18', creationDate: 30, fieldLimit: 1000 },
      { name: 'p-2026-11-17', creationDate: 20, fieldLimit: 1000 },
    ];
    const searched = freshnessCandidates(settings);
    assert.ok(searched.includes('p-2026-11-25'), searched.join(', '));
    assert.ok(!searched.includes('p-2026-11-17'));
    assert.equal(searched.length, 6, 'a fixed number of names, whatever the number of indices');
  });
});

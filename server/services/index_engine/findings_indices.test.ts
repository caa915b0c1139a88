import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  conflictsFinding,
  fieldLimitFinding,
  freshnessFinding,
  timestampsFinding,
} from './findings_indices';
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

describe('index findings', () => {
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
    const f = timestampsFinding('p', s, new Date());
    assert.equal(f.status, 'fail');
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-1', 'p-2'] });
  });

  it('offers to repair only what Firehose has stopped writing, and says when the rest can be', () => {
    const s = scan([
      index('p-2026-11-24', { dateFields: { arrival_timestamp: 'long' }, fromOurTemplate: false }),
      index('p-2026-11-25', { dateFields: { arrival_timestamp: 'long' }, fromOurTemplate: false }),
    ]);
    const f = timestampsFinding('p', s, new Date('2026-11-25T10:00:00Z'));
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-2026-11-24'] });
    assert.match(
      f.remedy?.text ?? '',
      /p-2026-11-25 can be repaired after 2026-11-26T00:20:00.000Z/
    );
  });

  it('blames the indices our template did not create for a type conflict', () => {
    const s = scan(
      [index('p-old', { fromOurTemplate: false }), index('p-new1'), index('p-new2')],
      [['metrics.price', { long: ['p-old'], double: ['p-new1', 'p-new2'] }]]
    );
    const f = conflictsFinding(s);
    assert.equal(f.status, 'warn');
    assert.deepEqual(f.remedy?.fix, { kind: 'repair_indices', indices: ['p-old'] });
  });

  it('offers no repair for a conflict among indices the template made', () => {
    const s = scan([index('p-1'), index('p-2')], [['custom', { long: ['p-1'], keyword: ['p-2'] }]]);
    assert.equal(conflictsFinding(s).remedy?.fix, undefined);
  });

  it('warns at 80% of the field limit and fails at the limit', () => {
    assert.equal(fieldLimitFinding(scan([index('a', { fieldCount: 790 })])).status, 'ok');
    assert.equal(fieldLimitFinding(scan([index('a', { fieldCount: 800 })])).status, 'warn');
    assert.equal(fieldLimitFinding(scan([index('a', { fieldCount: 1000 })])).status, 'fail');
  });

  it('judges freshness against now, and knows an archive may have stopped with Pinpoint', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const s = scan([index('p-1')]);
    assert.equal(
      freshnessFinding('p', s, { latest: now.getTime() - 3_600_000, searched: ['p-1'] }, now)
        .status,
      'ok'
    );
    const stale = freshnessFinding(
      'p',
      s,
      { latest: Date.parse('2026-10-29T10:00:00Z'), searched: ['p-1'] },
      now
    );
    assert.equal(stale.status, 'warn');
    assert.match(stale.remedy?.text ?? '', /end of support/);
    assert.equal(
      freshnessFinding('p', scan([]), { latest: null, searched: [] }, now).status,
      'warn'
    );
  });
});

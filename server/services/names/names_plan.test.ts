import { describe, expect, it } from '@jest/globals';
import type { NameEntry } from './names_index';
import { planWrites, type StoredName } from './names_plan';

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';
const C = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const T = '2026-12-01T00:00:00.000Z';

const stored = (entry: Partial<NameEntry> & { id: string }, seqNo = 7): [string, StoredName] => [
  entry.id,
  {
    entry: { name: 'old', source: 'pinpoint-api', updatedAt: T, ...entry } as NameEntry,
    seqNo,
    primaryTerm: 1,
  },
];

describe('planWrites', () => {
  it('a refresh keeps typed and imported names, creates new ids, replaces API names at the version read', () => {
    const plan = planWrites(
      [
        { id: A, name: 'From API', kind: 'campaign', applicationId: C },
        { id: B, name: 'From API', kind: 'campaign', applicationId: C },
        { id: C, name: 'New', kind: 'journey', applicationId: C },
      ],
      new Map([stored({ id: A, source: 'user' }), stored({ id: B, source: 'pinpoint-api' }, 9)]),
      'pinpoint-api',
      T
    );
    expect(plan.kept).toEqual([A]);
    expect(plan.writes).toEqual([
      {
        op: 'index',
        doc: {
          id: B,
          name: 'From API',
          source: 'pinpoint-api',
          kind: 'campaign',
          applicationId: C,
          updatedAt: T,
        },
        ifSeqNo: 9,
        ifPrimaryTerm: 1,
      },
      {
        op: 'create',
        doc: {
          id: C,
          name: 'New',
          source: 'pinpoint-api',
          kind: 'journey',
          applicationId: C,
          updatedAt: T,
        },
      },
    ]);
  });

  it('a CSV name replaces an API one and keeps its kind and application; the same name again is unchanged', () => {
    const map = new Map([
      stored({ id: A, kind: 'journey', applicationId: C }),
      stored({ id: B, name: 'same', source: 'csv' }),
    ]);
    const plan = planWrites(
      [
        { id: A, name: 'Mine' },
        { id: B, name: 'same' },
      ],
      map,
      'csv',
      T
    );
    expect(plan.unchanged).toEqual([B]);
    expect(plan.writes).toEqual([
      {
        op: 'index',
        doc: {
          id: A,
          name: 'Mine',
          source: 'csv',
          kind: 'journey',
          applicationId: C,
          updatedAt: T,
        },
      },
    ]);
    expect(
      planWrites([{ id: A, name: 'csv' }], new Map([stored({ id: A, source: 'csv' })]), 'user', T)
        .writes
    ).toHaveLength(1);
  });
});

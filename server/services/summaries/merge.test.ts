import { describe, expect, it } from '@jest/globals';
import type { EventRow } from '../../../common/campaigns/fold';
import type { EntityRows } from '../campaigns/composite';
import { GroupFold } from '../campaigns/group_fold';
import { countsDocsOfFold, mergeCountsDocs, mergeFolds } from './merge';
import { withoutEndpointMetrics, endpointMetrics } from './endpoints';
import { PINPOINT_SOURCE } from '../../../common/sources/pinpoint';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01';
const row = (eventType: string, count = 1): EventRow => ({ eventType, dims: {}, count, sums: {} });
const message = (id: string, split: string, rows: EventRow[]): EntityRows => ({
  key: [C, id, split],
  rows,
});

/** One day's messages, folded as the raw path folds them (key order). */
function foldOf(entities: EntityRows[]): GroupFold {
  const fold = new GroupFold();
  for (const e of [...entities].sort((a, b) =>
    JSON.stringify(a.key).localeCompare(JSON.stringify(b.key))
  ))
    fold.add(e);
  fold.end();
  return fold;
}

const day1 = [
  message('m1', '0', [row('_email.send'), row('_email.delivered'), row('_email.open', 2)]),
  message('m2', '1', [row('_email.send'), row('_email.hardbounce')]),
];
const day2 = [
  message('m3', '0', [row('_email.send'), row('_email.delivered'), row('_email.click')]),
  message('m4', '1', [row('_email.send'), row('_email.delivered'), row('_email.open')]),
];

describe('summary merging', () => {
  it('a day written as documents and read back is the same fold', () => {
    const fold = foldOf(day1);
    const back = new GroupFold();
    mergeCountsDocs(back, countsDocsOfFold(fold, '2026-03-10', 'campaign'));
    expect(back.groups).toEqual(fold.groups);
  });

  it('days summed from documents equal one fold over both days (messages belong to one day)', () => {
    const docs = [
      ...countsDocsOfFold(foldOf(day1), '2026-03-10', 'campaign'),
      ...countsDocsOfFold(foldOf(day2), '2026-03-11', 'campaign'),
    ];
    const summed = new GroupFold();
    mergeCountsDocs(summed, docs.reverse());
    expect(summed.groups).toEqual(foldOf([...day1, ...day2]).groups);
    const g = summed.groups.get(C)!;
    expect(g.counts['email.sent']).toBe(4);
    expect(g.counts['email.opens']).toBe(3);
    expect(g.splits.get('1')!['email.hardBounced']).toBe(1);
  });

  it('a summary fold plus a raw fold is the fold of both', () => {
    const summary = new GroupFold();
    mergeCountsDocs(summary, countsDocsOfFold(foldOf(day1), '2026-03-10', 'campaign'));
    mergeFolds(summary, foldOf(day2));
    expect(summary.groups).toEqual(foldOf([...day1, ...day2]).groups);
  });

  it('endpoint metrics are kept out of the day counts (they are not additive over days)', () => {
    const metrics = endpointMetrics(PINPOINT_SOURCE);
    expect(metrics.sort()).toEqual(['endpointsTargeted', 'push.opened']);
    expect(
      withoutEndpointMetrics({ 'email.sent': 2, endpointsTargeted: 5, 'push.opened': 1 }, metrics)
    ).toEqual({ 'email.sent': 2 });
  });
});

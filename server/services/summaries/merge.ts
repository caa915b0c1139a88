/**
 * Between a fold and its summary documents, both ways. A send day's documents hold exactly that day's fold
 * (the group's counts under split "", each split's under its id); reading sums them over days, which is exact
 * because every event of a message carries its one send time (`event_timestamp`), so a message belongs to
 * one day.
 */
import type { Counts } from '../../../common/campaigns/fold';
import type { GroupFold } from '../campaigns/group_fold';
import type { CountsDoc } from './summary_index';

export function countsDocsOfFold(
  fold: GroupFold,
  day: string,
  groupKind: CountsDoc['groupKind']
): CountsDoc[] {
  const out: CountsDoc[] = [];
  for (const [groupId, g] of fold.groups) {
    out.push({ type: 'counts', day, groupKind, groupId, split: '', counts: g.counts });
    for (const [split, counts] of g.splits) {
      out.push({ type: 'counts', day, groupKind, groupId, split, counts });
    }
  }
  return out;
}

/** Adds summary documents (any days, any order) into a fold. */
export function mergeCountsDocs(fold: GroupFold, docs: Iterable<CountsDoc>): void {
  const byGroup = new Map<string, { counts: Counts; splits: Map<string, Counts> }>();
  for (const doc of docs) {
    let g = byGroup.get(doc.groupId);
    if (!g) byGroup.set(doc.groupId, (g = { counts: {}, splits: new Map() }));
    if (doc.split === '') add(g.counts, doc.counts);
    else {
      let s = g.splits.get(doc.split);
      if (!s) g.splits.set(doc.split, (s = {}));
      add(s, doc.counts);
    }
  }
  for (const [id, g] of byGroup) fold.mergeGroup(id, g.counts, g.splits);
}

/** Adds another fold's groups (the raw part of a report) into a fold. */
export function mergeFolds(into: GroupFold, from: GroupFold): void {
  for (const [id, g] of from.groups) into.mergeGroup(id, g.counts, g.splits);
}

function add(into: Counts, from: Counts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

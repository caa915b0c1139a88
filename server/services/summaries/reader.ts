/**
 * The campaigns service's counter over summaries plus raw events. For a report's range it decides which
 * whole UTC days the summaries serve: a day that was summarised and that no unsummarised or changed index
 * (today's, a new one, one with late retries) holds events of. Those days come from the summaries (also after
 * their raw indices are deleted); the rest of the range — partial days, today, touched days — is read raw,
 * with the summary days filtered out, and the two folds are added. No summaries: the raw path, unchanged.
 */
import { PINPOINT_SOURCE } from '../../../common/sources/pinpoint';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { rawCounter, type GroupCounter } from '../campaigns/campaigns_service';
import type { CampaignsDeps, SummaryReader } from '../campaigns/deps';
import { GroupFold } from '../campaigns/group_fold';
import {
  listArchiveIndices,
  targetExpression,
  type IndexSelection,
} from '../campaigns/index_selection';
import type { TimeRange } from '../campaigns/time_range';
import { fingerprints, sameFingerprint, sendDaysByIndex } from './archive_state';
import {
  DAY_MS,
  dayIntervals,
  dayStart,
  floorDay,
  rawIntervals,
  wholeDays,
  type Interval,
} from './days';
import { mergeCountsDocs, mergeFolds } from './merge';
import { SummaryStore, summaryIndexFor, type CountsDoc, type IndexDoc } from './summary_index';
import { endpointCounts, endpointDocId, endpointMarksOf } from './endpoint_store';
import { endpointMetrics, foldWithEndpoints, type EndpointMarks } from './endpoints';

export interface SummaryPlan {
  summaryDays: string[];
  raw: Interval[];
  allNames: string[];
}

/** Which days of the range the summaries serve, and what is left for the raw path. */
export async function planRange(
  deps: CampaignsDeps,
  store: SummaryStore,
  selection: IndexSelection,
  range: TimeRange
): Promise<SummaryPlan | null> {
  const source = deps.source ?? PINPOINT_SOURCE;
  const prefix = deps.prefix ?? DEFAULT_INDEX_PREFIX;
  const todayMs = floorDay((deps.now?.() ?? new Date()).getTime());
  const whole = wholeDays(range).filter((d) => dayStart(d) < todayMs);
  if (whole.length === 0 || !(await store.exists())) return null;
  const names = selection.indices.map((i) => i.index);
  const [recorded, current, archive] = await Promise.all([
    store.all<IndexDoc>('index'),
    fingerprints(deps.client, prefix, selection.target, names, source.arrivalTimeField),
    listArchiveIndices(deps.client, prefix),
  ]);
  const allNames = archive.allNames ?? archive.map((i) => i.index);
  // Never built: the raw path as it was.
  if (recorded.length === 0) return null;
  const byName = new Map(recorded.map((d) => [d.index, d]));
  const untrusted = names.filter((n) => !sameFingerprint(byName.get(n), current.get(n)));
  const touched = untrusted.length
    ? await sendDaysByIndex(
        deps.client,
        targetExpression(prefix, allNames, untrusted),
        source.sendTimeField,
        range
      )
    : new Map<string, Set<string>>();
  // A closed day no unsummarised index holds events of: its summary (maybe empty: no messages) is whole.
  const summaryDays = whole.filter((d) => !touched.has(d));
  return { summaryDays, raw: rawIntervals(range, summaryDays), allNames };
}

export function summaryCounter(
  deps: CampaignsDeps,
  store: SummaryStore = new SummaryStore(deps.client, summaryIndexFor(deps.prefix))
): GroupCounter {
  const source = deps.source ?? PINPOINT_SOURCE;
  const prefix = deps.prefix ?? DEFAULT_INDEX_PREFIX;
  const rawPath = rawCounter(deps);
  const metrics = endpointMetrics(source);
  // Campaigns and journeys are counted at once over the same range: plan it once.
  let plan: Promise<SummaryPlan | null> | undefined;
  return async (group, selection, range, groupId) => {
    const p = await (plan ??= planRange(deps, store, selection, range));
    if (!p || p.summaryDays.length === 0) return rawPath(group, selection, range, groupId);
    const fold = new GroupFold();
    mergeCountsDocs(
      fold,
      await store.all<CountsDoc>('counts', [
        { term: { groupKind: group.kind } },
        { terms: { day: p.summaryDays } },
        ...(groupId ? [{ term: { groupId } }] : []),
      ])
    );
    for (const [id, g] of await endpointCounts(
      store,
      group.kind,
      p.summaryDays,
      metrics,
      groupId
    )) {
      fold.mergeGroup(id, g.counts, g.splits);
    }
    let rawIndices: string[] = [];
    if (p.raw.length > 0) {
      const rawRange = { from: p.raw[0].from, to: p.raw[p.raw.length - 1].to };
      rawIndices = selection.indices
        .filter((i) => i.dayMs === undefined || i.dayMs + DAY_MS > rawRange.from - DAY_MS)
        .map((i) => i.index);
      const skip = dayIntervals(p.summaryDays)
        .filter((d) => d.from < rawRange.to && d.to > rawRange.from)
        .map((d) => ({ range: { [source.sendTimeField]: { gte: d.from, lt: d.to } } }));
      const raw = await foldWithEndpoints(deps.client, source, group, {
        target: rawIndices.length ? targetExpression(prefix, p.allNames, rawIndices) : '',
        indices: rawIndices,
        range: rawRange,
        groupId,
        filter: skip.length ? [{ bool: { must_not: skip } }] : [],
      });
      mergeFolds(fold, raw.fold);
      await takeOffCounted(store, fold, group.kind, raw.endpoints, p.summaryDays);
    }
    return { fold, summaryDays: p.summaryDays, rawIndices };
  };
}

/** An endpoint of the raw part already counted on a summary day counts once: take the raw count off. */
async function takeOffCounted(
  store: SummaryStore,
  fold: GroupFold,
  groupKind: string,
  endpoints: EndpointMarks,
  summaryDays: readonly string[]
): Promise<void> {
  if (endpoints.size === 0) return;
  const keys = [...endpoints.keys()];
  const found = await endpointMarksOf(
    store,
    keys.map((k) => endpointDocId(groupKind, k))
  );
  const days = new Set(summaryDays);
  for (const key of keys) {
    const marks = found.get(endpointDocId(groupKind, key));
    if (!marks) continue;
    const [groupId, split] = key.split('|');
    const counted: Record<string, number> = {};
    for (const metric of endpoints.get(key) ?? []) {
      if (marks.some((m) => m.startsWith(`${metric}|`) && days.has(m.slice(metric.length + 1)))) {
        counted[metric] = -1;
      }
    }
    if (Object.keys(counted).length === 0) continue;
    if (split === '') fold.mergeGroup(groupId, counted, new Map());
    else fold.mergeGroup(groupId, {}, new Map([[split, counted]]));
  }
}

/** The campaigns service's `summaries` dependency: summaries where built, raw events elsewhere. */
export function summaryReader(index?: string): SummaryReader {
  return {
    counter: (deps) =>
      summaryCounter(deps, new SummaryStore(deps.client, index ?? summaryIndexFor(deps.prefix))),
  };
}

/**
 * What the summaries cover, for the status route and `summaries status`: every archive index and its state,
 * and the summarised send days. An index is `summarised` (fingerprint unchanged), `stale` (changed since: a
 * late retry or a replay; the next build recomputes its days), `missing` (closed, never summarised), `today`
 * (still being written: always read raw), `deleted` (summarised, raw index gone: its history is kept) or
 * `excluded` (cannot be read exactly; repair it first).
 */
import { sameFingerprint } from './archive_state';
import { archiveView, storeOf } from './archive_view';
import { dayName } from './days';
import type { SummaryDeps } from './deps';
import type { DayDoc, IndexDoc } from './summary_index';

export type IndexState = 'summarised' | 'stale' | 'missing' | 'today' | 'deleted' | 'excluded';

export interface SummaryStatus {
  index: string;
  exists: boolean;
  today: string;
  /** Summarised send days, oldest first. */
  days: string[];
  firstDay: string | null;
  lastDay: string | null;
  counts: Record<IndexState, number>;
  indices: Array<{ index: string; state: IndexState; builtAt?: string; reason?: string }>;
  /** A build would change something (stale or missing indices). */
  buildNeeded: boolean;
}

export async function summaryStatus(deps: SummaryDeps): Promise<SummaryStatus> {
  const store = storeOf(deps);
  const exists = await store.exists();
  const [view, recordedIndices, dayDocs] = await Promise.all([
    archiveView(deps),
    exists ? store.all<IndexDoc>('index') : Promise.resolve([]),
    exists ? store.all<DayDoc>('day') : Promise.resolve([]),
  ]);
  const recorded = new Map(recordedIndices.map((d) => [d.index, d]));
  const closed = new Set(view.closed.map((i) => i.index));
  const indices: SummaryStatus['indices'] = [];
  for (const i of view.indices) {
    const r = recorded.get(i.index);
    const state: IndexState = !closed.has(i.index)
      ? 'today'
      : !r
        ? 'missing'
        : sameFingerprint(r, view.current.get(i.index))
          ? 'summarised'
          : 'stale';
    indices.push({ index: i.index, state, ...(r ? { builtAt: r.builtAt } : {}) });
  }
  for (const e of view.excluded)
    indices.push({ index: e.index, state: 'excluded', reason: e.reason });
  const present = new Set(view.allNames);
  for (const r of recordedIndices) {
    if (!present.has(r.index))
      indices.push({ index: r.index, state: 'deleted', builtAt: r.builtAt });
  }
  indices.sort((a, b) => a.index.localeCompare(b.index));
  const counts: Record<IndexState, number> = {
    summarised: 0,
    stale: 0,
    missing: 0,
    today: 0,
    deleted: 0,
    excluded: 0,
  };
  for (const i of indices) counts[i.state]++;
  const days = dayDocs.map((d) => d.day).sort();
  return {
    index: store.index,
    exists,
    today: dayName(view.todayMs),
    days,
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
    counts,
    indices,
    buildNeeded: counts.stale + counts.missing > 0,
  };
}

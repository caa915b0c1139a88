/**
 * Building the summaries, only when a user asks: each closed archive index whose fingerprint is new or
 * changed (a late retry, a replay) has its send days recomputed — over every closed index holding events of
 * that day, with the campaigns service's own raw fold, so a summary day equals the raw computation of that
 * day. Later builds redo only missing or changed days. A day whose recorded source index was deleted since is
 * kept as it is (recomputing it would lose the deleted index's events).
 */
import { PINPOINT_SOURCE } from '../../../common/sources/pinpoint';
import { sameFingerprint, sendDaysByIndex } from './archive_state';
import { archiveView, storeOf } from './archive_view';
import { DAY_MS, dayStart } from './days';
import type { SummaryDeps } from './deps';
import {
  addEndpointMarks,
  removeEndpointDays,
  writeEndpoints,
  type EndpointWrites,
} from './endpoint_store';
import { endpointMetrics, foldWithEndpoints, withoutEndpointMetrics } from './endpoints';
import { countsDocsOfFold } from './merge';
import { countsId, type DayDoc, type IndexDoc } from './summary_index';

export interface BuildResult {
  /** Send days (re)computed. */
  built: string[];
  /** Days left as they were because a source index of theirs has been deleted. */
  kept: string[];
  /** Closed indices newly summarised or recomputed. */
  indices: string[];
  /** Events in those indices. */
  events: number;
  tookMs: number;
  eventsPerSecond: number;
}

export type BuildProgress = (doneDays: number, totalDays: number) => void;

export async function buildSummaries(
  deps: SummaryDeps,
  onProgress?: BuildProgress
): Promise<BuildResult> {
  const started = Date.now();
  const source = deps.source ?? PINPOINT_SOURCE;
  const store = storeOf(deps);
  await store.ensure();
  const view = await archiveView(deps);
  const [recordedIndices, recordedDays] = await Promise.all([
    store.all<IndexDoc>('index'),
    store.all<DayDoc>('day'),
  ]);
  const recorded = new Map(recordedIndices.map((d) => [d.index, d]));
  const dayDocs = new Map(recordedDays.map((d) => [d.day, d]));
  const changed = view.closed
    .map((i) => i.index)
    .filter((name) => !sameFingerprint(recorded.get(name), view.current.get(name)));
  const changedSet = new Set(changed);
  const closedNames = view.closed.map((i) => i.index);
  const byDay = changed.length
    ? await sendDaysByIndex(deps.client, view.target(closedNames), source.sendTimeField)
    : new Map<string, Set<string>>();

  const affected = new Set<string>();
  for (const [day, sources] of byDay) {
    if ([...sources].some((s) => changedSet.has(s))) affected.add(day);
  }
  // A replay may have taken every event of a day out of an index: that day is recomputed too.
  for (const d of recordedDays) if (d.sources.some((s) => changedSet.has(s))) affected.add(d.day);
  // Days still being written (today's messages) are never summarised.
  const days = [...affected].filter((d) => dayStart(d) < view.todayMs).sort();

  const present = new Set(view.allNames);
  const built: string[] = [];
  const kept: string[] = [];
  const blocked = new Set<string>();
  const metrics = endpointMetrics(source);
  let pending: Array<{ id: string; doc: object }> = [];
  let pendingDays: string[] = [];
  let endpoints: EndpointWrites = new Map();
  const flush = async () => {
    const redone = pendingDays.filter((d) => dayDocs.has(d));
    await store.deleteCounts(redone);
    await removeEndpointDays(store, redone);
    await writeEndpoints(store, endpoints);
    await store.write(pending);
    pending = [];
    pendingDays = [];
    endpoints = new Map();
  };
  for (const [n, day] of days.entries()) {
    const previous = dayDocs.get(day);
    if (previous && previous.sources.some((s) => !present.has(s))) {
      kept.push(day);
      for (const s of byDay.get(day) ?? []) blocked.add(s);
      onProgress?.(n + 1, days.length);
      continue;
    }
    const sources = [...(byDay.get(day) ?? [])].sort();
    const range = { from: dayStart(day), to: dayStart(day) + DAY_MS };
    for (const group of source.groups) {
      const { fold, endpoints: marks } = await foldWithEndpoints(deps.client, source, group, {
        target: view.target(sources),
        indices: sources,
        range,
      });
      for (const doc of countsDocsOfFold(fold, day, group.kind)) {
        const counts = withoutEndpointMetrics(doc.counts, metrics);
        pending.push({ id: countsId(doc), doc: { ...doc, counts } });
      }
      addEndpointMarks(endpoints, group.kind, day, marks);
    }
    const dayDoc: DayDoc = { type: 'day', day, sources, builtAt: new Date().toISOString() };
    pending.push({ id: `day|${day}`, doc: dayDoc });
    pendingDays.push(day);
    built.push(day);
    if (pending.length + endpoints.size >= 20_000 || pendingDays.length >= 30) await flush();
    onProgress?.(n + 1, days.length);
  }
  await flush();

  // Fingerprints last: an interrupted build leaves its indices unrecorded, so the next one redoes them.
  const indices = changed.filter((i) => !blocked.has(i));
  const builtAt = new Date().toISOString();
  await store.write(
    indices.map((index) => {
      const fingerprint = view.current.get(index) ?? { uuid: '', docs: 0, maxArrival: null };
      const doc: IndexDoc = { type: 'index', index, builtAt, ...fingerprint };
      return { id: `index|${index}`, doc };
    }),
    true
  );
  const events = indices.reduce((sum, i) => sum + (view.current.get(i)?.docs ?? 0), 0);
  const tookMs = Date.now() - started;
  return {
    built,
    kept,
    indices,
    events,
    tookMs,
    eventsPerSecond: tookMs > 0 ? Math.round((events * 1000) / tookMs) : events,
  };
}

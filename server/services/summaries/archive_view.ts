/**
 * The archive as the summaries see it: every readable index (the campaigns service's own selection, so an
 * index mapped before the template is left out of both), which of them are closed (a day before today, UTC:
 * today's index is still being written and is always read raw), and their fingerprints now.
 */
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { PINPOINT_SOURCE } from '../../../common/sources/pinpoint';
import {
  listArchiveIndices,
  selectIndices,
  targetExpression,
  type ArchiveIndex,
} from '../campaigns/index_selection';
import { fingerprints } from './archive_state';
import { floorDay } from './days';
import type { SummaryDeps } from './deps';
import { SummaryStore, summaryIndexFor, type Fingerprint } from './summary_index';

export interface ArchiveView {
  prefix: string;
  allNames: string[];
  /** Readable indices (not excluded). */
  indices: ArchiveIndex[];
  closed: ArchiveIndex[];
  excluded: Array<{ index: string; reason: string }>;
  current: Map<string, Fingerprint>;
  todayMs: number;
  /** The index expression naming exactly these indices. */
  target(names: readonly string[]): string;
}

export function storeOf(deps: SummaryDeps): SummaryStore {
  return deps.store ?? new SummaryStore(deps.client, summaryIndexFor(deps.prefix));
}

export async function archiveView(deps: SummaryDeps): Promise<ArchiveView> {
  const prefix = deps.prefix ?? DEFAULT_INDEX_PREFIX;
  const source = deps.source ?? PINPOINT_SOURCE;
  const archive = await listArchiveIndices(deps.client, prefix);
  const selection = await selectIndices(
    deps.client,
    prefix,
    source,
    { from: 0, to: Number.MAX_SAFE_INTEGER },
    archive
  );
  const allNames = archive.allNames ?? archive.map((i) => i.index);
  const todayMs = floorDay((deps.now?.() ?? new Date()).getTime());
  const target = (names: readonly string[]) =>
    names.length === 0 ? '' : targetExpression(prefix, allNames, names);
  const names = selection.indices.map((i) => i.index);
  return {
    prefix,
    allNames,
    indices: selection.indices,
    closed: selection.indices.filter((i) => i.dayMs !== undefined && i.dayMs < todayMs),
    excluded: selection.excluded,
    current: await fingerprints(deps.client, prefix, target(names), names, source.arrivalTimeField),
    todayMs,
    target,
  };
}

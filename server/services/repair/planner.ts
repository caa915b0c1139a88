/**
 * Deciding whether an index may be repaired, and writing the job that says so. Nothing here touches the
 * source: the first write to it (the write block) is the state machine's first step, after the job exists.
 */
import { randomUUID } from 'node:crypto';
import { repairTargetName, type RepairCandidate } from '../../../common/repair';
import { parseRotatedIndex, writeWindow } from '../../../common/rotation_window';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { RepairCluster } from './cluster';
import { RepairInterrupted } from './repair_errors';
import { type RepairStateStore, StaleStateError } from './state_store';
import { repairNeed } from './repair_need';
import { unwrapTypeName } from '../index_engine/mapping_walk';
import type { RepairHooks, RepairState, StoredState } from './types';

/** The marker the repair writes into its copy's mapping `_meta`: whose copy it is. */
export interface RepairMarker {
  source: string;
  jobId: string;
}

export function markerOf(mappings: unknown): RepairMarker | undefined {
  const meta = (mappings as { _meta?: { pinpoint_repair?: RepairMarker } } | undefined)?._meta;
  return meta?.pinpoint_repair;
}

/**
 * Why an index may not be repaired now, or undefined. An index is refused while Firehose may still write to
 * it (its period has not ended plus the late-delivery allowance) and when its name carries no period.
 */
export function windowRefusal(
  index: string,
  now: Date,
  lateDeliveryMs: number
): { message: string; repairableAfter?: string } | undefined {
  const window = writeWindow(index, now, lateDeliveryMs);
  if (window.state === 'unknown') {
    return {
      message: `${index} has no date in its name, so Firehose may still be writing it (no index rotation); only rotated indices (<prefix>-YYYY-MM-DD) can be repaired`,
    };
  }
  if (window.state === 'open') {
    const after = window.repairableAfter.toISOString();
    return {
      message: `${index} is the index Firehose is writing now; it can be repaired after ${after} (the end of its UTC period plus ${Math.round((window.repairableAfter.getTime() - window.rotated.end.getTime()) / 60000)} minutes for Firehose's buffer and retries)`,
      repairableAfter: after,
    };
  }
  return undefined;
}

/**
 * The archive guard, before anything is read: only a daily index of the archive's prefix is ever repaired.
 * `customer-2026-11-21` is not one, whatever its mapping: the repair replaces an index with a copy under
 * the Pinpoint mapping, which would silently change the meaning of someone else's fields.
 */
export function requireArchiveIndex(index: string, prefix: string): void {
  const rotated = parseRotatedIndex(index);
  if (rotated?.prefix === prefix) return;
  throw new ValidationError(
    `${index} is not a daily index of the Pinpoint archive ${prefix}*: only indices named ${prefix}-YYYY-MM-DD (or Firehose's hourly, weekly or monthly names) are repaired. If Firehose writes to another prefix, give that prefix.`,
    { index, prefix }
  );
}

/** Pinpoint events carry these; an index without them is not the archive's, whatever its name. */
const EVENT_MARKERS = ['arrival_timestamp', 'event_type'] as const;

function hasEventFields(mappings: unknown): boolean {
  const props = (unwrapTypeName(mappings).properties ?? {}) as Record<string, unknown>;
  return EVENT_MARKERS.every((field) => field in props);
}

export interface PlanContext {
  cluster: RepairCluster;
  store: RepairStateStore;
  now: Date;
  lateDeliveryMs: number;
  hooks?: RepairHooks;
}

/**
 * Returns the job for `source`: the unfinished one if there is one (the caller resumes it), the finished one
 * if the source is repaired already, or a new one after checking that the source needs and allows a repair.
 * `previous` is a finished or rolled-back job on the same name, replaced by the new one.
 */
export async function planRepair(
  ctx: PlanContext,
  source: string,
  prefix: string,
  previous: StoredState | undefined
): Promise<StoredState> {
  requireArchiveIndex(source, prefix);
  const { cluster } = ctx;
  const target = repairTargetName(source);
  const resolved = await cluster.resolve(source);
  if (resolved.kind === 'alias') {
    if (previous?.state.step === 'done' && resolved.indices.includes(previous.state.target)) {
      return previous;
    }
    throw new ConflictError(
      `${source} is an alias (of ${resolved.indices.join(', ') || 'no index'}), not an index; repair the index itself`
    );
  }
  if (resolved.kind === 'missing') throw new NotFoundError(`index ${source} does not exist`);

  const refusal = windowRefusal(source, ctx.now, ctx.lateDeliveryMs);
  if (refusal) {
    throw new ConflictError(refusal.message, {
      index: source,
      repairableAfter: refusal.repairableAfter,
    });
  }
  const facts = await cluster.facts(source);
  if (!facts) throw new NotFoundError(`index ${source} does not exist`);
  if (!hasEventFields(facts.mappings)) {
    throw new ConflictError(
      `${source} holds no Pinpoint events (its mapping has no ${EVENT_MARKERS.join(' or ')} field): there is nothing to repair, and the repair leaves it as it is`,
      { index: source }
    );
  }
  if (repairNeed(facts.mappings).length === 0) {
    throw new ConflictError(
      `${source} already maps its timestamps as dates and its fields as the template does: there is nothing to repair`,
      { index: source }
    );
  }
  await clearLeftoverCopy(cluster, source, target);
  await requireDiskSpace(cluster, source, facts.replicas);

  const at = new Date().toISOString();
  const state: RepairState = {
    source,
    target,
    jobId: randomUUID(),
    step: 'planned',
    sourceUuid: facts.uuid,
    priorWriteBlock: facts.writeBlock,
    sourceShards: facts.shards,
    sourceReplicas: facts.replicas,
    reindexRuns: 0,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await ctx.hooks?.at?.('plan:before-save', undefined);
  } catch (error) {
    throw new RepairInterrupted('plan:before-save', error);
  }
  try {
    return await ctx.store.put(state, previous);
  } catch (error) {
    if (!(error instanceof StaleStateError)) throw error;
    // Another runner planned the same index at the same moment: its job is the one.
    const theirs = await ctx.store.get(source);
    if (!theirs) throw error;
    return theirs;
  }
}

/**
 * The copy needs as much disk as the source (times its replicas once they are restored), plus room to merge
 * segments; and a node past its flood-stage watermark would make the copy read-only half-way. Half again
 * the copy's size must be free, or the repair is refused before it writes anything.
 */
async function requireDiskSpace(
  cluster: RepairCluster,
  source: string,
  replicas: number
): Promise<void> {
  const [store, free] = await Promise.all([
    cluster.primaryStoreBytes(source),
    cluster.freeDiskBytes(),
  ]);
  if (free === undefined) return;
  const needed = Math.ceil(store * (1 + replicas) * 1.5);
  if (needed > free) {
    const mib = (bytes: number): string => `${Math.ceil(bytes / 1048576)} MiB`;
    throw new ConflictError(
      `not enough disk to copy ${source}: about ${mib(needed)} needed, ${mib(free)} free on the data nodes; free some space (or delete old indices) first`,
      { index: source, neededBytes: needed, freeBytes: free }
    );
  }
}

/**
 * A copy left by an earlier job on this source (crashed before its state was saved, or rolled back half-way)
 * is ours to remove: the source is intact, the copy is partial. Any other index under the copy's name is
 * someone else's, and the repair will not touch it.
 */
async function clearLeftoverCopy(
  cluster: RepairCluster,
  source: string,
  target: string
): Promise<void> {
  const existing = await cluster.resolve(target);
  if (existing.kind === 'missing') return;
  const facts = existing.kind === 'index' ? await cluster.facts(target) : undefined;
  if (markerOf(facts?.mappings)?.source === source) {
    await cluster.deleteIndex(target);
    return;
  }
  throw new ConflictError(
    `an ${existing.kind} named ${target} exists and was not made by a repair of ${source}; rename or delete it, then repair again`
  );
}

/** Indices under `<prefix>*` that need a repair (repair_need.ts), with when each can be repaired. */
export async function findCandidates(
  cluster: RepairCluster,
  prefix: string,
  now: Date,
  lateDeliveryMs: number
): Promise<RepairCandidate[]> {
  const mappings = await cluster.mappings(`${prefix}*`);
  const candidates: RepairCandidate[] = [];
  for (const [index, mapping] of Object.entries(mappings).sort(([a], [b]) => a.localeCompare(b))) {
    const fields = repairNeed(mapping);
    if (fields.length === 0) continue;
    const refusal = windowRefusal(index, now, lateDeliveryMs);
    candidates.push({
      index,
      fields,
      ...(refusal ? { refusal: refusal.message, repairableAfter: refusal.repairableAfter } : {}),
    });
  }
  return candidates;
}

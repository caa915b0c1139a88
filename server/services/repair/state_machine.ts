/**
 * The repair of one index as a resumable state machine.
 *
 * Design. The archive is irreplaceable, so the source is deleted only after a verified copy exists, and only
 * in the same atomic alias update that gives the copy the source's name. The job's state lives in the cluster
 * (state_store.ts); `step` is the last milestone reached. A runner reads the job, performs the action that
 * leads to the next milestone, and saves that milestone with optimistic concurrency. Each action is
 * idempotent and first re-checks reality, so a runner killed anywhere (process kill, OpenSearch restart) is
 * replaced by a re-run that finishes the job with no document lost or duplicated:
 *
 *   planned        -> write_blocked   index.blocks.write on the source (counts are stable from here), refresh,
 *                                     record its count
 *   write_blocked  -> target_created  create `<source>-repaired`, hidden, with the template's mapping and a
 *                                     `_meta` marker naming source and job (an existing copy with our job
 *                                     id is reused, one of an older job replaced, anyone else's refused)
 *   target_created -> reindexing      adopt a reindex source->copy still running, else start one
 *                                     (`wait_for_completion=false`, op_type create, conflicts proceed, ids
 *                                     kept: a repeated copy skips what is there); the task id is saved
 *   reindexing     -> reindexed       wait on the task; a task lost with its node goes back one step and
 *                                     copies again; document failures fail the job
 *   reindexed      -> verified        restore the copy's replicas, refresh it, compare counts and
 *                                     content (verify.ts); a short copy goes back to copy the missing ones
 *   verified       -> swapped         if the source's name is not already an alias of the copy: re-count,
 *                                     then ONE `_aliases` request adds the source's name (and its aliases)
 *                                     to the copy and removes the source index
 *   swapped        -> done            unhide the copy
 *
 * Why hidden: while both exist, a search on `<prefix>*` must not count a document twice. A hidden index is
 * not matched by wildcards; after the swap it is reached through its alias (one concrete index however many
 * names match), and once unhidden it is matched by name too, still once.
 *
 * A check that would fail again (document failures, a verification difference, a source replaced under us)
 * moves the job to `failed` and rolls back: the copy is deleted if it is ours and the source still exists,
 * and the source's write block is restored to what it was. Rollback never deletes the copy once the source is
 * gone. Today's index is never touched: planner.ts refuses it before anything is written.
 */
import type { RepairMilestone } from '../../../common/repair';
import type { Logger } from '../../osd_port';
import type { IndexFacts, RepairCluster, ReindexStatus } from './cluster';
import { markerOf } from './planner';
import { CopyCheckFailed, RepairInterrupted } from './repair_errors';
import { type RepairStateStore, StaleStateError } from './state_store';
import type { RepairHooks, RepairKillPoint, RepairState, StoredState } from './types';
import { copyIndexBody, describeFailure, retryable } from './copy_index';
import { verifyCopy } from './verify';

export type RepairProgressListener = (state: RepairState, task?: ReindexStatus) => void;

export interface MachineSettings {
  progressIntervalMs: number;
  sampleSize: number;
  maxReindexRuns: number;
  hooks?: RepairHooks;
}

/** Whether `now` is further along than `before` (a recorded error alone is not progress). */
function progressed(before: RepairState, now: RepairState): boolean {
  return (
    now.jobId !== before.jobId ||
    now.step !== before.step ||
    now.taskId !== before.taskId ||
    now.rolledBack !== before.rolledBack
  );
}

export class RepairMachine {
  constructor(
    private readonly cluster: RepairCluster,
    private readonly store: RepairStateStore,
    private readonly logger: Logger,
    private readonly settings: MachineSettings
  ) {}

  /**
   * Drives the job on `source` until it is done or failed-and-rolled-back, or until `stop` is aborted: then
   * it returns at the next safe point, a step boundary (each milestone is saved before the next action) or a
   * poll of the copy task (which OpenSearch keeps running; the next run picks it up). The job is unfinished
   * and resumes where it stands.
   */
  async run(
    stored: StoredState,
    onProgress?: RepairProgressListener,
    stop?: AbortSignal
  ): Promise<RepairState> {
    let current = stored;
    onProgress?.(current.state);
    for (;;) {
      const { step, rolledBack } = current.state;
      if (step === 'done' || (step === 'failed' && rolledBack)) return current.state;
      if (stop?.aborted) return current.state;
      try {
        current = await this.advance(current, onProgress, stop);
        onProgress?.(current.state);
      } catch (error) {
        if (error instanceof RepairInterrupted) throw error;
        // Another runner moved the job on (which is also why our action may have failed: it swapped first,
        // say): follow it from where it is. Otherwise the error is ours to report.
        const reread = await this.store.get(current.state.source).catch(() => undefined);
        const movedOn = reread !== undefined && progressed(current.state, reread.state);
        if (reread && (movedOn || error instanceof StaleStateError)) {
          current = reread;
          continue;
        }
        await this.recordError(current, error);
        throw error;
      }
    }
  }

  private async advance(
    stored: StoredState,
    onProgress?: RepairProgressListener,
    stop?: AbortSignal
  ): Promise<StoredState> {
    const step = stored.state.step;
    if (step === 'failed') return this.rollback(stored);
    try {
      switch (step) {
        case 'planned':
          return await this.blockWrites(stored);
        case 'write_blocked':
          return await this.createTarget(stored);
        case 'target_created':
          return await this.startCopy(stored);
        case 'reindexing':
          return await this.awaitCopy(stored, onProgress, stop);
        case 'reindexed':
          return await this.verify(stored);
        case 'verified':
          return await this.swap(stored);
        case 'swapped':
          return await this.unhide(stored);
        case 'done':
          return stored;
      }
    } catch (error) {
      if (error instanceof CopyCheckFailed) return this.markFailed(stored, step, error.message);
      throw error;
    }
  }

  private async hook(point: RepairKillPoint, state: RepairState): Promise<void> {
    if (!this.settings.hooks?.at) return;
    try {
      await this.settings.hooks.at(point, state);
    } catch (error) {
      throw new RepairInterrupted(point, error);
    }
  }

  private async save(stored: StoredState, patch: Partial<RepairState>): Promise<StoredState> {
    const next = await this.store.replace(stored, { lastError: undefined, ...patch });
    this.logger.info(`repair ${next.state.source}: ${stored.state.step} -> ${next.state.step}`);
    return next;
  }

  /** The source as planned: same index (uuid), still a concrete index. Anything else fails the job. */
  private async requireSource(state: RepairState): Promise<IndexFacts> {
    const facts = await this.cluster.facts(state.source);
    if (!facts || facts.uuid !== state.sourceUuid) {
      throw new CopyCheckFailed(`${state.source} was deleted or replaced during the repair`);
    }
    return facts;
  }

  private async blockWrites(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('planned:before', s);
    await this.requireSource(s);
    await this.cluster.setWriteBlock(s.source, true);
    // Documents indexed before the block but not yet refreshed must be visible to the count and the copy.
    await this.cluster.refresh(s.source);
    const sourceCount = await this.cluster.count(s.source);
    await this.hook('planned:acted', s);
    return this.save(stored, { step: 'write_blocked', sourceCount });
  }

  private async createTarget(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('write_blocked:before', s);
    await this.requireSource(s);
    const existing = await this.cluster.resolve(s.target);
    if (existing.kind === 'alias') {
      throw new CopyCheckFailed(`${s.target} is an alias; the repair needs that name for its copy`);
    }
    let create = existing.kind === 'missing';
    if (existing.kind === 'index') {
      const marker = markerOf((await this.cluster.facts(s.target))?.mappings);
      if (marker?.source !== s.source) {
        throw new CopyCheckFailed(`an index named ${s.target} exists that the repair did not make`);
      }
      // An older job's partial copy is replaced; our own (made before a crash) is kept.
      if (marker.jobId !== s.jobId) {
        await this.cluster.deleteIndex(s.target);
        create = true;
      }
    }
    if (create) await this.cluster.createIndex(s.target, copyIndexBody(s));
    const created = markerOf((await this.cluster.facts(s.target))?.mappings);
    if (created?.jobId !== s.jobId) {
      throw new CopyCheckFailed(`${s.target} was created by someone else during the repair`);
    }
    await this.hook('write_blocked:acted', s);
    return this.save(stored, { step: 'target_created' });
  }

  private async startCopy(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('target_created:before', s);
    await this.requireSource(s);
    let taskId = await this.cluster.findRunningReindex(s.source, s.target);
    let runs = s.reindexRuns;
    if (!taskId) {
      if (runs >= this.settings.maxReindexRuns) {
        throw new CopyCheckFailed(`the copy did not complete after ${runs} attempts`);
      }
      taskId = await this.cluster.startReindex(s.source, s.target);
      runs += 1;
    }
    await this.hook('target_created:task-started', s);
    return this.save(stored, { step: 'reindexing', taskId, reindexRuns: runs });
  }

  private async awaitCopy(
    stored: StoredState,
    onProgress?: RepairProgressListener,
    stop?: AbortSignal
  ): Promise<StoredState> {
    const s = stored.state;
    await this.hook('reindexing:before', s);
    if (!s.taskId) return this.save(stored, { step: 'target_created' });
    for (;;) {
      const outcome = await this.cluster.waitForTask(s.taskId, this.settings.progressIntervalMs);
      if (outcome.state === 'running') {
        onProgress?.(s, outcome.status);
        await this.hook('reindexing:waiting', s);
        // A safe point: the task goes on in OpenSearch and the saved job names it.
        if (stop?.aborted) return stored;
        continue;
      }
      if (outcome.state === 'lost') {
        return this.save(stored, {
          step: 'target_created',
          taskId: undefined,
          lastError: `the copy task ${s.taskId} is gone (OpenSearch restarted?); copying again, skipping documents already copied`,
        });
      }
      const response = outcome.response;
      if (outcome.error || !response) {
        const reason = outcome.error?.reason ?? outcome.error?.type ?? 'no result';
        return this.save(stored, {
          step: 'target_created',
          taskId: undefined,
          lastError: `the copy task ended with an error (${reason}); copying again`,
        });
      }
      if (response.canceled)
        throw new CopyCheckFailed(`the copy was cancelled: ${response.canceled}`);
      const failures = response.failures ?? [];
      if (failures.length > 0) {
        if (failures.every(retryable)) {
          return this.save(stored, {
            step: 'target_created',
            taskId: undefined,
            lastError: `the cluster rejected ${failures.length} writes under load; copying again`,
          });
        }
        throw new CopyCheckFailed(
          `${failures.length} documents could not be copied; first: ${describeFailure(failures[0])}`
        );
      }
      await this.hook('reindexing:acted', s);
      return this.save(stored, {
        step: 'reindexed',
        reindexResult: {
          created: response.created,
          versionConflicts: response.version_conflicts,
          tookMs: response.took,
        },
      });
    }
  }

  private async verify(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('reindexed:before', s);
    const sourceFacts = await this.requireSource(s);
    if (s.sourceReplicas > 0) {
      await this.cluster.putSettings(s.target, { number_of_replicas: s.sourceReplicas });
    }
    await this.cluster.refresh(s.target);
    const result = await verifyCopy(this.cluster, {
      source: s.source,
      target: s.target,
      expectedCount: s.sourceCount ?? -1,
      sourceMappings: sourceFacts.mappings,
      sampleSize: this.settings.sampleSize,
      seed: s.jobId,
    });
    if (!result.ok) {
      if (result.retryCopy && s.reindexRuns < this.settings.maxReindexRuns) {
        return this.save(stored, {
          step: 'target_created',
          taskId: undefined,
          lastError: result.reason,
        });
      }
      throw new CopyCheckFailed(`verification failed: ${result.reason}`);
    }
    await this.hook('reindexed:acted', s);
    return this.save(stored, {
      step: 'verified',
      targetCount: result.targetCount,
      contentCheck: result.summary,
    });
  }

  private async swap(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('verified:before', s);
    const name = await this.cluster.resolve(s.source);
    if (name.kind === 'alias' && !name.indices.includes(s.target)) {
      throw new CopyCheckFailed(
        `${s.source} became an alias of ${name.indices.join(', ')} during the repair`
      );
    }
    if (name.kind === 'index') {
      const facts = await this.requireSource(s);
      // The last look before the original goes: nothing may have changed since verification.
      const [sourceCount, targetCount] = await Promise.all([
        this.cluster.count(s.source),
        this.cluster.count(s.target),
      ]);
      if (sourceCount !== s.sourceCount || targetCount !== s.sourceCount) {
        return this.save(stored, {
          step: 'reindexed',
          lastError: `counts changed after verification (source ${sourceCount}, copy ${targetCount}); verifying again`,
        });
      }
      try {
        await this.cluster.swap(s.source, s.target, facts.aliases, true);
      } catch (error) {
        // Another runner's swap got there first (ours then finds no source to remove): that is success.
        const now = await this.cluster.resolve(s.source);
        if (now.kind !== 'alias' || !now.indices.includes(s.target)) throw error;
      }
    } else if (name.kind === 'missing') {
      // The source was deleted after verification; the verified copy takes its name.
      await this.cluster.swap(s.source, s.target, {}, false);
    }
    await this.hook('verified:acted', s);
    return this.save(stored, { step: 'swapped' });
  }

  private async unhide(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('swapped:before', s);
    await this.cluster.putSettings(s.target, { hidden: false });
    await this.hook('swapped:acted', s);
    return this.save(stored, { step: 'done' });
  }

  private async markFailed(
    stored: StoredState,
    after: RepairMilestone,
    failure: string
  ): Promise<StoredState> {
    this.logger.warn(`repair ${stored.state.source} failed after ${after}: ${failure}`);
    return this.save(stored, { step: 'failed', failedAfter: after, failure, rolledBack: false });
  }

  /** Puts a failed job's source back as it was: its copy gone (if ours), its write block as before. */
  async rollback(stored: StoredState): Promise<StoredState> {
    const s = stored.state;
    await this.hook('failed:before', s);
    const facts = await this.cluster.facts(s.source);
    if (facts && facts.uuid === s.sourceUuid) {
      const target = await this.cluster.facts(s.target);
      if (target && markerOf(target.mappings)?.jobId === s.jobId) {
        await this.cluster.deleteIndex(s.target);
      }
      if (!s.priorWriteBlock && facts.writeBlock) await this.cluster.setWriteBlock(s.source, false);
    }
    await this.hook('failed:acted', s);
    return this.save(stored, { rolledBack: true });
  }

  /** Best effort: a runner that cannot reach the cluster cannot record that either. */
  private async recordError(stored: StoredState, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`repair ${stored.state.source} stopped at ${stored.state.step}: ${message}`);
    try {
      const latest = await this.store.get(stored.state.source);
      if (latest) await this.store.replace(latest, { lastError: message });
    } catch {
      // The job keeps its step; the next run resumes from it.
    }
  }
}

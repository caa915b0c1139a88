/**
 * The repair as the doors use it: start (plan, or find the unfinished job), run to the end, read progress,
 * list jobs and candidates. One instance per client (the routes make one per request, as the current user).
 */
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import {
  FIREHOSE_LATE_DELIVERY_MS,
  type RepairCandidate,
  type RepairJob,
} from '../../../common/repair';
import { NotFoundError } from '../../errors';
import type { Logger, OpenSearchClient } from '../../osd_port';
import { RepairCluster } from './cluster';
import { toJob } from './job_view';
import { findCandidates, planRepair, requireArchiveIndex } from './planner';
import { RepairMachine, type RepairProgressListener } from './state_machine';
import { RepairStateStore } from './state_store';
import type { RepairOptions, RepairState, StoredState } from './types';

export class RepairService {
  private readonly cluster: RepairCluster;
  private readonly store: RepairStateStore;
  private readonly machine: RepairMachine;
  private readonly now: () => Date;
  private readonly lateDeliveryMs: number;

  constructor(
    client: OpenSearchClient,
    logger: Logger,
    private readonly options: RepairOptions = {}
  ) {
    this.cluster = new RepairCluster(client);
    this.store = new RepairStateStore(client);
    this.now = options.now ?? (() => new Date());
    this.lateDeliveryMs = options.lateDeliveryMs ?? FIREHOSE_LATE_DELIVERY_MS;
    this.machine = new RepairMachine(this.cluster, this.store, logger, {
      progressIntervalMs: options.progressIntervalMs ?? 1000,
      sampleSize: options.sampleSize ?? 200,
      maxReindexRuns: options.maxReindexRuns ?? 5,
      hooks: options.hooks,
    });
  }

  /**
   * The job for `index`, a daily index of the archive `prefix` (anything else is refused before a read): an
   * unfinished one is returned as it is (to be resumed), a finished one when the index is repaired already;
   * otherwise the index is checked (it exists, its timestamps are not dates, Firehose is
   * done with it) and a new job is written. Nothing is written to the index itself here.
   */
  async start(index: string, prefix: string): Promise<RepairState> {
    requireArchiveIndex(index, prefix);
    await this.store.ensureIndex();
    let existing = await this.store.get(index);
    if (existing?.state.step === 'failed' && !existing.state.rolledBack) {
      await this.machine.run(existing);
      existing = await this.store.get(index);
    }
    const step = existing?.state.step;
    if (existing && step !== 'done' && step !== 'failed') return existing.state;
    const planned = await planRepair(
      {
        cluster: this.cluster,
        store: this.store,
        now: this.now(),
        lateDeliveryMs: this.lateDeliveryMs,
        hooks: this.options.hooks,
      },
      index,
      prefix,
      existing
    );
    return planned.state;
  }

  /**
   * Runs the job on `index` (started before) until it is done, or failed and rolled back; or, once `stop` is
   * aborted, until the next safe point (the job then resumes on the next run).
   */
  async run(
    index: string,
    onProgress?: (job: RepairJob) => void,
    stop?: AbortSignal
  ): Promise<RepairState> {
    const stored = await this.requireJob(index);
    const listener: RepairProgressListener | undefined = onProgress
      ? (state, task) => onProgress(toJob(state, true, task))
      : undefined;
    return this.machine.run(stored, listener, stop);
  }

  /** start + run: what the CLI does for each index. */
  async repair(
    index: string,
    prefix: string,
    onProgress?: (job: RepairJob) => void
  ): Promise<RepairState> {
    await this.start(index, prefix);
    return this.run(index, onProgress);
  }

  /** The job with the reindex task's live counters while copying. */
  async progress(index: string, active = false): Promise<RepairJob> {
    const { state } = await this.requireJob(index);
    if (state.step === 'reindexing' && state.taskId) {
      const outcome = await this.cluster.peekTask(state.taskId);
      const status = outcome.state === 'lost' ? undefined : outcome.status;
      return toJob(state, active, status);
    }
    return toJob(state, active);
  }

  async list(isActive: (index: string) => boolean = () => false): Promise<RepairJob[]> {
    const states = await this.store.list();
    return states.map((state) => toJob(state, isActive(state.source)));
  }

  /** Indices under `<prefix>*` whose timestamps are not dates (and when each may be repaired). */
  async candidates(prefix: string = DEFAULT_INDEX_PREFIX): Promise<RepairCandidate[]> {
    return findCandidates(this.cluster, prefix, this.now(), this.lateDeliveryMs);
  }

  private async requireJob(index: string): Promise<StoredState> {
    const stored = await this.store.get(index);
    if (!stored) throw new NotFoundError(`no repair of ${index} has been started`);
    return stored;
  }
}

import type { RepairMilestone, RepairStep } from '../../../common/repair';

/** One repair as persisted in the state index: everything a runner in any process needs to resume it. */
export interface RepairState {
  source: string;
  target: string;
  /** Distinguishes this job from earlier ones on the same source; also written into the target's mapping. */
  jobId: string;
  step: RepairStep;
  /** The source's uuid when planned: a deleted and recreated index of that name is not the same source. */
  sourceUuid: string;
  /** index.blocks.write before the repair, restored if the repair fails. */
  priorWriteBlock: boolean;
  sourceShards: number;
  sourceReplicas: number;
  /** The source's count once read-only: the number every later check compares with. */
  sourceCount?: number;
  /** The reindex task (OpenSearch task API id) copying the documents now or last. */
  taskId?: string;
  /** How many reindex tasks were started (a lost task, an incomplete copy start another). */
  reindexRuns: number;
  reindexResult?: { created: number; versionConflicts: number; tookMs: number };
  targetCount?: number;
  contentCheck?: ContentCheckSummary;
  /** Set with step failed: the milestone reached before, and why. */
  failedAfter?: RepairMilestone;
  failure?: string;
  /** The failed job's source is writable again and its partial copy removed. */
  rolledBack?: boolean;
  lastError?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContentCheckSummary {
  /** Hourly buckets of the time field compared between source and copy. */
  histogramBuckets: number;
  /** Documents compared field by field. */
  sampledDocuments: number;
}

/** A state document together with the version it was read at (optimistic concurrency). */
export interface StoredState {
  state: RepairState;
  seqNo: number;
  primaryTerm: number;
}

/**
 * Named places in the state machine where a process could die. The fault-injection test stops the repair at
 * each of them; production code passes no hooks.
 */
export const REPAIR_KILL_POINTS = [
  'plan:before-save',
  'planned:before',
  'planned:acted',
  'write_blocked:before',
  'write_blocked:acted',
  'target_created:before',
  'target_created:task-started',
  'reindexing:before',
  'reindexing:waiting',
  'reindexing:acted',
  'reindexed:before',
  'reindexed:acted',
  'verified:before',
  'verified:acted',
  'swapped:before',
  'swapped:acted',
  'failed:before',
  'failed:acted',
] as const;
export type RepairKillPoint = (typeof REPAIR_KILL_POINTS)[number];

export interface RepairHooks {
  /** Called at each kill point; a throw stops the runner there as a crash would (no state is written). */
  at?(point: RepairKillPoint, state: RepairState | undefined): void | Promise<void>;
}

export interface RepairOptions {
  /** The clock, for "is Firehose still writing this index" (tests pin it). */
  now?: () => Date;
  /** Late-delivery allowance after an index's period ends (default FIREHOSE_LATE_DELIVERY_MS). */
  lateDeliveryMs?: number;
  /** How long one wait on the reindex task lasts before progress is reported (ms). */
  progressIntervalMs?: number;
  /** Documents compared field by field in the content check. */
  sampleSize?: number;
  /** The index prefix whose template mapping the repaired copy gets (settings); the mapping is the same. */
  prefix?: string;
  /** Reindex tasks started at most, before the job fails (lost tasks, incomplete copies). */
  maxReindexRuns?: number;
  hooks?: RepairHooks;
}

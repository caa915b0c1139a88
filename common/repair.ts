/**
 * What the server, the CLI and the app share about repairing indices whose timestamps are not dates:
 * the steps of the repair state machine, the job as it is shown, the repair target's name, and the pure
 * parsers of the repair doors' input. The design of the repair itself is in server/services/repair/.
 */
import { DEFAULT_INDEX_PREFIX } from './constants';
import { MAX_INDEX_NAME_BYTES, validateIndexName, validateIndexPrefix } from './index_naming';
import { asObject, InvalidInputError, rejectUnknownKeys } from './validation';

/**
 * Milestones of one repair, in order. `step` in a job is the last milestone reached; a runner performs the
 * action leading to the next one. `failed` is reached only from a check that would fail again (the reindex
 * reported document failures, or verification found a difference); the source is then left as it was.
 */
export const REPAIR_STEPS = [
  'planned',
  'write_blocked',
  'target_created',
  'reindexing',
  'reindexed',
  'verified',
  'swapped',
  'done',
] as const;
export type RepairMilestone = (typeof REPAIR_STEPS)[number];
export type RepairStep = RepairMilestone | 'failed';

/** Words for each milestone, for progress lines and the app. */
export const REPAIR_STEP_LABELS: Record<RepairStep, string> = {
  planned: 'planned',
  write_blocked: 'source made read-only',
  target_created: 'repaired index created',
  reindexing: 'copying documents',
  reindexed: 'documents copied',
  verified: 'copy verified',
  swapped: 'original name moved to the repaired index',
  done: 'done',
  failed: 'failed',
};

/** The hidden index holding the repair jobs' state (server/services/repair/state_store.ts). */
export const REPAIR_STATE_INDEX = '.pinpoint-repair';

/** The suffix of the index that receives the repaired copy; the original name becomes its alias. */
export const REPAIR_TARGET_SUFFIX = '-repaired' as const;

export function repairTargetName(source: string): string {
  return `${source}${REPAIR_TARGET_SUFFIX}`;
}

/**
 * How long after the end of its UTC day an index may still receive documents from Firehose: the buffer
 * interval (at most 900 s) plus the default retry duration for an OpenSearch destination (300 s). Repairing
 * earlier would put a write block in the way of a late delivery, and Firehose would send it to the S3 backup
 * bucket instead of the archive.
 */
export const FIREHOSE_LATE_DELIVERY_MS = (900 + 300) * 1000;

export interface RepairDocProgress {
  /** Documents to copy (the source's count once it is read-only). */
  total: number;
  /** Documents copied so far (created, or found already there on a resumed copy). */
  copied: number;
}

/** One repair job as the doors show it. */
export interface RepairJob {
  index: string;
  target: string;
  jobId: string;
  step: RepairStep;
  /** 1-based position of `step` in REPAIR_STEPS (failed: the position it failed after). */
  stepNumber: number;
  stepCount: number;
  /** A runner in this server process is working on it now. */
  active: boolean;
  docs?: RepairDocProgress;
  /** The source's count when it was made read-only, and the repaired index's count once verified. */
  sourceCount?: number;
  targetCount?: number;
  /** The reindex task (OpenSearch task API id) while copying. */
  taskId?: string;
  /** The last transient error a runner met (the job resumes on the next run). */
  lastError?: string;
  /** Why the job failed, when step is failed; the source was restored. */
  failure?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RepairListResponse {
  jobs: RepairJob[];
}

export interface RepairCandidatesResponse {
  prefix: string;
  candidates: RepairCandidate[];
}

/** An index that needs repair, or one that will once Firehose has stopped writing it. */
export interface RepairCandidate {
  index: string;
  /** Fields this index maps otherwise than the template (e.g. arrival_timestamp: long, expected date). */
  fields: Array<{ field: string; type: string; expected: string }>;
  /** Why it cannot be repaired now (Firehose may still write it). */
  refusal?: string;
  /** Set when the index may still receive documents: the earliest time a repair is allowed (ISO 8601). */
  repairableAfter?: string;
}

/**
 * A concrete index name that OpenSearch accepts and that leaves room for the repaired copy's suffix; not an
 * index of ours (`.pinpoint-repair`) nor a repaired copy itself.
 */
export function parseIndexName(value: unknown, what = 'index'): string {
  const name = validateIndexName(value, what);
  if (name.startsWith('.')) {
    throw new InvalidInputError(
      `${what} "${name}" is a hidden or system index; repair an event index`
    );
  }
  if (name.endsWith(REPAIR_TARGET_SUFFIX)) {
    throw new InvalidInputError(
      `${what} "${name}" is a repaired copy already; repair the index it was made from`
    );
  }
  const room = MAX_INDEX_NAME_BYTES - REPAIR_TARGET_SUFFIX.length;
  if (new TextEncoder().encode(name).length > room) {
    throw new InvalidInputError(
      `${what} is too long to repair: the repaired copy adds "${REPAIR_TARGET_SUFFIX}", so at most ${room} bytes`
    );
  }
  return name;
}

export interface RepairRequest {
  index: string;
  /** The archive's prefix: only its daily indices (`<prefix>-YYYY-MM-DD`) may be repaired. */
  prefix: string;
}

/** Body of POST /api/pinpoint/repair: {"index": "<name>", "prefix"?: "<prefix>"} (prefix default pinpoint). */
export function parseRepairRequest(data: unknown): RepairRequest {
  const body = asObject(data, 'request body');
  rejectUnknownKeys(body, ['index', 'prefix'], 'request body');
  if (body.index === undefined) throw new InvalidInputError('request body: "index" is required');
  const prefix = body.prefix === undefined ? DEFAULT_INDEX_PREFIX : body.prefix;
  return {
    index: parseIndexName(body.index, 'request body: "index"'),
    prefix: validateIndexPrefix(prefix, 'request body: "prefix"'),
  };
}

/** Path parameters of GET /api/pinpoint/repair/{index}. */
export function parseRepairParams(data: unknown): { index: string } {
  const params = asObject(data, 'path');
  rejectUnknownKeys(params, ['index'], 'path');
  return { index: parseIndexName(params.index, 'index in the path') };
}

/** Query of GET /api/pinpoint/repair_candidates: {prefix?}. */
export function parseCandidatesQuery(data: unknown): { prefix: string } {
  const query = asObject(data, 'query');
  rejectUnknownKeys(query, ['prefix'], 'query');
  const prefix = query.prefix === undefined ? DEFAULT_INDEX_PREFIX : query.prefix;
  return { prefix: validateIndexPrefix(prefix, 'query: "prefix"') };
}

/** What the repair routes answer: one job, or the list. */
export interface RepairJobResponse {
  job: RepairJob;
}

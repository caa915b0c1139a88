/** A persisted job, plus the live task counters, as the doors show it (common/repair.ts RepairJob). */
import {
  REPAIR_STEPS,
  type RepairJob,
  type RepairMilestone,
  type RepairStep,
} from '../../../common/repair';
import type { ReindexStatus } from './cluster';
import type { RepairState } from './types';

const position = (step: RepairStep, failedAfter?: RepairMilestone): number =>
  REPAIR_STEPS.indexOf(step === 'failed' ? (failedAfter ?? 'planned') : step) + 1;

export function toJob(state: RepairState, active: boolean, task?: ReindexStatus): RepairJob {
  const total = state.sourceCount;
  let copied: number | undefined;
  if (state.step === 'reindexing' && task) {
    copied = task.created + task.updated + task.version_conflicts;
  } else if (
    REPAIR_STEPS.indexOf(state.step as RepairMilestone) > REPAIR_STEPS.indexOf('reindexing')
  ) {
    copied = total;
  } else if (state.step !== 'failed' && total !== undefined) {
    copied = 0;
  }
  return {
    index: state.source,
    target: state.target,
    jobId: state.jobId,
    step: state.step,
    stepNumber: position(state.step, state.failedAfter),
    stepCount: REPAIR_STEPS.length,
    active,
    ...(total !== undefined && copied !== undefined ? { docs: { total, copied } } : {}),
    ...(state.sourceCount !== undefined ? { sourceCount: state.sourceCount } : {}),
    ...(state.targetCount !== undefined ? { targetCount: state.targetCount } : {}),
    ...(state.taskId && state.step === 'reindexing' ? { taskId: state.taskId } : {}),
    ...(state.lastError ? { lastError: state.lastError } : {}),
    ...(state.failure ? { failure: state.failure } : {}),
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

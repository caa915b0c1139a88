/**
 * One index's repair as the page sees it: start (or resume), then poll the job until it is done or failed.
 * The job already known for the index (from the one job list the page reads) is where it starts; the hook
 * never lists jobs itself. Requests go through the shared fetch hook, so unmounting cancels the one in flight.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_INDEX_PREFIX } from '../../../../common/constants';
import type { RepairJob } from '../../../../common/repair';
import type { RepairApi } from '../../../api/repair';
import { useFetch } from '../../../hooks/use_fetch';

export type RepairView =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; job: RepairJob }
  /** Unfinished and no runner on the server (it restarted, or stopped on an error): resume it. */
  | { phase: 'stalled'; job: RepairJob }
  | { phase: 'done'; job: RepairJob }
  | { phase: 'failed'; job: RepairJob }
  | { phase: 'error'; message: string };

function viewOf(job: RepairJob): RepairView {
  if (job.step === 'done') return { phase: 'done', job };
  if (job.step === 'failed') return { phase: 'failed', job };
  return job.active ? { phase: 'running', job } : { phase: 'stalled', job };
}

export interface UseRepairJob {
  view: RepairView;
  /** Starts the repair, or resumes the unfinished one. */
  start(): void;
}

export interface UseRepairJobOptions {
  /** The archive's prefix (default pinpoint): the server repairs only its daily indices. */
  prefix?: string;
  /** The job the page's job list holds for this index (undefined: none yet). */
  initialJob?: RepairJob;
  pollMs?: number;
  /** Called once the job is done, after `doneDelayMs` (so the outcome is seen before, say, a reload). */
  onDone?: (job: RepairJob) => void;
  doneDelayMs?: number;
}

export function useRepairJob(
  api: RepairApi,
  index: string,
  options: UseRepairJobOptions = {}
): UseRepairJob {
  const pollMs = options.pollMs ?? 1000;
  const doneDelayMs = options.doneDelayMs ?? 0;
  const [job, setJob] = useState<RepairJob | undefined>(options.initialJob);
  const prefix = options.prefix ?? DEFAULT_INDEX_PREFIX;
  const starting = useFetch((signal) => api.start(index, prefix, signal), { onDone: setJob });
  const polling = useFetch((signal) => api.progress(index, signal), { onDone: setJob });
  const { run: poll } = polling;

  // A job the server is running is polled until it is not.
  useEffect(() => {
    if (!job || viewOf(job).phase !== 'running') return undefined;
    const timer = setTimeout(() => void poll(), pollMs);
    return () => clearTimeout(timer);
  }, [job, poll, pollMs]);

  // Tell the page once per finished job.
  const onDoneRef = useRef(options.onDone);
  onDoneRef.current = options.onDone;
  const told = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!job || job.step !== 'done' || told.current === job.jobId) return undefined;
    told.current = job.jobId;
    const timer = setTimeout(() => onDoneRef.current?.(job), doneDelayMs);
    return () => clearTimeout(timer);
  }, [job, doneDelayMs]);

  let view: RepairView;
  if (starting.state.phase === 'loading') view = { phase: 'starting' };
  else if (starting.state.phase === 'error')
    view = { phase: 'error', message: starting.state.error.message };
  else if (polling.state.phase === 'error' && job?.active)
    view = { phase: 'error', message: polling.state.error.message };
  else view = job ? viewOf(job) : { phase: 'idle' };

  return { view, start: () => void starting.run() };
}

/**
 * One index's repair as the page sees it: start (or resume), then poll the job until it is done or failed.
 * Polling stops when the component unmounts (the AbortSignal cancels the request in flight).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RepairJob } from '../../../../common/repair';
import type { RepairApi } from '../../../api/repair';
import type { HttpFetchError } from '../../../osd_port';

export type RepairView =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; job: RepairJob }
  /** Unfinished and no runner on the server (it restarted, or stopped on an error): resume it. */
  | { phase: 'stalled'; job: RepairJob }
  | { phase: 'done'; job: RepairJob }
  | { phase: 'failed'; job: RepairJob }
  | { phase: 'error'; message: string };

export function errorMessage(error: unknown): string {
  const body = (error as HttpFetchError)?.body;
  if (body?.message) return body.message;
  return error instanceof Error ? error.message : String(error);
}

function viewOf(job: RepairJob): RepairView {
  if (job.step === 'done') return { phase: 'done', job };
  if (job.step === 'failed') return { phase: 'failed', job };
  return job.active ? { phase: 'running', job } : { phase: 'stalled', job };
}

const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

export interface UseRepairJob {
  view: RepairView;
  /** Starts the repair, or resumes the unfinished one. */
  start(): void;
}

export interface UseRepairJobOptions {
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
  const [view, setView] = useState<RepairView>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const onDoneRef = useRef(options.onDone);
  onDoneRef.current = options.onDone;
  const doneTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onDone = useCallback(
    (job: RepairJob) => {
      clearTimeout(doneTimer.current);
      doneTimer.current = setTimeout(() => onDoneRef.current?.(job), doneDelayMs);
    },
    [doneDelayMs]
  );
  useEffect(() => () => clearTimeout(doneTimer.current), []);

  const poll = useCallback(
    async (signal: AbortSignal) => {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (signal.aborted) return;
        const job = await api.progress(index, signal);
        if (signal.aborted) return;
        const next = viewOf(job);
        setView(next);
        if (next.phase === 'done') onDone(job);
        if (next.phase !== 'running') return;
      }
    },
    [api, index, pollMs, onDone]
  );

  const follow = useCallback(
    (run: (signal: AbortSignal) => Promise<RepairJob | undefined>) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      run(own.signal)
        .then(async (job) => {
          if (!job || own.signal.aborted) return;
          const next = viewOf(job);
          setView(next);
          if (next.phase === 'done') onDone(job);
          if (next.phase === 'running') await poll(own.signal);
        })
        .catch((error: unknown) => {
          if (!isAbort(error) && !own.signal.aborted) {
            setView({ phase: 'error', message: errorMessage(error) });
          }
        });
    },
    [poll, onDone]
  );

  // A repair started earlier (another tab, the CLI, before a reload) shows up as it is. The job list is asked
  // rather than the job itself, whose absence would be a 404 on every page load.
  useEffect(() => {
    follow(async (signal) => (await api.list(signal)).find((job) => job.index === index));
    return () => controller.current?.abort();
  }, [api, index, follow]);

  const start = useCallback(() => {
    setView({ phase: 'starting' });
    follow((signal) => api.start(index, signal));
  }, [api, index, follow]);

  return { view, start };
}

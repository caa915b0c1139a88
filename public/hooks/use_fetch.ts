/**
 * The one state machine for a request from a component: idle -> loading -> done | error, with the previous
 * result kept while a new one loads. Each run aborts the one in flight (so an older answer never overwrites a
 * newer one), and unmounting aborts too. An abort is not an error: the state simply stays where the newer run
 * put it.
 *
 * `useFetch(fn)` runs on demand (`run(...args)`); `useLoad(fn, deps)` runs whenever `deps` change and offers
 * `reload()`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, requestFailure, type RequestFailure } from '../utils/errors';

export type FetchState<T> =
  | { phase: 'idle' }
  | { phase: 'loading'; previous?: T }
  | { phase: 'done'; data: T }
  | { phase: 'error'; error: RequestFailure; previous?: T };

export interface Fetch<T, A extends unknown[]> {
  state: FetchState<T>;
  /** The latest data: the current result, or the previous one while loading or after an error. */
  data: T | undefined;
  run(...args: A): Promise<T | undefined>;
  abort(): void;
  /** Abort what is in flight and forget the outcome (back to idle): a form the user starts again. */
  reset(): void;
}

export function useFetch<T, A extends unknown[]>(
  fn: (signal: AbortSignal, ...args: A) => Promise<T>,
  options: { onDone?: (data: T) => void; startLoading?: boolean } = {}
): Fetch<T, A> {
  const [state, setState] = useState<FetchState<T>>(
    options.startLoading ? { phase: 'loading' } : { phase: 'idle' }
  );
  const controller = useRef<AbortController | undefined>(undefined);
  const last = useRef<T | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const onDoneRef = useRef(options.onDone);
  onDoneRef.current = options.onDone;
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ phase: 'loading', previous: last.current });
    try {
      const data = await fnRef.current(own.signal, ...args);
      if (own.signal.aborted) return undefined;
      last.current = data;
      setState({ phase: 'done', data });
      onDoneRef.current?.(data);
      return data;
    } catch (error) {
      if (own.signal.aborted || isAbort(error)) return undefined;
      setState({ phase: 'error', error: requestFailure(error), previous: last.current });
      return undefined;
    }
  }, []);
  const abort = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    last.current = undefined;
    setState({ phase: 'idle' });
  }, []);
  const data =
    state.phase === 'done' ? state.data : state.phase === 'idle' ? undefined : state.previous;
  return { state, data, run, abort, reset };
}

export function useLoad<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[]
): Fetch<T, []> & { reload(): void } {
  const fetch = useFetch(fn, { startLoading: true });
  const { run } = fetch;
  useEffect(() => {
    void run();
    // The caller's deps decide when to load again; `fn` is read through a ref.
  }, [run, ...deps]);
  const reload = useCallback(() => void run(), [run]);
  return { ...fetch, reload };
}

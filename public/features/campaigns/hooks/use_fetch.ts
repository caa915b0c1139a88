/**
 * The campaign pages' loading shape (`data`, `loading`, `error` text, `reload`) over the one fetch hook
 * (public/hooks/use_fetch.ts): it loads whenever `key` changes, aborting the previous call so a slow answer
 * never overwrites a newer one, and reads a failure with the shared error helper.
 */
import { useLoad } from '../../../hooks/use_fetch';

export interface FetchState<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/** Runs `load` whenever `key` changes (`key` encodes every input `load` closes over). */
export function useFetch<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>
): FetchState<T> & { reload: () => void } {
  const { state, data, reload } = useLoad(load, [key]);
  return {
    // After a failure the page shows the message, not the answer of an earlier key.
    data: state.phase === 'error' ? undefined : data,
    loading: state.phase === 'loading',
    error: state.phase === 'error' ? state.error.message : undefined,
    reload,
  };
}

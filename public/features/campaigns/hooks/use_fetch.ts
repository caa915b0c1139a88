import { useEffect, useState } from 'react';
import type { HttpFetchError } from '../../../osd_port';

export interface FetchState<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/** Runs `load` whenever `key` changes; aborts the previous call so a slow answer never overwrites a newer one. */
export function useFetch<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>
): FetchState<T> & { reload: () => void } {
  const [state, setState] = useState<FetchState<T>>({ loading: true });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: HttpFetchError) => {
        if (controller.signal.aborted) return;
        setState({ loading: false, error: error.body?.message ?? error.message });
      }
    );
    return () => controller.abort();
    // `load` closes over the same inputs `key` encodes.
  }, [key, nonce]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}

/**
 * Page state in the URL's query string (range, sort, page, search), so deep links survive reload and the back
 * button walks through what the user did. Reads and writes through react-router on the app's scoped history.
 */
import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

export function useUrlState<K extends string>(
  defaults: Record<K, string>
): [Record<K, string>, (patch: Partial<Record<K, string>>, replace?: boolean) => void, boolean] {
  const location = useLocation();
  const history = useHistory();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const state = useMemo(() => {
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as K[]) {
      const v = params.get(key);
      if (v !== null) out[key] = v;
    }
    return out;
  }, [params]);
  const explicitRange = params.has('from') || params.has('to');
  const update = useCallback(
    (patch: Partial<Record<K, string>>, replace = false) => {
      const next = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(patch) as Array<[string, string | undefined]>) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      const to = { pathname: location.pathname, search: `?${next.toString()}` };
      if (replace) history.replace(to);
      else history.push(to);
    },
    [history, location.pathname, location.search]
  );
  return [state, update, explicitRange];
}

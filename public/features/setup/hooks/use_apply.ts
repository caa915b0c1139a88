/**
 * Runs one apply (a fix button) and says how it went. A 409 (a template someone changed) keeps its diff so
 * the page can show it before the user chooses to overwrite.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplyOptions, ApplyResult } from '../../../../common/report';
import type { TemplateDiffEntry } from '../../../../common/template_normalize';
import type { IndexEngineApi } from '../../../api/index_engine';
import type { HttpFetchError } from '../../../osd_port';
import { errorMessage, isAbort } from '../utils/errors';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: ApplyResult }
  | { phase: 'error'; message: string; diff?: TemplateDiffEntry[] };

export function useApply(
  api: IndexEngineApi,
  onApplied: (result: ApplyResult) => void
): { state: ApplyState; run(options: Partial<ApplyOptions> & { prefix: string }): void } {
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    (options: Partial<ApplyOptions> & { prefix: string }) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ phase: 'running' });
      api.apply(options, c.signal).then(
        (result) => {
          if (c.signal.aborted) return;
          setState({ phase: 'done', result });
          onApplied(result);
        },
        (error) => {
          if (c.signal.aborted || isAbort(error)) return;
          const diff = (error as HttpFetchError)?.body?.attributes?.diff as
            TemplateDiffEntry[] | undefined;
          setState({ phase: 'error', message: errorMessage(error), diff });
        }
      );
    },
    [api, onApplied]
  );
  return { state, run };
}

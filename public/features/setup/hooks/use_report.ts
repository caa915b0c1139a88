/** Loads the validation report for a prefix; reload() after a fix. A newer load cancels the one in flight. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ValidationReport } from '../../../../common/report';
import type { IndexEngineApi } from '../../../api/index_engine';
import { errorMessage, isAbort } from '../utils/errors';

export type ReportState =
  | { phase: 'loading'; previous?: ValidationReport }
  | { phase: 'loaded'; report: ValidationReport }
  | { phase: 'error'; message: string };

export function useReport(
  api: IndexEngineApi,
  prefix: string
): { state: ReportState; reload(): void } {
  const [state, setState] = useState<ReportState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);
  const last = useRef<ValidationReport | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    setState({ phase: 'loading', previous: last.current });
    api.report(prefix, controller.signal).then(
      (report) => {
        if (controller.signal.aborted) return;
        last.current = report;
        setState({ phase: 'loaded', report });
      },
      (error) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState({ phase: 'error', message: errorMessage(error) });
      }
    );
    return () => controller.abort();
  }, [api, prefix, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}

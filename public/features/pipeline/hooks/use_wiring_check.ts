/**
 * Runs the wiring check for what the form holds, and remembers the inputs (a saved object) at the same time:
 * what a user checked is what the page offers next time. A newer run cancels the one in flight.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WiringReport } from '../../../../common/wiring_types';
import type { WiringApi } from '../../../api/wiring';
import { requestFromForm, type WiringFormState } from '../utils/form';
import { errorMessage, isAbort } from '../../../utils/errors';

export type CheckView =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; report: WiringReport; saveError?: string }
  | { phase: 'error'; message: string };

export function useWiringCheck(api: WiringApi): {
  view: CheckView;
  run(form: WiringFormState): void;
} {
  const [view, setView] = useState<CheckView>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    (form: WiringFormState) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      const request = requestFromForm(form);
      setView({ phase: 'running' });
      const saved = api.saveSettings(request, own.signal).then(
        () => undefined,
        (error: unknown) => (isAbort(error) ? undefined : errorMessage(error))
      );
      api
        .check(request, own.signal)
        .then(async (report) => {
          const saveError = await saved;
          if (!own.signal.aborted)
            setView({ phase: 'done', report, ...(saveError ? { saveError } : {}) });
        })
        .catch((error: unknown) => {
          if (!isAbort(error) && !own.signal.aborted)
            setView({ phase: 'error', message: errorMessage(error) });
        });
    },
    [api]
  );
  return { view, run };
}

/**
 * Runs the wiring check for what the form holds, and remembers the inputs (a saved object) at the same time:
 * what a user checked is what the page offers next time. A newer run cancels the one in flight (the shared
 * fetch hook).
 */
import { useMemo } from 'react';
import type { WiringReport } from '../../../../common/wiring_types';
import type { WiringApi } from '../../../api/wiring';
import { useFetch } from '../../../hooks/use_fetch';
import { errorMessage, isAbort } from '../../../utils/errors';
import { requestFromForm, type WiringFormState } from '../utils/form';

export type CheckView =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; report: WiringReport; saveError?: string }
  | { phase: 'error'; message: string };

export function useWiringCheck(api: WiringApi): {
  view: CheckView;
  run(form: WiringFormState): void;
} {
  const check = useFetch(async (signal, form: WiringFormState) => {
    const request = requestFromForm(form);
    // Remembering the inputs must not fail the check: its error is shown next to the report.
    const saved = api.saveSettings(request, signal).then(
      () => undefined,
      (error: unknown) => (isAbort(error) ? undefined : errorMessage(error))
    );
    const report = await api.check(request, signal);
    return { report, saveError: await saved };
  });
  const { state, run } = check;
  const view = useMemo((): CheckView => {
    switch (state.phase) {
      case 'idle':
        return { phase: 'idle' };
      case 'loading':
        return { phase: 'running' };
      case 'error':
        return { phase: 'error', message: state.error.message };
      case 'done':
        return {
          phase: 'done',
          report: state.data.report,
          ...(state.data.saveError ? { saveError: state.data.saveError } : {}),
        };
    }
  }, [state]);
  return { view, run: (form) => void run(form) };
}

/** Loads the remembered region and application ids once, so the form opens filled in. */
import { useEffect, useState } from 'react';
import type { WiringApi } from '../../../api/wiring';
import { EMPTY_FORM, formFromSettings, type WiringFormState } from '../utils/form';
import { errorMessage } from '../../../utils/errors';

export type SettingsView =
  | { phase: 'loading' }
  | { phase: 'ready'; form: WiringFormState; saved: boolean }
  /** The form still works; only remembering failed. */
  | { phase: 'error'; form: WiringFormState; message: string };

export function useWiringSettings(api: WiringApi): SettingsView {
  const [view, setView] = useState<SettingsView>({ phase: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    api
      .loadSettings(controller.signal)
      .then((settings) => {
        if (!controller.signal.aborted)
          setView({ phase: 'ready', form: formFromSettings(settings), saved: settings !== null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setView({ phase: 'error', form: EMPTY_FORM, message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [api]);
  return view;
}

/** Loads the remembered region and application ids once, so the form opens filled in. */
import { useMemo } from 'react';
import type { WiringApi } from '../../../api/wiring';
import { useLoad } from '../../../hooks/use_fetch';
import { EMPTY_FORM, formFromSettings, type WiringFormState } from '../utils/form';

export type SettingsView =
  | { phase: 'loading' }
  | { phase: 'ready'; form: WiringFormState; saved: boolean }
  /** The form still works; only remembering failed. */
  | { phase: 'error'; form: WiringFormState; message: string };

export function useWiringSettings(api: WiringApi): SettingsView {
  const { state } = useLoad((signal) => api.loadSettings(signal), [api]);
  return useMemo((): SettingsView => {
    if (state.phase === 'done') {
      return { phase: 'ready', form: formFromSettings(state.data), saved: state.data !== null };
    }
    if (state.phase === 'error') {
      return { phase: 'error', form: EMPTY_FORM, message: state.error.message };
    }
    return { phase: 'loading' };
  }, [state]);
}

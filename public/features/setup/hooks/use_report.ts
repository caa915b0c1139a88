/** Loads the validation report for a prefix; reload() after a fix. A newer load cancels the one in flight. */
import type { ValidationReport } from '../../../../common/report';
import type { IndexEngineApi } from '../../../api/index_engine';
import { useLoad } from '../../../hooks/use_fetch';

export function useReport(api: IndexEngineApi, prefix: string) {
  return useLoad<ValidationReport>((signal) => api.report(prefix, signal), [api, prefix]);
}

/**
 * Runs one apply (a fix button) and says how it went. A 409 (a template someone changed) keeps its diff in
 * the failure's attributes so the page can show it before the user chooses to overwrite.
 */
import type { ApplyOptions, ApplyResult } from '../../../../common/report';
import type { TemplateDiffEntry } from '../../../../common/template_normalize';
import type { IndexEngineApi } from '../../../api/index_engine';
import { useFetch } from '../../../hooks/use_fetch';
import type { RequestFailure } from '../../../utils/errors';

export function useApply(api: IndexEngineApi, onApplied: (result: ApplyResult) => void) {
  return useFetch(
    (signal, options: Partial<ApplyOptions> & { prefix: string }) => api.apply(options, signal),
    { onDone: onApplied }
  );
}

/** The template diff a refused apply (409) carries. */
export function diffOf(failure: RequestFailure): TemplateDiffEntry[] {
  const diff = failure.attributes?.diff;
  return Array.isArray(diff) ? (diff as TemplateDiffEntry[]) : [];
}

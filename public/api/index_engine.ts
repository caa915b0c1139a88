/**
 * The index engine over core.http: the validation report and apply. Components reach it through props; each
 * call takes an AbortSignal so a page that goes away cancels what it started.
 */
import { API_PATHS } from '../../common/constants';
import type { ApplyOptions, ApplyResult, ValidationReport } from '../../common/report';
import type { HttpSetup } from '../osd_port';

export interface IndexEngineApi {
  report(prefix: string, signal?: AbortSignal): Promise<ValidationReport>;
  apply(
    options: Partial<ApplyOptions> & { prefix: string },
    signal?: AbortSignal
  ): Promise<ApplyResult>;
}

export function createIndexEngineApi(http: HttpSetup): IndexEngineApi {
  return {
    report: (prefix, signal) =>
      http.get<ValidationReport>(API_PATHS.report, { query: { prefix }, signal }),
    apply: (options, signal) =>
      http.post<ApplyResult>(API_PATHS.apply, { body: JSON.stringify(options), signal }),
  };
}

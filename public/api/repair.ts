/**
 * The repair resource over core.http: start or resume a repair, poll its progress, list jobs and candidates.
 * Components reach it through props; every call takes an AbortSignal so a closed page stops polling.
 */
import { API_PATHS } from '../../common/constants';
import type {
  RepairCandidatesResponse,
  RepairJob,
  RepairJobResponse,
  RepairListResponse,
} from '../../common/repair';
import type { HttpSetup } from '../osd_port';

export interface RepairApi {
  /** Starts a repair of `index` (a daily index of the archive `prefix`), or resumes the unfinished one. */
  start(index: string, prefix: string, signal?: AbortSignal): Promise<RepairJob>;
  progress(index: string, signal?: AbortSignal): Promise<RepairJob>;
  list(signal?: AbortSignal): Promise<RepairJob[]>;
  candidates(prefix: string, signal?: AbortSignal): Promise<RepairCandidatesResponse>;
}

export function repairJobPath(index: string): string {
  return API_PATHS.repairIndex.replace('{index}', encodeURIComponent(index));
}

export function createRepairApi(http: HttpSetup): RepairApi {
  return {
    async start(index, prefix, signal) {
      const res = await http.post<RepairJobResponse>(API_PATHS.repair, {
        body: JSON.stringify({ index, prefix }),
        signal,
      });
      return res.job;
    },
    async progress(index, signal) {
      const res = await http.get<RepairJobResponse>(repairJobPath(index), { signal });
      return res.job;
    },
    async list(signal) {
      const res = await http.get<RepairListResponse>(API_PATHS.repair, { signal });
      return res.jobs;
    },
    candidates(prefix, signal) {
      return http.get<RepairCandidatesResponse>(API_PATHS.repairCandidates, {
        query: { prefix },
        signal,
      });
    },
  };
}

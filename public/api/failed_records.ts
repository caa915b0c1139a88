/**
 * The failed-records resource over core.http: the grouped listing of what Firehose left in S3, and the replay.
 * Components reach it through props; every call takes an AbortSignal.
 */
import {
  FAILED_RECORDS_PATHS,
  type FailedRecordsListing,
  type FailedRecordsRequest,
  type ReplayRequest,
  type ReplaySummary,
} from '../../common/failed_records';
import type { HttpSetup } from '../osd_port';

export interface FailedRecordsApi {
  list(request: Partial<FailedRecordsRequest>, signal?: AbortSignal): Promise<FailedRecordsListing>;
  replay(
    request: Partial<ReplayRequest>,
    signal?: AbortSignal
  ): Promise<{ listing: FailedRecordsListing; summary: ReplaySummary }>;
}

export function createFailedRecordsApi(http: HttpSetup): FailedRecordsApi {
  return {
    list(request, signal) {
      return http.post<FailedRecordsListing>(FAILED_RECORDS_PATHS.list, {
        body: JSON.stringify(request),
        signal,
      });
    },
    replay(request, signal) {
      return http.post<{ listing: FailedRecordsListing; summary: ReplaySummary }>(
        FAILED_RECORDS_PATHS.replay,
        { body: JSON.stringify(request), signal }
      );
    },
  };
}

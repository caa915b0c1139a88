/**
 * The failed-records service: one door-independent API for the CLI, the route and the app.
 * list: locate, read and group; replay: the same, then write the records back where Firehose meant them.
 */
import type {
  FailedRecordsListing,
  FailedRecordsRequest,
  ReplaySummary,
} from '../../../common/failed_records';
import type { AwsPortSource } from '../../aws/client_factory';
import type { OpenSearchClient } from '../../osd_port';
import { listingOf } from './group';
import { type FailedFile, readFailedRecords } from './read';
import { replayFailedRecords } from './replay';
import { locateFailedRecords } from './source';

export { replayDocumentId, replayFailedRecords } from './replay';

export interface FailedRecordsDeps {
  aws: AwsPortSource;
  onRead?: (done: number, total: number) => void;
}

export async function loadFailedRecords(
  request: FailedRecordsRequest,
  deps: FailedRecordsDeps
): Promise<{ listing: FailedRecordsListing; files: FailedFile[] }> {
  const aws = deps.aws.forRegion(request.region);
  const place = await locateFailedRecords(aws, request);
  const { files, corrupt } = await readFailedRecords(aws, place, {
    since: request.since,
    until: request.until,
    onFile: deps.onRead,
  });
  return {
    listing: listingOf(request.region, place.bucket, place.prefixes, files, corrupt),
    files,
  };
}

export async function listFailedRecords(
  request: FailedRecordsRequest,
  deps: FailedRecordsDeps
): Promise<FailedRecordsListing> {
  return (await loadFailedRecords(request, deps)).listing;
}

export interface ReplayRequestOptions {
  /** Only records of these groups (errorCode + errorMessage as listed); all when absent. */
  errorCode?: string;
  onProgress?: (done: number, total: number) => void;
}

export async function replayFromS3(
  request: FailedRecordsRequest,
  client: OpenSearchClient,
  deps: FailedRecordsDeps,
  options: ReplayRequestOptions = {}
): Promise<{ listing: FailedRecordsListing; summary: ReplaySummary }> {
  const { listing, files } = await loadFailedRecords(request, deps);
  const records = files
    .flatMap((f) => f.records)
    .filter((r) => options.errorCode === undefined || String(r.errorCode) === options.errorCode);
  const summary = await replayFailedRecords(client, records, {
    indexPrefix: request.indexPrefix,
    onProgress: options.onProgress,
  });
  return { listing, summary };
}

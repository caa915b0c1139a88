/**
 * Where a stream's failed records are: the backup bucket and prefix from DescribeDeliveryStream (or as given),
 * then every spelling of the failed folder Firehose has used under that prefix, or the static start of an
 * ErrorOutputPrefix, which replaces the folder when set.
 */
import type { FailedRecordsRequest } from '../../../common/failed_records';
import { NotFoundError, ValidationError } from '../../errors';
import { AwsCallError } from '../../aws/errors';
import type { AwsPorts } from '../../aws/client_factory';
import { FAILED_FOLDERS } from '../wiring/failed_records';
import { toStreamInfo } from '../wiring/stream_info';

export interface FailedRecordsPlace {
  bucket: string;
  prefixes: string[];
  /** From the stream: its index prefix (records for other indices are never replayed). */
  streamIndexName?: string;
}

const CALL = { timeoutMs: 15_000 };

function explainAws(error: unknown, what: string): never {
  if (error instanceof AwsCallError) {
    if (error.kind === 'not_found')
      throw new NotFoundError(`${what}: not found (${error.message})`);
    throw new ValidationError(`${what}: ${error.kind.replace('_', ' ')} (${error.message})`);
  }
  throw error;
}

async function fromStream(aws: AwsPorts, stream: string) {
  const name = stream.startsWith('arn:') ? (stream.split('/').pop() ?? stream) : stream;
  const description = await aws.firehose
    .describeDeliveryStream(name, CALL)
    .catch((e: unknown) => explainAws(e, `delivery stream ${name}`));
  const info = toStreamInfo(description, aws.region);
  if (!info) throw new ValidationError(`delivery stream ${name} does not deliver to OpenSearch`);
  if (!info.bucket) throw new ValidationError(`delivery stream ${name} names no S3 backup bucket`);
  return info;
}

/** The delivery stream a Pinpoint project's event stream points at. */
async function streamOfApp(aws: AwsPorts, appId: string): Promise<string> {
  const eventStream = await aws.pinpoint
    .getEventStream(appId, CALL)
    .catch((e: unknown) => explainAws(e, `event stream of Pinpoint project ${appId}`));
  const arn = eventStream.DestinationStreamArn ?? '';
  if (!arn.includes(':firehose:'))
    throw new ValidationError(
      `Pinpoint project ${appId} streams to ${arn || 'nothing'}, not to a Firehose delivery stream`
    );
  return arn;
}

export async function locateFailedRecords(
  aws: AwsPorts,
  request: FailedRecordsRequest
): Promise<FailedRecordsPlace> {
  const stream =
    request.stream ??
    (request.appId && !request.bucket ? await streamOfApp(aws, request.appId) : undefined);
  const info = stream ? await fromStream(aws, stream) : undefined;
  const bucket = request.bucket ?? info?.bucket ?? '';
  const errorOutputPrefix = request.prefix === undefined ? info?.errorOutputPrefix : undefined;
  if (errorOutputPrefix) {
    const expanded = errorOutputPrefix.includes('!{firehose:error-output-type}')
      ? FAILED_FOLDERS.map((f) =>
          errorOutputPrefix.replace('!{firehose:error-output-type}', f.slice(0, -1))
        )
      : [errorOutputPrefix];
    return {
      bucket,
      prefixes: [...new Set(expanded.map((p) => p.split('!{')[0]))],
      streamIndexName: info?.indexName,
    };
  }
  const prefix = request.prefix ?? info?.prefix ?? '';
  const folders = new Set(
    await aws.s3
      .listFolders(bucket, prefix, 5000, CALL)
      .catch((e: unknown) => explainAws(e, `bucket ${bucket}`))
  );
  const found = FAILED_FOLDERS.map((f) => `${prefix}${f}`).filter((p) => folders.has(p));
  // A prefix given by hand may already be the failed folder itself.
  return { bucket, prefixes: found.length ? found : [prefix], streamIndexName: info?.indexName };
}

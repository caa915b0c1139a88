/** A Firehose -> OpenSearch destination as the later hops need it. */
import type { DeliveryStreamDescription } from '../../aws/firehose';
import { partitionFor, resourceName, tryParseArn } from '../../../common/arn';
import type { IndexRotation } from '../../../common/index_naming';

export interface StreamInfo {
  name: string;
  region: string;
  /** The partition of the stream (from its ARN): every ARN written for it uses the same one. */
  partition: string;
  arn: string;
  versionId: string;
  destinationId: string;
  destType: 'opensearch' | 'elasticsearch';
  roleArn: string;
  domainArn?: string;
  domainName?: string;
  domainAccount?: string;
  domainRegion?: string;
  clusterEndpoint?: string;
  indexName: string;
  rotation: IndexRotation;
  intervalSeconds: number;
  sizeMb: number;
  retrySeconds?: number;
  backupMode: string;
  bucket?: string;
  prefix: string;
  errorOutputPrefix?: string;
  loggingEnabled: boolean;
  logGroup?: string;
  vpc: boolean;
}

export function toStreamInfo(d: DeliveryStreamDescription, region: string): StreamInfo | undefined {
  const dest = d.Destinations?.[0];
  const os = dest?.AmazonopensearchserviceDestinationDescription;
  const es = dest?.ElasticsearchDestinationDescription;
  const desc = os ?? es;
  if (!dest || !desc) return undefined;
  const domainArn = tryParseArn(desc.DomainARN);
  const bucketArn = tryParseArn(desc.S3DestinationDescription?.BucketARN);
  return {
    name: d.DeliveryStreamName ?? '',
    region,
    partition: tryParseArn(d.DeliveryStreamARN)?.partition ?? partitionFor(region),
    arn: d.DeliveryStreamARN ?? '',
    versionId: d.VersionId ?? '1',
    destinationId: dest.DestinationId ?? 'destinationId-000000000001',
    destType: os ? 'opensearch' : 'elasticsearch',
    roleArn: desc.RoleARN ?? '',
    domainArn: desc.DomainARN,
    domainName: domainArn ? resourceName(domainArn, 'domain') : undefined,
    domainAccount: domainArn?.account,
    domainRegion: domainArn?.region,
    clusterEndpoint: desc.ClusterEndpoint,
    indexName: desc.IndexName ?? '',
    rotation: (desc.IndexRotationPeriod ?? 'OneDay') as IndexRotation,
    intervalSeconds: desc.BufferingHints?.IntervalInSeconds ?? 300,
    sizeMb: desc.BufferingHints?.SizeInMBs ?? 5,
    retrySeconds: desc.RetryOptions?.DurationInSeconds,
    backupMode: desc.S3BackupMode ?? 'FailedDocumentsOnly',
    bucket: bucketArn?.resource,
    prefix: desc.S3DestinationDescription?.Prefix ?? '',
    errorOutputPrefix: desc.S3DestinationDescription?.ErrorOutputPrefix || undefined,
    loggingEnabled: desc.CloudWatchLoggingOptions?.Enabled === true,
    logGroup: desc.CloudWatchLoggingOptions?.LogGroupName,
    vpc: Boolean(desc.VpcConfigurationDescription),
  };
}

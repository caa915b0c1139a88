/** A Firehose -> OpenSearch destination as the later hops need it, and the commands that change it. */
import type { DeliveryStreamDescription } from '../../aws/firehose';
import { type Arn, parseArn } from '../../../common/aws_validation';
import type { IndexRotation } from '../../../common/index_naming';

export interface StreamInfo {
  name: string;
  region: string;
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
  /** false when the destination is known to be another cluster than the one these dashboards read. */
  isThisCluster?: boolean;
}

export const FIREHOSE_CONSOLE = (name: string) =>
  `Amazon Data Firehose console → Firehose streams → ${name} → Configuration → Destination settings → Edit`;

/** The update-destination command for one setting of this stream's destination. */
export function updateDestinationCli(info: StreamInfo, update: Record<string, unknown>): string {
  const flag =
    info.destType === 'opensearch'
      ? '--amazonopensearchservice-destination-update'
      : '--elasticsearch-destination-update';
  return (
    `aws firehose update-destination --region ${info.region} --delivery-stream-name ${info.name} ` +
    `--current-delivery-stream-version-id ${info.versionId} --destination-id ${info.destinationId} ${flag} '${JSON.stringify(update)}'`
  );
}

function safeArn(text: string | undefined): Arn | undefined {
  if (!text) return undefined;
  try {
    return parseArn(text);
  } catch {
    return undefined;
  }
}

export function toStreamInfo(d: DeliveryStreamDescription, region: string): StreamInfo | undefined {
  const dest = d.Destinations?.[0];
  const os = dest?.AmazonopensearchserviceDestinationDescription;
  const es = dest?.ElasticsearchDestinationDescription;
  const desc = os ?? es;
  if (!dest || !desc) return undefined;
  const domainArn = safeArn(desc.DomainARN);
  const bucketArn = safeArn(desc.S3DestinationDescription?.BucketARN);
  return {
    name: d.DeliveryStreamName ?? '',
    region,
    arn: d.DeliveryStreamARN ?? '',
    versionId: d.VersionId ?? '1',
    destinationId: dest.DestinationId ?? 'destinationId-000000000001',
    destType: os ? 'opensearch' : 'elasticsearch',
    roleArn: desc.RoleARN ?? '',
    domainArn: desc.DomainARN,
    domainName: domainArn?.resource.replace(/^domain\//, ''),
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

/** The console paths and CLI commands the remedies offer, written in the partition of the region. */
import { arnIn, partitionFor } from '../../../../common/arn';
import type { StreamCoordinates } from '../facts';

export const PINPOINT_SERVICE = 'pinpoint.amazonaws.com';

export const EVENT_STREAM_CONSOLE =
  'Pinpoint console → All projects → the project → Settings → Event stream → Edit → Stream to Amazon Kinesis → Send events to an Amazon Kinesis Data Firehose delivery stream';

export const firehoseConsole = (name: string) =>
  `Amazon Data Firehose console → Firehose streams → ${name} → Configuration → Destination settings → Edit`;

export const IAM_INLINE_POLICY_CONSOLE = (roleName: string) =>
  `IAM console → Roles → ${roleName} → Add permissions → Create inline policy`;

/** A stream given as an ARN is used as is; a name becomes an ARN in the region's partition. */
function streamArn(region: string, stream: string): string {
  return stream.startsWith('arn:')
    ? stream
    : arnIn(region, 'firehose', '<account>', `deliverystream/${stream}`);
}

export function putEventStreamCli(
  region: string,
  appId: string,
  stream = '<stream>',
  role = '<role>'
): string {
  return (
    `aws pinpoint put-event-stream --region ${region} --application-id ${appId} ` +
    `--write-event-stream DestinationStreamArn=${streamArn(region, stream)},RoleArn=${role}`
  );
}

/** The update-destination command for one setting of a stream's destination. */
export function updateDestinationCli(
  stream: StreamCoordinates,
  update: Record<string, unknown>
): string {
  const flag =
    stream.destType === 'opensearch'
      ? '--amazonopensearchservice-destination-update'
      : '--elasticsearch-destination-update';
  return (
    `aws firehose update-destination --region ${stream.region} --delivery-stream-name ${stream.name} ` +
    `--current-delivery-stream-version-id ${stream.versionId} --destination-id ${stream.destinationId} ${flag} '${JSON.stringify(update)}'`
  );
}

/** The trust policy Pinpoint needs, limited to the account's projects (the confused-deputy guard). */
export function pinpointTrustPolicy(account: string, region: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: PINPOINT_SERVICE },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': arnIn(region, 'mobiletargeting', account, 'apps/*') },
        },
      },
    ],
  });
}

export { partitionFor };

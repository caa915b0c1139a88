/**
 * Hop 4: the Firehose delivery stream. It exists and is ACTIVE, takes Direct PUT (what Pinpoint writes with),
 * delivers to an OpenSearch/Elasticsearch domain, and that domain is the cluster these dashboards read. The
 * delivery settings (index name, rotation, buffering, retries, backup, logging) are judged in firehose_settings.
 */
import { parseFirehoseStream } from '../../../common/aws_validation';
import type { DeliveryStreamDescription } from '../../aws/firehose';
import type { ClusterRoot } from './cluster_facts';
import { type HopContext, isAwsError, unknownFromError } from './context';
import type { AppStream } from './event_stream';
import { checkSettings } from './firehose_settings';
import type { HopBuilder } from './hop_builder';
import { FIREHOSE_CONSOLE, type StreamInfo, toStreamInfo } from './stream_info';

export interface StreamTarget {
  name: string;
  region: string;
}

/** The streams to check: the one asked for, else the distinct Firehose destinations of the event streams. */
export function resolveTargets(ctx: HopContext, streams: AppStream[]): StreamTarget[] {
  if (ctx.request.firehoseStream) {
    // Given as an ARN, the stream is looked for where the ARN says, not in the request's region.
    const ref = parseFirehoseStream(ctx.request.firehoseStream);
    return [{ name: ref.name, region: ref.region ?? ctx.request.region }];
  }
  const seen = new Map<string, StreamTarget>();
  for (const s of streams) {
    if (s.destination?.kind !== 'firehose') continue;
    const region = s.destination.region || ctx.request.region;
    seen.set(`${region}|${s.destination.name}`, { name: s.destination.name, region });
  }
  return [...seen.values()];
}

function destinationKind(d: DeliveryStreamDescription): string {
  const dest = d.Destinations?.[0] ?? {};
  const key = Object.keys(dest).find((k) => k.endsWith('DestinationDescription'));
  return key ? key.replace(/DestinationDescription$/, '') : 'none';
}

async function checkBasics(
  hop: HopBuilder,
  d: DeliveryStreamDescription,
  streams: Promise<AppStream[]>
): Promise<void> {
  const subject = d.DeliveryStreamName ?? '';
  const status = d.DeliveryStreamStatus ?? 'UNKNOWN';
  hop.add({
    id: 'status',
    title: 'Stream is ACTIVE',
    subject,
    status: status === 'ACTIVE' ? 'pass' : status === 'CREATING' ? 'warn' : 'fail',
    message:
      status === 'ACTIVE'
        ? 'The stream accepts records.'
        : `The stream is ${status}${d.FailureDescription?.Details ? `: ${d.FailureDescription.Details}` : ''}.`,
    evidence: { status, failure: d.FailureDescription?.Details },
    remedy:
      status === 'ACTIVE' || status === 'CREATING'
        ? undefined
        : {
            summary: 'Delete and recreate the stream with the failure fixed.',
            console: FIREHOSE_CONSOLE(subject),
          },
  });
  const type = d.DeliveryStreamType ?? 'DirectPut';
  const sourceArn = d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN;
  // Only a Kinesis-sourced stream needs to know where Pinpoint writes: no waiting on Pinpoint otherwise.
  const fromPinpoint =
    type === 'KinesisStreamAsSource' &&
    (await streams).some(
      (s) => s.destination?.kind === 'kinesis' && s.destination.arn === sourceArn
    );
  const sourceOk = type === 'DirectPut' || (type === 'KinesisStreamAsSource' && fromPinpoint);
  hop.add({
    id: 'source',
    title: 'Source is Direct PUT',
    subject,
    status: sourceOk ? 'pass' : 'fail',
    message:
      type === 'DirectPut'
        ? 'Direct PUT: Pinpoint writes to it with PutRecordBatch.'
        : sourceOk
          ? `Reads the Kinesis data stream Pinpoint writes to (${sourceArn}).`
          : `The source is ${type}${sourceArn ? ` (${sourceArn})` : ''}: Pinpoint's PutRecordBatch is refused by such a stream.`,
    evidence: { deliveryStreamType: type, kinesisSource: sourceArn },
    remedy: sourceOk
      ? undefined
      : {
          summary:
            'The source cannot be changed: create a Direct PUT stream and point the event stream at it.',
        },
  });
}

function checkDestination(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo,
  root: ClusterRoot | Error | undefined
): void {
  const subject = info.name;
  const base = { id: 'domain', title: 'Delivers to this cluster', subject };
  const evidence = {
    destinationType: info.destType === 'opensearch' ? 'AmazonOpenSearchService' : 'Elasticsearch',
    domainArn: info.domainArn,
    clusterEndpoint: info.clusterEndpoint,
    clusterName: root instanceof Error || !root ? undefined : root.clusterName,
    askedDomain: ctx.request.domain,
  };
  if (ctx.request.domain && info.domainName && ctx.request.domain !== info.domainName) {
    info.isThisCluster = false;
    hop.add({
      ...base,
      status: 'fail',
      message: `The stream delivers to domain ${info.domainName}, not to ${ctx.request.domain}.`,
      evidence,
      remedy: {
        summary: `Point the stream at ${ctx.request.domain} (a new stream: the domain cannot be changed in place).`,
      },
    });
    return;
  }
  if (!root || root instanceof Error) {
    hop.add({
      ...base,
      status: 'unknown',
      message: root
        ? `Could not read this cluster's name: ${root.message}`
        : 'No cluster to compare with.',
      evidence,
    });
    return;
  }
  if (!root.domain) {
    hop.add({
      ...base,
      status: 'unknown',
      message: `This cluster's name "${root.clusterName}" is not an Amazon OpenSearch Service "<account>:<domain>" name, so whether the stream delivers here cannot be told.`,
      evidence,
    });
    return;
  }
  const matches =
    info.domainName === root.domain && (!info.domainAccount || info.domainAccount === root.account);
  info.isThisCluster = info.domainName ? matches : undefined;
  if (!info.domainName) {
    hop.add({
      ...base,
      status: 'unknown',
      message: `The stream names an endpoint (${info.clusterEndpoint}), not a domain; this cluster is ${root.clusterName}.`,
      evidence,
    });
    return;
  }
  hop.add({
    ...base,
    status: matches ? 'pass' : 'fail',
    message: matches
      ? `Domain ${info.domainName} is the cluster these dashboards read (${root.clusterName}).`
      : `The stream delivers to ${info.domainAccount}:${info.domainName}, but these dashboards read ${root.clusterName}.`,
    evidence,
    remedy: matches
      ? undefined
      : {
          summary:
            'Open these dashboards on the stream’s domain, or create a stream that delivers to this one.',
        },
  });
}

export async function checkFirehose(
  ctx: HopContext,
  hop: HopBuilder,
  target: StreamTarget,
  streams: Promise<AppStream[]>,
  root: Promise<ClusterRoot | Error | undefined>
): Promise<StreamInfo | undefined> {
  const subject = target.name;
  let description: DeliveryStreamDescription;
  try {
    description = await ctx
      .aws(target.region)
      .firehose.describeDeliveryStream(target.name, ctx.call);
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.add({
        id: 'exists',
        title: 'Stream exists',
        subject,
        status: 'fail',
        message: `There is no Firehose stream ${target.name} in ${target.region}.`,
        evidence: { name: target.name, region: target.region, error: error.describe() },
        remedy: {
          summary:
            'Create a Direct PUT stream with an Amazon OpenSearch Service destination (daily rotation, failed documents to S3), then point the event stream at it.',
          console:
            'Amazon Data Firehose console → Create Firehose stream → Source: Direct PUT → Destination: Amazon OpenSearch Service',
        },
      });
      return undefined;
    }
    hop.add(
      unknownFromError(
        { id: 'exists', title: 'Stream exists', subject },
        error,
        `describe ${target.name}`
      )
    );
    return undefined;
  }
  hop.add({
    id: 'exists',
    title: 'Stream exists',
    subject,
    status: 'pass',
    message: `${description.DeliveryStreamARN}`,
    evidence: { arn: description.DeliveryStreamARN, versionId: description.VersionId },
  });
  await checkBasics(hop, description, streams);
  const info = toStreamInfo(description, target.region);
  if (!info) {
    const kind = destinationKind(description);
    hop.add({
      id: 'destination',
      title: 'Destination is OpenSearch',
      subject,
      status: 'fail',
      message:
        kind === 'AmazonOpenSearchServerless'
          ? 'The stream delivers to an OpenSearch Serverless collection, not to a domain these dashboards can check.'
          : `The stream delivers to ${kind}, not to an OpenSearch domain.`,
      evidence: { destination: kind },
      remedy: {
        summary:
          'Create a stream whose destination is Amazon OpenSearch Service and point the event stream at it.',
      },
    });
    return undefined;
  }
  hop.add({
    id: 'destination',
    title: 'Destination is OpenSearch',
    subject,
    status: 'pass',
    message:
      info.destType === 'opensearch'
        ? 'Amazon OpenSearch Service destination.'
        : 'Elasticsearch destination (the older name of the same service).',
    evidence: { destinationType: info.destType },
  });
  checkDestination(ctx, hop, info, await root);
  checkSettings(ctx, hop, info);
  return info;
}

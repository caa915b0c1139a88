/**
 * Hop 4: the Firehose delivery stream. It exists and is ACTIVE, takes Direct PUT (what Pinpoint writes with),
 * delivers to an OpenSearch/Elasticsearch domain, and that domain is the cluster these dashboards read. This
 * file reads the stream and the cluster's name; the judgements are in judgements/firehose*.ts.
 */
import { parseFirehoseStream } from '../../../common/aws_validation';
import type { DeliveryStreamDescription } from '../../aws/firehose';
import type { CallerIdentity } from '../../aws/sts';
import type { ClusterRoot } from './cluster_facts';
import { type HopContext, isAwsError, readFailure } from './context';
import type { AppStream } from './event_stream';
import type { ClusterMatchFacts } from './facts';
import type { HopBuilder } from './hop_builder';
import {
  isThisCluster,
  judgeClusterMatch,
  judgeStreamDestination,
  judgeStreamExists,
  judgeStreamSource,
  judgeStreamStatus,
} from './judgements/firehose';
import { judgeSettings } from './judgements/firehose_settings';
import { type StreamInfo, toStreamInfo } from './stream_info';

export interface StreamTarget {
  name: string;
  region: string;
  /** Set when the stream was given as an ARN: the account it must belong to. */
  account?: string;
}

/** What the hops after this one learn about a stream: its destination, and whether it is this cluster. */
export interface DescribedStream {
  info: StreamInfo;
  /** false: known to deliver to another cluster; undefined: cannot be told. */
  isThisCluster?: boolean;
}

/** The streams to check: the one asked for, else the distinct Firehose destinations of the event streams. */
export function resolveTargets(ctx: HopContext, streams: AppStream[]): StreamTarget[] {
  if (ctx.request.firehoseStream) {
    // Given as an ARN, the stream is looked for where the ARN says, not in the request's region.
    const ref = parseFirehoseStream(ctx.request.firehoseStream);
    return [{ name: ref.name, region: ref.region ?? ctx.request.region, account: ref.account }];
  }
  const seen = new Map<string, StreamTarget>();
  for (const s of streams) {
    if (s.destination?.kind !== 'firehose') continue;
    const region = s.destination.region || ctx.request.region;
    seen.set(`${region}|${s.destination.name}`, {
      name: s.destination.name,
      region,
      account: s.destination.account || undefined,
    });
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
  hop.record(
    judgeStreamStatus({
      name: subject,
      status: d.DeliveryStreamStatus ?? 'UNKNOWN',
      failure: d.FailureDescription?.Details,
    }),
    subject
  );
  const type = d.DeliveryStreamType ?? 'DirectPut';
  const sourceArn = d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN;
  // Only a Kinesis-sourced stream needs to know where Pinpoint writes: no waiting on Pinpoint otherwise.
  const fromPinpoint =
    type === 'KinesisStreamAsSource' &&
    (await streams).some(
      (s) => s.destination?.kind === 'kinesis' && s.destination.arn === sourceArn
    );
  hop.record(
    judgeStreamSource({ deliveryStreamType: type, kinesisSource: sourceArn, fromPinpoint }),
    subject
  );
}

function clusterFacts(
  ctx: HopContext,
  info: StreamInfo,
  root: ClusterRoot | Error | undefined
): ClusterMatchFacts {
  return {
    destinationType: info.destType === 'opensearch' ? 'AmazonOpenSearchService' : 'Elasticsearch',
    domainArn: info.domainArn,
    domainName: info.domainName,
    domainAccount: info.domainAccount,
    clusterEndpoint: info.clusterEndpoint,
    askedDomain: ctx.request.domain,
    noCluster: root === undefined,
    ...(root instanceof Error
      ? { clusterError: root.message }
      : root
        ? {
            clusterName: root.clusterName,
            clusterAccount: root.account,
            clusterDomain: root.domain,
          }
        : {}),
  };
}

export async function checkFirehose(
  ctx: HopContext,
  hop: HopBuilder,
  target: StreamTarget,
  streams: Promise<AppStream[]>,
  root: Promise<ClusterRoot | Error | undefined>,
  identity: Promise<CallerIdentity | undefined>
): Promise<DescribedStream | undefined> {
  const subject = target.name;
  const exists = { name: target.name, region: target.region, askedAccount: target.account };
  if (target.account && ctx.request.firehoseStream?.startsWith('arn:')) {
    // An ARN names its account: describing a same-named stream of the caller's account would answer another question.
    const caller = (await identity)?.account;
    const verdict = judgeStreamExists({ ...exists, callerAccount: caller }, false);
    if (verdict.reason === 'other_account') {
      hop.record(verdict, subject);
      return undefined;
    }
  }
  let description: DeliveryStreamDescription;
  try {
    description = await ctx
      .aws(target.region)
      .firehose.describeDeliveryStream(target.name, ctx.call);
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.record(judgeStreamExists({ ...exists, error: error.describe() }, false), subject);
      return undefined;
    }
    hop.failure('firehose.exists', readFailure(error), `describe ${target.name}`, subject);
    return undefined;
  }
  hop.record(
    judgeStreamExists(
      { ...exists, arn: description.DeliveryStreamARN, versionId: description.VersionId },
      true
    ),
    subject
  );
  await checkBasics(hop, description, streams);
  const info = toStreamInfo(description, target.region);
  if (!info) {
    hop.record(judgeStreamDestination({ destination: destinationKind(description) }), subject);
    return undefined;
  }
  hop.record(judgeStreamDestination({ destination: info.destType }), subject);
  const facts = clusterFacts(ctx, info, await root);
  hop.record(judgeClusterMatch(facts), subject);
  for (const setting of judgeSettings(info, ctx.now)) hop.record(setting, subject);
  return { info, isThisCluster: isThisCluster(facts) };
}

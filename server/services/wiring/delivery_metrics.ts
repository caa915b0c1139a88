/**
 * Hop 7: is anything flowing? CloudWatch's last hour for the stream (records in, delivery success ratio, data
 * freshness) and the newest arrival_timestamp in this cluster, judged against the buffer interval: flowing,
 * stalled, or idle. Idle is not a fault (after Pinpoint's end of support many projects send nothing) but it is
 * said, because an idle pipeline cannot prove it works.
 */
import type { MetricDataQuery, MetricDataResult } from '../../aws/cloudwatch';
import { readLatestArrival } from './cluster_facts';
import { type HopContext, unknownFromError } from './context';
import type { HopBuilder } from './hop_builder';
import type { StreamInfo } from './stream_info';

const HOUR_MS = 3_600_000;

export interface FlowFacts {
  incoming?: number;
  delivered?: number;
  successRatio?: number;
  freshnessMaxSeconds?: number;
  /** Age of the newest document in the cluster, seconds. */
  latestAgeSeconds?: number;
  latestAt?: string;
  metricsRead: boolean;
}

/** How far behind the data may be before it counts as stuck: two buffer intervals and a minute. */
export function lagLimitSeconds(intervalSeconds: number): number {
  return intervalSeconds * 2 + 60;
}

export function metricPrefix(info: StreamInfo): string {
  return info.destType === 'opensearch'
    ? 'DeliveryToAmazonOpenSearchService'
    : 'DeliveryToElasticsearch';
}

function queries(info: StreamInfo): MetricDataQuery[] {
  const prefix = metricPrefix(info);
  const metric = (id: string, name: string, stat: string): MetricDataQuery => ({
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/Firehose',
        MetricName: name,
        Dimensions: [{ Name: 'DeliveryStreamName', Value: info.name }],
      },
      Period: 300,
      Stat: stat,
    },
    ReturnData: true,
  });
  return [
    metric('incoming', 'IncomingRecords', 'Sum'),
    metric('delivered', `${prefix}.Records`, 'Sum'),
    metric('success', `${prefix}.Success`, 'Average'),
    metric('freshness', `${prefix}.DataFreshness`, 'Maximum'),
  ];
}

function values(results: MetricDataResult[], id: string): number[] {
  return results.find((r) => r.Id === id)?.Values ?? [];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The verdict from the facts: flowing, stalled, idle, or unknown when neither CloudWatch nor the cluster told. */
export function flowVerdict(
  facts: FlowFacts,
  intervalSeconds: number
): 'flowing' | 'stalled' | 'idle' | 'unknown' {
  const limit = lagLimitSeconds(intervalSeconds);
  const recentDoc = facts.latestAgeSeconds !== undefined && facts.latestAgeSeconds <= limit;
  if (facts.metricsRead) {
    const incoming = facts.incoming ?? 0;
    if (incoming === 0) return recentDoc ? 'flowing' : 'idle';
    const stuck =
      (facts.delivered ?? 0) === 0 ||
      (facts.successRatio !== undefined && facts.successRatio < 0.99) ||
      (facts.freshnessMaxSeconds !== undefined && facts.freshnessMaxSeconds > limit);
    return stuck ? 'stalled' : 'flowing';
  }
  return recentDoc ? 'flowing' : 'unknown';
}

export async function checkDeliveryMetrics(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo
): Promise<void> {
  const subject = info.name;
  const limit = lagLimitSeconds(info.intervalSeconds);
  const end = ctx.now;
  const start = new Date(end.getTime() - HOUR_MS);
  const readCluster = ctx.cluster && info.isThisCluster !== false;
  const pattern = `${info.indexName}*`;
  const [metrics, latest] = await Promise.all([
    ctx
      .aws(info.region)
      .cloudwatch.getMetricData({ queries: queries(info), start, end }, ctx.call)
      .then(
        (results) => ({ results }),
        (error: unknown) => ({ error })
      ),
    readCluster && ctx.cluster
      ? readLatestArrival(ctx.cluster, pattern, ctx.clusterTimeoutMs).then(
          (r) => ({ latest: r.latest }),
          (error: unknown) => ({ error })
        )
      : Promise.resolve(undefined),
  ]);

  const facts: FlowFacts = { metricsRead: 'results' in metrics };
  const prefix = metricPrefix(info);
  if ('results' in metrics) {
    const success = values(metrics.results, 'success');
    const freshness = values(metrics.results, 'freshness');
    facts.incoming = sum(values(metrics.results, 'incoming'));
    facts.delivered = sum(values(metrics.results, 'delivered'));
    facts.successRatio = success.length ? sum(success) / success.length : undefined;
    facts.freshnessMaxSeconds = freshness.length ? Math.max(...freshness) : undefined;
    const failing = facts.successRatio !== undefined && facts.successRatio < 0.99;
    hop.add({
      id: 'success',
      title: `${prefix}.Success`,
      subject,
      status: failing ? 'fail' : 'pass',
      message:
        facts.successRatio === undefined
          ? 'No delivery attempts in the last hour.'
          : `${(facts.successRatio * 100).toFixed(1)}% of records indexed in the last hour (${facts.delivered} delivered, ${facts.incoming} in).`,
      evidence: {
        incomingRecords: facts.incoming,
        deliveredRecords: facts.delivered,
        successRatio: facts.successRatio,
        window: '1h',
      },
      remedy: failing
        ? { summary: 'Records are being refused: see the failed documents and the access hop.' }
        : undefined,
    });
    const stale = facts.freshnessMaxSeconds !== undefined && facts.freshnessMaxSeconds > limit;
    hop.add({
      id: 'freshness',
      title: `${prefix}.DataFreshness`,
      subject,
      status: stale ? 'fail' : 'pass',
      message:
        facts.freshnessMaxSeconds === undefined
          ? 'No records waited in the stream in the last hour.'
          : `The oldest record waited at most ${Math.round(facts.freshnessMaxSeconds)} s (limit ${limit} s for a ${info.intervalSeconds} s buffer).`,
      evidence: { dataFreshnessMaxSeconds: facts.freshnessMaxSeconds, limitSeconds: limit },
      remedy: stale
        ? {
            summary:
              'Records are stuck in Firehose (retrying). Look at the failed documents, the CloudWatch error log and the domain’s health.',
            console: `CloudWatch console → Alarms → Create alarm → AWS/Firehose ${prefix}.DataFreshness, DeliveryStreamName=${info.name}, > ${limit}`,
          }
        : undefined,
    });
  } else {
    hop.add(
      unknownFromError(
        { id: 'success', title: `${prefix}.Success`, subject },
        metrics.error,
        'read CloudWatch metrics'
      )
    );
  }

  if (latest && 'latest' in latest && latest.latest !== undefined) {
    facts.latestAgeSeconds = Math.max(0, (ctx.now.getTime() - latest.latest) / 1000);
    facts.latestAt = new Date(latest.latest).toISOString();
  }
  const incoming = facts.incoming ?? 0;
  const docBase = { id: 'latest_document', title: 'Newest document in the cluster', subject };
  if (!latest) {
    hop.add({
      ...docBase,
      status: 'unknown',
      message: ctx.cluster
        ? 'The stream delivers to another cluster: not read here.'
        : 'No cluster to read.',
      evidence: { pattern },
    });
  } else if ('error' in latest) {
    hop.add({
      ...docBase,
      status: 'unknown',
      message: `Could not read ${pattern}: ${latest.error instanceof Error ? latest.error.message : String(latest.error)}`,
      evidence: { pattern },
    });
  } else {
    const recent = facts.latestAgeSeconds !== undefined && facts.latestAgeSeconds <= limit;
    const missing = incoming > 0 && !recent;
    hop.add({
      ...docBase,
      status: recent ? 'pass' : missing ? 'fail' : 'warn',
      message:
        facts.latestAt === undefined
          ? `No document with an arrival_timestamp under ${pattern}.`
          : `Newest arrival_timestamp ${facts.latestAt} (${Math.round(facts.latestAgeSeconds ?? 0)} s ago; a ${info.intervalSeconds} s buffer allows ${limit} s).`,
      evidence: {
        pattern,
        latestArrival: facts.latestAt,
        ageSeconds: facts.latestAgeSeconds,
        limitSeconds: limit,
      },
      remedy: missing
        ? {
            summary:
              'Records come in but none reached these indices recently: see the failed documents and the access hop.',
          }
        : undefined,
    });
  }

  const verdict = flowVerdict(facts, info.intervalSeconds);
  const flowStatus = {
    flowing: 'pass',
    stalled: 'fail',
    idle: 'warn',
    unknown: 'unknown',
  } as const;
  hop.add({
    id: 'flow',
    title: 'Events flowing',
    subject,
    status: flowStatus[verdict],
    message: {
      flowing: 'Flowing: events reach the cluster within the buffer interval.',
      stalled: 'Stalled: events come in but are not delivered in time.',
      idle: 'Idle: no events came in during the last hour, so delivery cannot be confirmed. Expected when nothing is sending (Pinpoint reached end of support on 2026-10-30).',
      unknown: 'Neither CloudWatch nor the cluster could tell whether events flow.',
    }[verdict],
    evidence: {
      verdict,
      incomingRecords: facts.incoming,
      deliveredRecords: facts.delivered,
      newestDocumentAgeSeconds: facts.latestAgeSeconds,
      intervalSeconds: info.intervalSeconds,
    },
    remedy:
      verdict === 'stalled'
        ? {
            summary:
              'Look at the failed documents (hop 5) and the access checks (hop 6): they name the cause.',
          }
        : verdict === 'idle'
          ? {
              summary:
                'Send a test event (or an SES/End User Messaging event to the same stream) and run the check again.',
            }
          : undefined,
  });
}

/**
 * Hop 7: is anything flowing? CloudWatch's last hour for the stream (records in, delivery success ratio, data
 * freshness) and the newest arrival_timestamp in this cluster, judged against the buffer interval: flowing,
 * stalled, or idle. Idle is not a fault (after Pinpoint's end of support many projects send nothing) but it is
 * said, because an idle pipeline cannot prove it works. This file reads; judgements/delivery.ts judges.
 */
import type { MetricDataQuery, MetricDataResult } from '../../aws/cloudwatch';
import { readLatestArrival } from './cluster_facts';
import { type HopContext, readFailure } from './context';
import type { LatestDocumentFacts } from './facts';
import type { DescribedStream } from './firehose_stream';
import type { HopBuilder } from './hop_builder';
import {
  type FlowInput,
  flowVerdict,
  judgeFlow,
  judgeFreshness,
  judgeLatestDocument,
  judgeSuccess,
  lagLimitSeconds,
} from './judgements/delivery';
import type { StreamInfo } from './stream_info';

export { flowVerdict, lagLimitSeconds };

const HOUR_MS = 3_600_000;

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

export async function checkDeliveryMetrics(
  ctx: HopContext,
  hop: HopBuilder,
  stream: DescribedStream
): Promise<void> {
  const { info } = stream;
  const subject = info.name;
  const limit = lagLimitSeconds(info.intervalSeconds);
  const end = ctx.now;
  const start = new Date(end.getTime() - HOUR_MS);
  const pattern = `${info.indexName}*`;
  const readCluster = ctx.cluster && stream.isThisCluster !== false ? ctx.cluster : undefined;
  const [metrics, latest] = await Promise.all([
    ctx
      .aws(info.region)
      .cloudwatch.getMetricData({ queries: queries(info), start, end }, ctx.call)
      .then(
        (results) => ({ results }),
        (error: unknown) => ({ error })
      ),
    readCluster
      ? readLatestArrival(readCluster, pattern, ctx.clusterTimeoutMs).then(
          (r) => ({ latest: r.latest }),
          (error: unknown) => ({ error })
        )
      : Promise.resolve(undefined),
  ]);

  const flow: FlowInput = { metricsRead: 'results' in metrics };
  const prefix = metricPrefix(info);
  if ('results' in metrics) {
    const success = values(metrics.results, 'success');
    const freshness = values(metrics.results, 'freshness');
    flow.incoming = sum(values(metrics.results, 'incoming'));
    flow.delivered = sum(values(metrics.results, 'delivered'));
    flow.successRatio = success.length ? sum(success) / success.length : undefined;
    flow.freshnessMaxSeconds = freshness.length ? Math.max(...freshness) : undefined;
    hop.record(
      judgeSuccess({
        metricPrefix: prefix,
        incomingRecords: flow.incoming,
        deliveredRecords: flow.delivered,
        successRatio: flow.successRatio,
        window: '1h',
      }),
      subject
    );
    hop.record(
      judgeFreshness({
        metricPrefix: prefix,
        stream: info.name,
        dataFreshnessMaxSeconds: flow.freshnessMaxSeconds,
        limitSeconds: limit,
        intervalSeconds: info.intervalSeconds,
      }),
      subject
    );
  } else {
    hop.failure(
      'delivery_metrics.success',
      readFailure(metrics.error),
      'read CloudWatch metrics',
      subject
    );
  }

  const doc: LatestDocumentFacts = {
    pattern,
    source: !latest
      ? ctx.cluster
        ? 'other_cluster'
        : 'no_cluster'
      : 'error' in latest
        ? 'error'
        : 'read',
    limitSeconds: limit,
    intervalSeconds: info.intervalSeconds,
    incomingRecords: flow.incoming ?? 0,
  };
  if (latest && 'error' in latest)
    doc.readError = latest.error instanceof Error ? latest.error.message : String(latest.error);
  if (latest && 'latest' in latest && latest.latest !== undefined) {
    doc.ageSeconds = Math.max(0, (ctx.now.getTime() - latest.latest) / 1000);
    doc.latestArrival = new Date(latest.latest).toISOString();
    flow.latestAgeSeconds = doc.ageSeconds;
  }
  hop.record(judgeLatestDocument(doc), subject);
  hop.record(
    judgeFlow({
      verdict: flowVerdict(flow, info.intervalSeconds),
      incomingRecords: flow.incoming,
      deliveredRecords: flow.delivered,
      newestDocumentAgeSeconds: flow.latestAgeSeconds,
      intervalSeconds: info.intervalSeconds,
    }),
    subject
  );
}

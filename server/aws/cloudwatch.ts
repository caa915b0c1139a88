import {
  type CloudWatchClient,
  type MetricDataQuery,
  type MetricDataResult,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
import { type CallOptions, callAws } from './call';

export type { MetricDataQuery, MetricDataResult };

export interface MetricWindow {
  queries: MetricDataQuery[];
  start: Date;
  end: Date;
}

/** The CloudWatch calls the wiring check makes. */
export interface CloudWatchPort {
  getMetricData(window: MetricWindow, options: CallOptions): Promise<MetricDataResult[]>;
}

export function cloudWatchPort(client: CloudWatchClient): CloudWatchPort {
  return {
    async getMetricData(window, options) {
      return callAws('cloudwatch', 'GetMetricData', options, async (abortSignal) => {
        // Pages split one query's datapoints across pages: merge them back by id.
        const byId = new Map<string, MetricDataResult>();
        const pages = paginateGetMetricData(
          { client },
          {
            MetricDataQueries: window.queries,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampDescending',
          },
          { abortSignal }
        );
        for await (const page of pages) {
          for (const result of page.MetricDataResults ?? []) {
            const id = result.Id ?? '';
            const seen = byId.get(id);
            if (!seen)
              byId.set(id, {
                ...result,
                Timestamps: [...(result.Timestamps ?? [])],
                Values: [...(result.Values ?? [])],
              });
            else {
              seen.Timestamps?.push(...(result.Timestamps ?? []));
              seen.Values?.push(...(result.Values ?? []));
            }
          }
        }
        return [...byId.values()];
      });
    },
  };
}

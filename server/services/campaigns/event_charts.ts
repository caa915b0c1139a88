/**
 * Event counts behind the campaign page's charts, in one search: events per type over time and opens/clicks
 * by hour of day (UTC and the browser's zone), on arrival_timestamp (when each event happened; every email
 * event's event_timestamp is the send time), and the top clicked links. These are event counts (a terms
 * aggregation's top links are exact unless its error bound says otherwise, and then say so).
 */
import type { OpenSearchClient } from '../../osd_port';
import type { SourceDescriptor, GroupDescriptor } from '../../../common/sources/source_descriptor';
import type { CampaignDetail, HourOfDay } from '../../../common/campaigns/detail_types';
import { fromOpenSearchError } from '../../errors';
import type { TimeRange } from './time_range';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN = '_email.open';
const CLICK = '_email.click';

interface HistogramBucket {
  key: number;
  key_as_string?: string;
  doc_count: number;
  types: { buckets: Array<{ key: string; doc_count: number }> };
}
interface ChartsResponse {
  aggregations: {
    timeline: { buckets: HistogramBucket[] };
    engagement: {
      utc: { buckets: HistogramBucket[] };
      local?: { buckets: HistogramBucket[] };
      links: {
        filtered: {
          doc_count_error_upper_bound: number;
          buckets: Array<{ key: string; doc_count: number }>;
        };
      };
    };
  };
}

export function intervalFor(range: TimeRange): number {
  const span = range.to - range.from;
  if (span <= 3 * DAY) return HOUR;
  if (span <= 14 * DAY) return 6 * HOUR;
  return DAY;
}

function hourOfDay(timeZone: string, buckets: HistogramBucket[]): HourOfDay {
  const opens = new Array<number>(24).fill(0);
  const clicks = new Array<number>(24).fill(0);
  for (const b of buckets) {
    const hour = Number(b.key_as_string);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) continue;
    for (const t of b.types.buckets) {
      if (t.key === OPEN) opens[hour] += t.doc_count;
      if (t.key === CLICK) clicks[hour] += t.doc_count;
    }
  }
  return { timeZone, opens, clicks };
}

export async function eventCharts(
  client: OpenSearchClient,
  source: SourceDescriptor,
  group: GroupDescriptor,
  req: {
    target: string;
    indices: readonly string[];
    range: TimeRange;
    groupId: string;
    timeZone?: string;
  }
): Promise<Pick<CampaignDetail, 'timeline' | 'hours' | 'links'>> {
  const intervalMs = intervalFor(req.range);
  const types = { terms: { field: source.eventTypeField, size: 50 } };
  const hourly = (timeZone: string) => ({
    date_histogram: {
      field: source.arrivalTimeField,
      calendar_interval: '1h',
      time_zone: timeZone,
      format: 'HH',
    },
    aggs: { types },
  });
  const eventTypes = source.channels.flatMap((c) => c.eventTypes);
  if (req.indices.length === 0) {
    return {
      timeline: { intervalMs, buckets: [] },
      hours: {
        utc: hourOfDay('UTC', []),
        local: req.timeZone ? hourOfDay(req.timeZone, []) : null,
      },
      links: { rows: [], approximate: false },
    };
  }
  let body: ChartsResponse;
  try {
    ({ body } = await client.transport.request<ChartsResponse>(
      {
        method: 'POST',
        path: `/${req.target}/_search`,
        querystring: { ignore_unavailable: true, allow_no_indices: true },
        body: {
          size: 0,
          track_total_hits: false,
          query: {
            bool: {
              filter: [
                { term: { [group.idField]: req.groupId } },
                { terms: { [source.eventTypeField]: eventTypes } },
                { range: { [source.sendTimeField]: { gte: req.range.from, lt: req.range.to } } },
              ],
            },
          },
          aggs: {
            timeline: {
              date_histogram: { field: source.arrivalTimeField, fixed_interval: `${intervalMs}ms` },
              aggs: { types },
            },
            engagement: {
              filter: { terms: { [source.eventTypeField]: [OPEN, CLICK] } },
              aggs: {
                utc: hourly('UTC'),
                ...(req.timeZone && req.timeZone !== 'UTC' ? { local: hourly(req.timeZone) } : {}),
                links: {
                  filter: { term: { [source.eventTypeField]: CLICK } },
                  aggs: {
                    filtered: {
                      terms: {
                        field: source.linkField ?? 'missing_link_field',
                        size: 10,
                        shard_size: 200,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      { requestTimeout: 60_000 }
    ));
  } catch (error) {
    throw fromOpenSearchError(error, 'campaign charts');
  }
  const aggs = body.aggregations;
  return {
    timeline: {
      intervalMs,
      buckets: (aggs?.timeline.buckets ?? []).map((b) => ({
        t: b.key,
        counts: Object.fromEntries(b.types.buckets.map((t) => [t.key, t.doc_count])),
      })),
    },
    hours: {
      utc: hourOfDay('UTC', aggs?.engagement.utc.buckets ?? []),
      local: aggs?.engagement.local
        ? hourOfDay(req.timeZone!, aggs.engagement.local.buckets)
        : null,
    },
    links: {
      rows: (aggs?.engagement.links.filtered.buckets ?? []).map((b) => ({
        link: b.key,
        clicks: b.doc_count,
      })),
      approximate: (aggs?.engagement.links.filtered.doc_count_error_upper_bound ?? 0) > 0,
    },
  };
}

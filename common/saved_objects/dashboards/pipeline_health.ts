/**
 * Pipeline health: is Firehose still delivering? Events per hour by type, the latest arrival, the arrival lag
 * of non-email events (an email event's event_timestamp is its message's send time, so its "lag" would be the
 * age of the message), and how many events each daily index holds.
 */
import { avg, count, dateHistogram, max, terms } from '../aggs';
import type { DashboardDef, VisualizationDef } from '../definitions';
import { NON_EMAIL_EVENTS } from '../queries';
import { SCRIPTED_FIELD_NAMES } from '../scripted_fields';
import { metricParams, tableParams, xyParams } from '../vis_params';

export const PIPELINE_HEALTH_ID = 'pinpoint-pipeline-health' as const;

const perHour: VisualizationDef = {
  id: 'pinpoint-events-per-hour-by-type',
  title: 'Pinpoint: events per hour by type',
  description: 'Every event Firehose delivered, per hour of arrival, split by event type.',
  type: 'histogram',
  aggs: [
    count('1', 'Events'),
    dateHistogram('2', 'arrival_timestamp', 'h'),
    terms('3', 'event_type', { size: 30, schema: 'group', customLabel: 'Event type' }),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Events',
    series: [{ id: '1', label: 'Events' }],
    stacked: true,
  }),
};

const latestArrival: VisualizationDef = {
  id: 'pinpoint-latest-arrival',
  title: 'Pinpoint: latest event arrival',
  description: 'The newest arrival_timestamp in the range: old means Firehose stopped delivering.',
  type: 'metric',
  aggs: [max('1', 'arrival_timestamp', 'Latest arrival')],
  params: metricParams(),
};

const arrivalLag: VisualizationDef = {
  id: 'pinpoint-arrival-lag',
  title: 'Pinpoint: arrival lag of non-email events (seconds)',
  description:
    'arrival_timestamp − event_timestamp, mean and maximum, for events other than _email.*.',
  type: 'metric',
  aggs: [
    avg('1', SCRIPTED_FIELD_NAMES.arrivalLagSeconds, 'Mean lag (s)'),
    max('2', SCRIPTED_FIELD_NAMES.arrivalLagSeconds, 'Max lag (s)'),
  ],
  params: metricParams(),
  query: NON_EMAIL_EVENTS,
};

const perIndex: VisualizationDef = {
  id: 'pinpoint-events-per-index',
  title: 'Pinpoint: events per daily index',
  description: 'Events in each index the pattern covers, newest index first.',
  type: 'table',
  aggs: [
    count('1', 'Events'),
    terms('2', '_index', {
      size: 100,
      schema: 'bucket',
      orderBy: '_key',
      order: 'desc',
      customLabel: 'Index',
    }),
  ],
  params: tableParams(15),
};

export const pipelineHealth: DashboardDef = {
  id: PIPELINE_HEALTH_ID,
  title: 'Pinpoint: Pipeline health',
  description: 'Events per hour by type, latest arrival, arrival lag, events per daily index.',
  timeFrom: 'now-7d',
  panels: [
    { vis: latestArrival, x: 0, y: 0, w: 16, h: 8 },
    { vis: arrivalLag, x: 16, y: 0, w: 32, h: 8 },
    { vis: perHour, x: 0, y: 8, w: 48, h: 15 },
    { vis: perIndex, x: 0, y: 23, w: 24, h: 15 },
  ],
};

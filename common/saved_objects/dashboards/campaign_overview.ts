/**
 * Campaign overview: email sends, deliveries, opens and clicks as events (a visualization cannot count each
 * message once, so every panel says "events"; the app's campaign pages show the per-message metrics and
 * rates), top campaigns, treatments side by side, and a campaign / treatment filter.
 */
import { count, dateHistogram, filters, terms, type FilterInput } from '../aggs';
import type { DashboardDef, VisualizationDef } from '../definitions';
import { EMAIL_EVENTS, eventIs } from '../queries';
import {
  inputControlParams,
  markdownParams,
  metricParams,
  tableParams,
  xyParams,
} from '../vis_params';

export const CAMPAIGN_OVERVIEW_ID = 'pinpoint-campaign-overview' as const;
export const CAMPAIGN_FIELD = 'attributes.campaign_id' as const;
export const TREATMENT_FIELD = 'attributes.treatment_id' as const;

export const EMAIL_FUNNEL: FilterInput[] = [
  { label: 'Send events', query: eventIs('_email.send') },
  { label: 'Delivered events', query: eventIs('_email.delivered') },
  { label: 'Open events', query: eventIs('_email.open') },
  { label: 'Click events', query: eventIs('_email.click') },
];

const controls: VisualizationDef = {
  id: 'pinpoint-campaign-filter',
  title: 'Pinpoint: campaign and treatment filter',
  description: 'Narrows the dashboard to campaigns and A/B treatments.',
  type: 'input_control_vis',
  aggs: [],
  params: inputControlParams([
    { id: '1', fieldName: CAMPAIGN_FIELD, label: 'Campaign' },
    { id: '2', fieldName: TREATMENT_FIELD, label: 'Treatment', parent: '1' },
  ]),
};

const funnelTotals: VisualizationDef = {
  id: 'pinpoint-email-funnel-events',
  title: 'Pinpoint: email send, delivered, open and click events',
  description:
    'Event counts: a message opened twice counts twice. Per-message metrics: the Pinpoint app.',
  type: 'metric',
  aggs: [count('1', 'Events'), filters('2', EMAIL_FUNNEL)],
  params: metricParams(),
};

const funnelOverTime: VisualizationDef = {
  id: 'pinpoint-email-events-per-day',
  title: 'Pinpoint: email events per day',
  description: 'Send, delivered, open and click events per day of arrival (event counts).',
  type: 'line',
  aggs: [
    count('1', 'Events'),
    dateHistogram('2', 'arrival_timestamp', 'd'),
    filters('3', EMAIL_FUNNEL),
  ],
  params: xyParams({ type: 'line', valueTitle: 'Events', series: [{ id: '1', label: 'Events' }] }),
};

const topCampaigns: VisualizationDef = {
  id: 'pinpoint-top-campaigns',
  title: 'Pinpoint: top campaigns by email send events',
  description: 'The ten campaigns with the most _email.send events in the range.',
  type: 'table',
  aggs: [
    count('1', 'Send events'),
    terms('2', CAMPAIGN_FIELD, { size: 10, schema: 'bucket', customLabel: 'Campaign' }),
  ],
  params: tableParams(),
  query: eventIs('_email.send'),
};

const byTreatment: VisualizationDef = {
  id: 'pinpoint-email-events-by-treatment',
  title: 'Pinpoint: email events by treatment',
  description:
    'Send, delivered, open and click events per A/B treatment ("0" is the control group).',
  type: 'histogram',
  aggs: [
    count('1', 'Events'),
    terms('2', TREATMENT_FIELD, {
      size: 5,
      orderBy: '_key',
      order: 'asc',
      customLabel: 'Treatment',
    }),
    filters('3', EMAIL_FUNNEL),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Events',
    series: [{ id: '1', label: 'Events' }],
  }),
  query: EMAIL_EVENTS,
};

const aboutRates: VisualizationDef = {
  id: 'pinpoint-about-rates',
  title: 'Pinpoint: about these numbers',
  description: 'Why the panels count events and where the rates are.',
  type: 'markdown',
  aggs: [],
  params: markdownParams(
    [
      '**Panels here count events.** A message opened three times is three open events.',
      '',
      'Delivery, open and click **rates** count each message once (delivered ÷ sent, opened ÷ delivered,',
      'clicked ÷ delivered) and are exact on the campaign pages of the [Pinpoint app](pinpoint)',
      '(where the Pinpoint plugin is installed; the link is relative, so it keeps any base path).',
    ].join('\n')
  ),
  usesIndexPattern: false,
};

export const campaignOverview: DashboardDef = {
  id: CAMPAIGN_OVERVIEW_ID,
  title: 'Pinpoint: Campaign overview',
  description: 'Email campaign events over time, top campaigns and treatments.',
  timeFrom: 'now-30d',
  panels: [
    { vis: controls, x: 0, y: 0, w: 16, h: 8 },
    { vis: funnelTotals, x: 16, y: 0, w: 32, h: 8 },
    { vis: funnelOverTime, x: 0, y: 8, w: 32, h: 14 },
    { vis: aboutRates, x: 32, y: 8, w: 16, h: 14 },
    { vis: topCampaigns, x: 0, y: 22, w: 24, h: 14 },
    { vis: byTreatment, x: 24, y: 22, w: 24, h: 14 },
  ],
};

/**
 * Email deliverability: bounces by type, complaints, rejects and unsubscribes, by recipient domain, and
 * opens and clicks by hour of day (of arrival: every email event's event_timestamp is the send time).
 */
import { count, dateHistogram, filters, histogram, terms, type FilterInput } from '../aggs';
import type { DashboardDef, VisualizationDef } from '../definitions';
import { EMAIL_EVENTS, eventIn, eventIs } from '../queries';
import { SCRIPTED_FIELD_NAMES } from '../scripted_fields';
import { metricParams, pieParams, xyParams } from '../vis_params';

export const EMAIL_DELIVERABILITY_ID = 'pinpoint-email-deliverability' as const;
export const BOUNCE_TYPE_FIELD = 'facets.email_channel.mail_event.bounce.bounce_type' as const;

export const DELIVERABILITY_PROBLEMS: FilterInput[] = [
  { label: 'Hard bounce events', query: eventIs('_email.hardbounce') },
  { label: 'Soft bounce events', query: eventIs('_email.softbounce') },
  { label: 'Complaint events', query: eventIs('_email.complaint') },
  { label: 'Reject events', query: eventIs('_email.rejected') },
  { label: 'Unsubscribe events', query: eventIs('_email.unsubscribe') },
];

export const DOMAIN_OUTCOMES: FilterInput[] = [
  { label: 'Send events', query: eventIs('_email.send') },
  { label: 'Delivered events', query: eventIs('_email.delivered') },
  { label: 'Bounce events', query: eventIn('_email.hardbounce', '_email.softbounce') },
  { label: 'Complaint events', query: eventIs('_email.complaint') },
];

export const ENGAGEMENT: FilterInput[] = [
  { label: 'Open events', query: eventIs('_email.open') },
  { label: 'Click events', query: eventIs('_email.click') },
];

const problemTotals: VisualizationDef = {
  id: 'pinpoint-email-problem-events',
  title: 'Pinpoint: bounce, complaint, reject and unsubscribe events',
  description: 'Event counts in the range.',
  type: 'metric',
  aggs: [count('1', 'Events'), filters('2', DELIVERABILITY_PROBLEMS)],
  params: metricParams(),
};

const problemsPerDay: VisualizationDef = {
  id: 'pinpoint-email-problem-events-per-day',
  title: 'Pinpoint: email problem events per day',
  description: 'Bounce, complaint, reject and unsubscribe events per day of arrival.',
  type: 'histogram',
  aggs: [
    count('1', 'Events'),
    dateHistogram('2', 'arrival_timestamp', 'd'),
    filters('3', DELIVERABILITY_PROBLEMS),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Events',
    series: [{ id: '1', label: 'Events' }],
    stacked: true,
  }),
};

const bounceTypes: VisualizationDef = {
  id: 'pinpoint-email-bounce-types',
  title: 'Pinpoint: bounce events by bounce type',
  description: 'Permanent (hard), Transient (soft) and Undetermined bounces, as events.',
  type: 'pie',
  aggs: [count('1', 'Bounce events'), terms('2', BOUNCE_TYPE_FIELD, { size: 5 })],
  params: pieParams(),
  query: eventIn('_email.hardbounce', '_email.softbounce'),
};

const byDomain: VisualizationDef = {
  id: 'pinpoint-email-events-by-domain',
  title: 'Pinpoint: email events by recipient domain',
  description:
    'Send, delivered, bounce and complaint events for the ten busiest recipient domains.',
  type: 'histogram',
  aggs: [
    count('1', 'Events'),
    terms('2', SCRIPTED_FIELD_NAMES.recipientDomain, { size: 10, customLabel: 'Recipient domain' }),
    filters('3', DOMAIN_OUTCOMES),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Events',
    series: [{ id: '1', label: 'Events' }],
  }),
  query: EMAIL_EVENTS,
};

const byHour: VisualizationDef = {
  id: 'pinpoint-email-engagement-by-hour',
  title: 'Pinpoint: open and click events by hour of day (UTC)',
  description: 'When recipients open and click: the hour each event arrived, in UTC.',
  type: 'histogram',
  aggs: [
    count('1', 'Events'),
    histogram('2', SCRIPTED_FIELD_NAMES.hourOfDay, 1, { min: 0, max: 23 }, 'Hour of day (UTC)'),
    filters('3', ENGAGEMENT),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Events',
    series: [{ id: '1', label: 'Events' }],
  }),
  query: eventIn('_email.open', '_email.click'),
};

export const emailDeliverability: DashboardDef = {
  id: EMAIL_DELIVERABILITY_ID,
  title: 'Pinpoint: Email deliverability',
  description:
    'Bounces, complaints, rejects and unsubscribes; recipient domains; engagement by hour.',
  timeFrom: 'now-30d',
  panels: [
    { vis: problemTotals, x: 0, y: 0, w: 48, h: 8 },
    { vis: problemsPerDay, x: 0, y: 8, w: 32, h: 14 },
    { vis: bounceTypes, x: 32, y: 8, w: 16, h: 14 },
    { vis: byDomain, x: 0, y: 22, w: 24, h: 15 },
    { vis: byHour, x: 24, y: 22, w: 24, h: 15 },
  ],
};

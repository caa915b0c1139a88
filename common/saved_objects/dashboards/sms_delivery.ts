/**
 * SMS delivery and spend: events by type (opt-outs among them), record statuses, failures by reason, and
 * spend and parts by country. Spend and parts are the app's own definitions (sums over _SMS.SUCCESS and
 * _SMS.FAILURE events, campaign-metrics.md), so those panels are not event counts and say so by their units.
 */
import { count, dateHistogram, filters, sum, terms, type FilterInput } from '../aggs';
import type { DashboardDef, VisualizationDef } from '../definitions';
import { eventIs, SMS_BILLED_EVENTS, SMS_EVENTS } from '../queries';
import { SCRIPTED_FIELD_NAMES } from '../scripted_fields';
import { metricParams, pieParams, tableParams, xyParams } from '../vis_params';

export const SMS_DELIVERY_ID = 'pinpoint-sms-delivery' as const;
export const RECORD_STATUS_FIELD = 'attributes.record_status' as const;
export const COUNTRY_FIELD = 'attributes.iso_country_code' as const;

export const SMS_TYPES: FilterInput[] = [
  { label: 'Buffered events', query: eventIs('_SMS.BUFFERED') },
  { label: 'Success events', query: eventIs('_SMS.SUCCESS') },
  { label: 'Failure events', query: eventIs('_SMS.FAILURE') },
  { label: 'Opt-out events', query: eventIs('_SMS.OPTOUT') },
];

const typeTotals: VisualizationDef = {
  id: 'pinpoint-sms-events-by-type',
  title: 'Pinpoint: SMS events by type (opt-outs included)',
  description: 'Event counts: one message can be buffered and then succeed (two events).',
  type: 'metric',
  aggs: [count('1', 'Events'), filters('2', SMS_TYPES)],
  params: metricParams(),
};

const recordStatuses: VisualizationDef = {
  id: 'pinpoint-sms-record-statuses',
  title: 'Pinpoint: SMS events by record status',
  description:
    'attributes.record_status over every _SMS event (DELIVERED and SUCCESSFUL both mean delivered).',
  type: 'pie',
  aggs: [count('1', 'Events'), terms('2', RECORD_STATUS_FIELD, { size: 15 })],
  params: pieParams(),
  query: SMS_EVENTS,
};

const failureReasons: VisualizationDef = {
  id: 'pinpoint-sms-failure-reasons',
  title: 'Pinpoint: SMS failure events by reason',
  description: 'The record status of each _SMS.FAILURE event.',
  type: 'histogram',
  aggs: [
    count('1', 'Failure events'),
    terms('2', RECORD_STATUS_FIELD, { size: 15, customLabel: 'Reason' }),
  ],
  params: xyParams({
    type: 'histogram',
    valueTitle: 'Failure events',
    series: [{ id: '1', label: 'Failure events' }],
  }),
  query: eventIs('_SMS.FAILURE'),
};

const spendByCountry: VisualizationDef = {
  id: 'pinpoint-sms-spend-by-country',
  title: 'Pinpoint: SMS spend (USD), message parts and billed events by country',
  description: 'Sums over _SMS.SUCCESS and _SMS.FAILURE events, as Pinpoint billed them.',
  type: 'table',
  aggs: [
    sum('1', SCRIPTED_FIELD_NAMES.smsPriceUsd, 'Spend (USD)'),
    sum('3', SCRIPTED_FIELD_NAMES.smsParts, 'Message parts'),
    count('4', 'Billed events'),
    terms('2', COUNTRY_FIELD, { size: 25, schema: 'bucket', customLabel: 'Country' }),
  ],
  params: tableParams(25),
  query: SMS_BILLED_EVENTS,
};

const spendPerDay: VisualizationDef = {
  id: 'pinpoint-sms-spend-per-day',
  title: 'Pinpoint: SMS spend per day (USD)',
  description: 'Sum of the price of _SMS.SUCCESS and _SMS.FAILURE events per day of arrival.',
  type: 'line',
  aggs: [
    sum('1', SCRIPTED_FIELD_NAMES.smsPriceUsd, 'Spend (USD)'),
    dateHistogram('2', 'arrival_timestamp', 'd'),
  ],
  params: xyParams({
    type: 'line',
    valueTitle: 'USD',
    series: [{ id: '1', label: 'Spend (USD)' }],
  }),
  query: SMS_BILLED_EVENTS,
};

export const smsDelivery: DashboardDef = {
  id: SMS_DELIVERY_ID,
  title: 'Pinpoint: SMS delivery and spend',
  description: 'SMS record statuses, failures by reason, spend and parts by country, opt-outs.',
  timeFrom: 'now-30d',
  panels: [
    { vis: typeTotals, x: 0, y: 0, w: 48, h: 8 },
    { vis: recordStatuses, x: 0, y: 8, w: 20, h: 14 },
    { vis: failureReasons, x: 20, y: 8, w: 28, h: 14 },
    { vis: spendByCountry, x: 0, y: 22, w: 24, h: 15 },
    { vis: spendPerDay, x: 24, y: 22, w: 24, h: 15 },
  ],
};

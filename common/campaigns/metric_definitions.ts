/**
 * The contract of ../shared/reference/campaign-metrics.md ("Our definitions"), as data. The fold evaluates
 * these over one message's events; nothing else in the code knows which event type makes which number.
 */
import {
  CAMPAIGN_EVENT_TYPES,
  PINPOINT_FIELDS,
  PUSH_DELIVERY_TYPES,
  SMS_EVENT_TYPES,
} from '../sources/pinpoint';
import type { Channel } from './types';

/** Which of a message's event rows a count looks at. */
export interface RowMatch {
  eventTypes: readonly string[];
  /** Only rows whose dimension field has one of these values. */
  where?: Readonly<Record<string, readonly string[]>>;
}

export type CountDefinition =
  /** 1 per message with at least one matching event. */
  | { name: string; channel: Channel | 'endpoint'; measure: 'distinct'; match: RowMatch }
  /** Number of matching events. */
  | { name: string; channel: Channel | 'endpoint'; measure: 'events'; match: RowMatch }
  /** Sum of a numeric field over matching events, times `scale`. */
  | { name: string; channel: Channel; measure: 'sum'; field: string; match: RowMatch }
  /** Sum of a keyword dimension holding a number ("2" message parts) over matching events. */
  | { name: string; channel: Channel; measure: 'sumDimension'; field: string; match: RowMatch };

export interface RateDefinition {
  name: string;
  numerator: string;
  denominator: string;
}

const e = (type: string): RowMatch => ({ eventTypes: [`_email.${type}`] });
const SMS_BILLED: RowMatch = { eventTypes: ['_SMS.SUCCESS', '_SMS.FAILURE'] };

/** Counts, keyed `<group>.<metric>` like the JSON (`email.sent`); `endpointsTargeted` is top-level. */
export const COUNT_DEFINITIONS: readonly CountDefinition[] = [
  { name: 'email.sent', channel: 'email', measure: 'distinct', match: e('send') },
  { name: 'email.delivered', channel: 'email', measure: 'distinct', match: e('delivered') },
  { name: 'email.opened', channel: 'email', measure: 'distinct', match: e('open') },
  { name: 'email.opens', channel: 'email', measure: 'events', match: e('open') },
  { name: 'email.clicked', channel: 'email', measure: 'distinct', match: e('click') },
  { name: 'email.clicks', channel: 'email', measure: 'events', match: e('click') },
  { name: 'email.hardBounced', channel: 'email', measure: 'distinct', match: e('hardbounce') },
  { name: 'email.softBounced', channel: 'email', measure: 'distinct', match: e('softbounce') },
  { name: 'email.complained', channel: 'email', measure: 'distinct', match: e('complaint') },
  { name: 'email.unsubscribed', channel: 'email', measure: 'distinct', match: e('unsubscribe') },
  { name: 'email.rejected', channel: 'email', measure: 'distinct', match: e('rejected') },
  { name: 'sms.sent', channel: 'sms', measure: 'distinct', match: { eventTypes: SMS_EVENT_TYPES } },
  {
    name: 'sms.delivered',
    channel: 'sms',
    measure: 'distinct',
    match: { eventTypes: ['_SMS.SUCCESS'] },
  },
  {
    name: 'sms.failed',
    channel: 'sms',
    measure: 'distinct',
    match: { eventTypes: ['_SMS.FAILURE'] },
  },
  {
    name: 'sms.optedOut',
    channel: 'sms',
    measure: 'distinct',
    match: { eventTypes: ['_SMS.OPTOUT'] },
  },
  {
    name: 'sms.spendMillicents',
    channel: 'sms',
    measure: 'sum',
    field: PINPOINT_FIELDS.priceMillicents,
    match: SMS_BILLED,
  },
  {
    name: 'sms.parts',
    channel: 'sms',
    measure: 'sumDimension',
    field: PINPOINT_FIELDS.messageParts,
    match: SMS_BILLED,
  },
  {
    name: 'push.sent',
    channel: 'push',
    measure: 'events',
    match: {
      eventTypes: ['_campaign.send'],
      where: {
        [PINPOINT_FIELDS.deliveryType]: PUSH_DELIVERY_TYPES,
        [PINPOINT_FIELDS.campaignSendStatus]: ['SUCCESS'],
      },
    },
  },
  {
    name: 'push.opened',
    channel: 'push',
    measure: 'distinct',
    match: { eventTypes: ['_campaign.opened_notification'] },
  },
  {
    name: 'endpointsTargeted',
    channel: 'endpoint',
    measure: 'distinct',
    match: { eventTypes: ['_campaign.send'] },
  },
];

/** Event-count breakdowns by a dimension: `notSent` (every status but SUCCESS) and journey send statuses. */
export interface BreakdownDefinition {
  name: 'notSent' | 'sendStatuses';
  eventType: string;
  field: string;
  exclude: readonly string[];
}

export const BREAKDOWN_DEFINITIONS: readonly BreakdownDefinition[] = [
  {
    name: 'notSent',
    eventType: '_campaign.send',
    field: PINPOINT_FIELDS.campaignSendStatus,
    exclude: ['SUCCESS'],
  },
  {
    name: 'sendStatuses',
    eventType: '_journey.send',
    field: PINPOINT_FIELDS.journeySendStatus,
    exclude: [],
  },
];

/** Rates: numerator ÷ denominator, `null` when the denominator is 0. */
export const RATE_DEFINITIONS: readonly RateDefinition[] = [
  { name: 'email.deliveryRate', numerator: 'email.delivered', denominator: 'email.sent' },
  { name: 'email.openRate', numerator: 'email.opened', denominator: 'email.delivered' },
  { name: 'email.clickRate', numerator: 'email.clicked', denominator: 'email.delivered' },
  { name: 'email.clickToOpenRate', numerator: 'email.clicked', denominator: 'email.opened' },
  { name: 'email.hardBounceRate', numerator: 'email.hardBounced', denominator: 'email.sent' },
  { name: 'email.complaintRate', numerator: 'email.complained', denominator: 'email.sent' },
  {
    name: 'email.unsubscribeRate',
    numerator: 'email.unsubscribed',
    denominator: 'email.delivered',
  },
  { name: 'sms.deliveryRate', numerator: 'sms.delivered', denominator: 'sms.sent' },
];

/** USD per millicent: `price_in_millicents_usd` is in thousandths of a cent. */
export const MILLICENTS_PER_USD = 100_000;

/** The event types a fold needs, per channel: the filter of each aggregation. */
export const CAMPAIGN_CHANNEL_EVENT_TYPES = CAMPAIGN_EVENT_TYPES;

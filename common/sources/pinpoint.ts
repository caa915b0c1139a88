/**
 * The Amazon Pinpoint event stream (Firehose -> `pinpoint-YYYY-MM-DD`), field names as in the developer guide's
 * event examples and as the plugin's template maps them (keywords).
 */
import type { SourceDescriptor } from './source_descriptor';

export const PINPOINT_FIELDS = {
  campaignId: 'attributes.campaign_id',
  treatmentId: 'attributes.treatment_id',
  journeyId: 'attributes.journey_id',
  journeyActivityId: 'attributes.journey_activity_id',
  emailMessageId: 'facets.email_channel.mail_event.mail.message_id',
  recipient: 'facets.email_channel.mail_event.mail.destination',
  link: 'facets.email_channel.mail_event.click.link',
  smsMessageId: 'attributes.message_id',
  recordStatus: 'attributes.record_status',
  country: 'attributes.iso_country_code',
  messageParts: 'attributes.number_of_message_parts',
  priceMillicents: 'metrics.price_in_millicents_usd',
  clientId: 'client.client_id',
  deliveryType: 'attributes.delivery_type',
  campaignSendStatus: 'attributes.campaign_send_status',
  journeySendStatus: 'attributes.journey_send_status',
} as const;

export const EMAIL_EVENT_TYPES = [
  '_email.send',
  '_email.delivered',
  '_email.rejected',
  '_email.hardbounce',
  '_email.softbounce',
  '_email.complaint',
  '_email.open',
  '_email.click',
  '_email.unsubscribe',
  '_email.rendering_failure',
] as const;

export const SMS_EVENT_TYPES = [
  '_SMS.BUFFERED',
  '_SMS.SUCCESS',
  '_SMS.FAILURE',
  '_SMS.OPTOUT',
] as const;

export const CAMPAIGN_EVENT_TYPES = [
  '_campaign.send',
  '_campaign.opened_notification',
  '_journey.send',
] as const;

/** Delivery types of `_campaign.send` that are push notifications. */
export const PUSH_DELIVERY_TYPES = [
  'APNS',
  'APNS_SANDBOX',
  'APNS_VOIP',
  'APNS_VOIP_SANDBOX',
  'GCM',
  'ADM',
  'BAIDU',
  'PUSH',
] as const;

export const PINPOINT_SOURCE: SourceDescriptor = {
  id: 'pinpoint',
  label: 'Amazon Pinpoint event stream',
  sendTimeField: 'event_timestamp',
  arrivalTimeField: 'arrival_timestamp',
  eventTypeField: 'event_type',
  linkField: PINPOINT_FIELDS.link,
  groups: [
    {
      kind: 'campaign',
      idField: PINPOINT_FIELDS.campaignId,
      splitField: PINPOINT_FIELDS.treatmentId,
      baselineSplit: '0',
    },
    {
      kind: 'journey',
      idField: PINPOINT_FIELDS.journeyId,
      splitField: PINPOINT_FIELDS.journeyActivityId,
    },
  ],
  channels: [
    {
      id: 'email',
      eventTypes: EMAIL_EVENT_TYPES,
      entityField: PINPOINT_FIELDS.emailMessageId,
      dimensionFields: [],
      sumFields: [],
      detailFields: [PINPOINT_FIELDS.recipient],
    },
    {
      id: 'sms',
      eventTypes: SMS_EVENT_TYPES,
      entityField: PINPOINT_FIELDS.smsMessageId,
      dimensionFields: [PINPOINT_FIELDS.messageParts],
      sumFields: [PINPOINT_FIELDS.priceMillicents],
      detailFields: [PINPOINT_FIELDS.country, PINPOINT_FIELDS.recordStatus],
    },
    {
      id: 'campaign',
      eventTypes: CAMPAIGN_EVENT_TYPES,
      entityField: PINPOINT_FIELDS.clientId,
      dimensionFields: [
        PINPOINT_FIELDS.deliveryType,
        PINPOINT_FIELDS.campaignSendStatus,
        PINPOINT_FIELDS.journeySendStatus,
      ],
      sumFields: [],
      detailFields: [],
    },
  ],
};

/**
 * The mapping of the Amazon Pinpoint event stream record, as data.
 *
 * Field list from the Pinpoint developer guide (event stream: app, campaign, journey, email and SMS events).
 * Choices, and why:
 * - Every epoch-millisecond timestamp is `date` with `epoch_millis`: Dashboards can only filter and sort a
 *   time field that is a date (the seed's pitfall: an index created before the template maps them as `long`).
 * - Ids and enumerations are `keyword`: they are filtered and aggregated on, never searched as prose.
 * - `attributes.*` holds strings only (Pinpoint's contract) and custom events add arbitrary keys, so a dynamic
 *   template maps them as one `keyword` each; the default would make a `text` + `keyword` pair per key and
 *   double the field count. `metrics.*` are numbers, always `double` so the first integer value does not fix
 *   the type to `long` and truncate the fractional ones after it.
 * - JSON carried as a string (`client_context.custom`, `attributes.customer_context`) is stored in _source and
 *   not parsed: exploding an endpoint document into fields would grow the mapping per endpoint attribute.
 * - `date_detection` and `numeric_detection` are off: a custom attribute that happens to look like a date in
 *   the first document would otherwise become a `date` and reject every later document with another value.
 */

export type MappingProperty = Record<string, unknown>;

const keyword: MappingProperty = { type: 'keyword', ignore_above: 1024 };
const epochMillis: MappingProperty = { type: 'date', format: 'epoch_millis' };
const notIndexed: MappingProperty = { type: 'keyword', index: false, doc_values: false };
const text: MappingProperty = {
  type: 'text',
  fields: { keyword: { type: 'keyword', ignore_above: 256 } },
};

const keywords = (...names: string[]): Record<string, MappingProperty> =>
  Object.fromEntries(names.map((name) => [name, keyword]));

/** The date fields of the record: the repair and the report check these by name. */
export const EVENT_DATE_FIELDS = [
  'arrival_timestamp',
  'event_timestamp',
  'session.start_timestamp',
  'session.stop_timestamp',
  'facets.email_channel.mail_event.mail.message_send_timestamp',
] as const;

/** The two fields whose type decides whether an index is usable in Dashboards at all. */
export const CRITICAL_DATE_FIELDS = ['arrival_timestamp', 'event_timestamp'] as const;

/** Attribute keys Pinpoint itself sets on campaign, journey and SMS events. */
export const KNOWN_ATTRIBUTES = [
  'campaign_id',
  'campaign_activity_id',
  'treatment_id',
  'delivery_type',
  'campaign_send_status',
  'journey_id',
  'journey_activity_id',
  'journey_run_id',
  'journey_send_status',
  'journey_activity_type',
  'feedback',
  'sender_request_id',
  'origination_phone_number',
  'destination_phone_number',
  'record_status',
  'iso_country_code',
  'number_of_message_parts',
  'message_id',
  'message_type',
] as const;

function mailEventProperties(): Record<string, MappingProperty> {
  return {
    mail: {
      properties: {
        ...keywords('message_id', 'from_address', 'destination'),
        message_send_timestamp: epochMillis,
        headers_truncated: { type: 'boolean' },
        headers: { properties: { name: keyword, value: keyword } },
        common_headers: {
          properties: { ...keywords('from', 'to', 'message_id'), subject: text },
        },
      },
    },
    delivery: {
      properties: {
        ...keywords('smtp_response', 'reporting_mta', 'recipients'),
        processing_time_millis: { type: 'long' },
      },
    },
    open: { properties: keywords('ip_address', 'user_agent') },
    click: {
      properties: {
        ...keywords('ip_address', 'user_agent', 'link'),
        link_tags: { type: 'object' },
      },
    },
    bounce: {
      properties: {
        ...keywords('bounce_type', 'bounce_sub_type', 'feedback_id', 'reporting_mta'),
        bounced_recipients: {
          properties: keywords('email_address', 'action', 'status', 'diagnostic_code'),
        },
      },
    },
    complaint: {
      properties: {
        ...keywords('feedback_id', 'complaint_feedback_type', 'user_agent'),
        complained_recipients: { properties: keywords('email_address') },
      },
    },
    reject: { properties: keywords('reason') },
  };
}

/** Explicit properties of the event record. */
export function eventProperties(): Record<string, MappingProperty> {
  return {
    event_type: keyword,
    event_version: keyword,
    event_timestamp: epochMillis,
    arrival_timestamp: epochMillis,
    awsAccountId: keyword,
    application: {
      properties: {
        ...keywords(
          'app_id',
          'cognito_identity_pool_id',
          'package_name',
          'title',
          'version_name',
          'version_code'
        ),
        sdk: { properties: keywords('name', 'version') },
      },
    },
    client: { properties: keywords('client_id', 'cognito_id') },
    device: {
      properties: {
        locale: { properties: keywords('code', 'country', 'language') },
        ...keywords('make', 'model'),
        platform: { properties: keywords('name', 'version') },
      },
    },
    session: {
      properties: {
        session_id: keyword,
        start_timestamp: epochMillis,
        stop_timestamp: epochMillis,
      },
    },
    attributes: {
      properties: {
        ...keywords(...KNOWN_ATTRIBUTES),
        customer_context: notIndexed,
      },
    },
    metrics: { properties: { price_in_millicents_usd: { type: 'double' } } },
    client_context: {
      // Pinpoint puts the endpoint as a JSON string under custom; store it, never parse it into fields.
      properties: { custom: { type: 'object', enabled: false } },
    },
    facets: {
      properties: {
        email_channel: { properties: { mail_event: { properties: mailEventProperties() } } },
      },
    },
  };
}

/** Dynamic templates, in order: the first match wins. */
export function eventDynamicTemplates(): Array<Record<string, MappingProperty>> {
  return [
    {
      attributes_as_keyword: {
        path_match: 'attributes.*',
        match_mapping_type: 'string',
        mapping: keyword,
      },
    },
    {
      metrics_long_as_double: {
        path_match: 'metrics.*',
        match_mapping_type: 'long',
        mapping: { type: 'double' },
      },
    },
    {
      metrics_as_double: {
        path_match: 'metrics.*',
        match_mapping_type: 'double',
        mapping: { type: 'double' },
      },
    },
    // Any other string (custom top-level keys) becomes one keyword field rather than a text + keyword pair.
    { strings_as_keyword: { match_mapping_type: 'string', mapping: keyword } },
  ];
}

/** The full `mappings` body (without `_meta`, which the template adds). */
export function eventMappings(): Record<string, unknown> {
  return {
    dynamic: true,
    date_detection: false,
    numeric_detection: false,
    dynamic_templates: eventDynamicTemplates(),
    properties: eventProperties(),
  };
}

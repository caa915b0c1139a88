/**
 * Scripted fields the shipped index pattern carries: what a visualization needs that the event record holds
 * only indirectly (hour of day, recipient domain, arrival lag, SMS price in dollars, message parts as a
 * number). Painless, evaluated per document at query time. Each script tolerates an index where the field is
 * unmapped or (before the template) a `long` rather than a `date`, so one odd index never fails a panel.
 */
import type { IndexPatternField } from '../index_pattern';

export interface ScriptedField extends IndexPatternField {
  scripted: true;
  script: string;
  lang: 'painless';
}

/** Epoch millis of a date field whether it is mapped as `date` or (before the template) as `long`. */
const millis = (field: string, into: string) =>
  `def ${into}Raw = doc['${field}'].value; long ${into} = ${into}Raw instanceof Long ? ${into}Raw : ${into}Raw.toInstant().toEpochMilli();`;

const present = (...fields: string[]) =>
  fields.map((f) => `!doc.containsKey('${f}') || doc['${f}'].size() == 0`).join(' || ');

const DESTINATION = 'facets.email_channel.mail_event.mail.destination';
const PRICE = 'metrics.price_in_millicents_usd';
const PARTS = 'attributes.number_of_message_parts';

function scripted(name: string, type: 'number' | 'string', script: string): ScriptedField {
  return {
    name,
    type,
    esTypes: [],
    count: 0,
    scripted: true,
    script,
    lang: 'painless',
    searchable: true,
    aggregatable: true,
    readFromDocValues: false,
  };
}

export const SCRIPTED_FIELD_NAMES = {
  hourOfDay: 'pinpoint_hour_of_day',
  recipientDomain: 'pinpoint_recipient_domain',
  arrivalLagSeconds: 'pinpoint_arrival_lag_seconds',
  smsPriceUsd: 'pinpoint_sms_price_usd',
  smsParts: 'pinpoint_sms_parts',
} as const;

/** The document fields each scripted field reads: they must exist in the template with doc values. */
export const SCRIPTED_FIELD_INPUTS: Record<string, string[]> = {
  [SCRIPTED_FIELD_NAMES.hourOfDay]: ['arrival_timestamp'],
  [SCRIPTED_FIELD_NAMES.recipientDomain]: [DESTINATION],
  [SCRIPTED_FIELD_NAMES.arrivalLagSeconds]: ['arrival_timestamp', 'event_timestamp'],
  [SCRIPTED_FIELD_NAMES.smsPriceUsd]: [PRICE],
  [SCRIPTED_FIELD_NAMES.smsParts]: [PARTS],
};

export function scriptedFields(): ScriptedField[] {
  return [
    // UTC: the hour the open or click reached the stream (every email event's event_timestamp is the send).
    scripted(
      SCRIPTED_FIELD_NAMES.hourOfDay,
      'number',
      `if (${present('arrival_timestamp')}) { return null; } ${millis('arrival_timestamp', 'a')} return (int) ((a / 3600000L) % 24L);`
    ),
    scripted(
      SCRIPTED_FIELD_NAMES.recipientDomain,
      'string',
      `if (${present(DESTINATION)}) { return null; } String to = doc['${DESTINATION}'].value; int at = to.lastIndexOf('@'); return at < 0 ? null : to.substring(at + 1).toLowerCase();`
    ),
    scripted(
      SCRIPTED_FIELD_NAMES.arrivalLagSeconds,
      'number',
      `if (${present('arrival_timestamp', 'event_timestamp')}) { return null; } ${millis('arrival_timestamp', 'a')} ${millis('event_timestamp', 'e')} return (a - e) / 1000.0;`
    ),
    // Pinpoint prices SMS in millicents (thousandths of a cent): 100,000 to the dollar.
    scripted(
      SCRIPTED_FIELD_NAMES.smsPriceUsd,
      'number',
      `if (${present(PRICE)}) { return null; } return doc['${PRICE}'].value / 100000.0;`
    ),
    // Pinpoint sends the part count as a string attribute.
    scripted(
      SCRIPTED_FIELD_NAMES.smsParts,
      'number',
      `if (${present(PARTS)}) { return null; } try { return Integer.parseInt(doc['${PARTS}'].value); } catch (NumberFormatException e) { return null; }`
    ),
  ];
}

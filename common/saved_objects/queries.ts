/** Lucene query strings over the event record, shared by the visualizations and the tests that check them. */

export const EVENT_TYPE_FIELD = 'event_type' as const;

/** One event type, quoted: `_email.send` has characters Lucene would otherwise read as syntax. */
export function eventIs(type: string): string {
  return `${EVENT_TYPE_FIELD}:"${type}"`;
}

export function eventIn(...types: string[]): string {
  return `${EVENT_TYPE_FIELD}:(${types.map((t) => `"${t}"`).join(' OR ')})`;
}

/** Every email event (`_email.*`), as a prefix query. */
export const EMAIL_EVENTS = `${EVENT_TYPE_FIELD}:_email.*`;
export const SMS_EVENTS = `${EVENT_TYPE_FIELD}:_SMS.*`;
export const NON_EMAIL_EVENTS = `NOT ${EMAIL_EVENTS}`;

/** The events whose price and parts Pinpoint bills (campaign-metrics.md: sms.spendUsd, sms.parts). */
export const SMS_BILLED_EVENTS = eventIn('_SMS.SUCCESS', '_SMS.FAILURE');

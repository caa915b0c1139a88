/**
 * The contract's definitions computed straight from the test's own records, with Sets — a second, independent
 * implementation (it shares no code with the service's fold) that the service's numbers must equal.
 */
import type { Doc } from './campaigns_fixture';

const PUSH = new Set([
  'APNS',
  'APNS_SANDBOX',
  'APNS_VOIP',
  'APNS_VOIP_SANDBOX',
  'GCM',
  'ADM',
  'BAIDU',
  'PUSH',
]);

function mailId(doc: Doc): string | undefined {
  const facets = doc.facets as
    { email_channel?: { mail_event?: { mail?: { message_id?: string } } } } | undefined;
  return facets?.email_channel?.mail_event?.mail?.message_id;
}

function clientId(doc: Doc): string {
  return (doc.client as { client_id: string }).client_id;
}

export interface Expected {
  email: Record<string, number | null>;
  sms: Record<string, number | null>;
  push: Record<string, number>;
  endpointsTargeted: number;
  notSent: Record<string, number>;
}

function rate(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export function expectedFor(docs: readonly Doc[]): Expected {
  const distinct = (types: string[], key: (d: Doc) => string | undefined) =>
    new Set(
      docs
        .filter((d) => types.includes(d.event_type))
        .map(key)
        .filter(Boolean)
    ).size;
  const events = (types: string[]) => docs.filter((d) => types.includes(d.event_type)).length;
  const m = (t: string) => distinct([`_email.${t}`], mailId);
  const sent = m('send');
  const delivered = m('delivered');
  const opened = m('open');
  const clicked = m('click');
  const hardBounced = m('hardbounce');
  const complained = m('complaint');
  const unsubscribed = m('unsubscribe');
  const smsId = (d: Doc) => d.attributes?.message_id;
  const smsSent = distinct(['_SMS.BUFFERED', '_SMS.SUCCESS', '_SMS.FAILURE', '_SMS.OPTOUT'], smsId);
  const smsDelivered = distinct(['_SMS.SUCCESS'], smsId);
  const billed = docs.filter(
    (d) => d.event_type === '_SMS.SUCCESS' || d.event_type === '_SMS.FAILURE'
  );
  const sends = docs.filter((d) => d.event_type === '_campaign.send');
  const notSent: Record<string, number> = {};
  for (const d of sends) {
    const s = d.attributes!.campaign_send_status;
    if (s !== 'SUCCESS') notSent[s] = (notSent[s] ?? 0) + 1;
  }
  return {
    email: {
      sent,
      delivered,
      opened,
      opens: events(['_email.open']),
      clicked,
      clicks: events(['_email.click']),
      hardBounced,
      softBounced: m('softbounce'),
      complained,
      unsubscribed,
      rejected: m('rejected'),
      deliveryRate: rate(delivered, sent),
      openRate: rate(opened, delivered),
      clickRate: rate(clicked, delivered),
      clickToOpenRate: rate(clicked, opened),
      hardBounceRate: rate(hardBounced, sent),
      complaintRate: rate(complained, sent),
      unsubscribeRate: rate(unsubscribed, delivered),
    },
    sms: {
      sent: smsSent,
      delivered: smsDelivered,
      failed: distinct(['_SMS.FAILURE'], smsId),
      optedOut: distinct(['_SMS.OPTOUT'], smsId),
      deliveryRate: rate(smsDelivered, smsSent),
      spendUsd:
        billed.reduce(
          (s, d) =>
            s + ((d.metrics as { price_in_millicents_usd?: number })?.price_in_millicents_usd ?? 0),
          0
        ) / 100_000,
      parts: billed.reduce((s, d) => s + Number(d.attributes!.number_of_message_parts), 0),
    },
    push: {
      sent: sends.filter(
        (d) =>
          PUSH.has(d.attributes!.delivery_type) && d.attributes!.campaign_send_status === 'SUCCESS'
      ).length,
      opened: distinct(['_campaign.opened_notification'], clientId),
    },
    endpointsTargeted: distinct(['_campaign.send'], clientId),
    notSent,
  };
}

/** The records a report over [from, to) covers: events whose event_timestamp is in range. */
export function inRange(docs: readonly Doc[], from: number, to: number): Doc[] {
  return docs.filter((d) => d.event_timestamp >= from && d.event_timestamp < to);
}

/**
 * The campaigns integration tests' own data: messages with chosen fates, some sent before and after the
 * range (their later events arrive inside it and must not count), SMS with BUFFERED then SUCCESS, Firehose
 * duplicates, push sends with every kind of status, a journey and transactional mail. Indexed by arrival day
 * into daily indices, exactly as Firehose names them.
 */
import type { OpenSearchClient } from '../../server/osd_port';
import { buildIndexTemplate, templateName } from '../../common/template';

export type Doc = Record<string, unknown> & {
  event_type: string;
  event_timestamp: number;
  arrival_timestamp: number;
  attributes?: Record<string, string>;
};

export const RANGE = { from: '2026-03-10T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z' };
const FROM = Date.parse(RANGE.from);
const H = 3_600_000;

export const CAMPAIGN_AB = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01';
export const CAMPAIGN_SMS = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb02';
export const CAMPAIGN_PUSH = 'cccccccccccccccccccccccccccccc03';
export const JOURNEY = 'dddddddddddddddddddddddddddddd04';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildFixture(seed = 7): Doc[] {
  const r = rng(seed);
  const docs: Doc[] = [];
  let n = 0;
  const id = (p: string) => `${p}-${(n++).toString(16).padStart(8, '0')}`;
  // Send times from 12 h before the range to 12 h after it.
  const sendTime = () => FROM - 12 * H + Math.floor(r() * 60 * H);

  const email = (attrs: Record<string, string>, rates: { open: number; click: number }) => {
    const ts = sendTime();
    const messageId = id('mail');
    const domain = r() < 0.5 ? 'example.com' : 'example.org';
    const recipient = `u${n}@${domain}`;
    const ev = (type: string, lag: number, extra: Record<string, unknown> = {}) =>
      docs.push({
        event_type: type,
        event_timestamp: ts,
        arrival_timestamp: ts + lag,
        attributes: attrs,
        client: { client_id: id('client') },
        facets: {
          email_channel: {
            mail_event: {
              mail: { message_id: messageId, destination: [recipient] },
              ...extra,
            },
          },
        },
      });
    ev('_email.send', 1000);
    const fate = r();
    if (fate < 0.04) return ev('_email.hardbounce', 5000);
    if (fate < 0.07) return ev('_email.rejected', 2000);
    if (fate < 0.1) ev('_email.softbounce', 4000);
    ev('_email.delivered', 3000);
    if (r() < 0.1) ev('_email.delivered', 3100); // a Firehose duplicate
    if (r() < rates.open) {
      const opens = 1 + Math.floor(r() * 3);
      for (let i = 0; i < opens; i++) ev('_email.open', (1 + i) * 7 * H);
      if (r() < rates.click) {
        const clicks = 1 + Math.floor(r() * 2);
        for (let i = 0; i < clicks; i++)
          ev('_email.click', 9 * H + i * 1000, {
            click: { link: r() < 0.7 ? 'https://example.com/sale' : 'https://example.com/blog' },
          });
      }
      if (r() < 0.05) ev('_email.unsubscribe', 30 * H);
    }
    if (r() < 0.02) ev('_email.complaint', 40 * H);
  };

  for (let i = 0; i < 400; i++) {
    const treatment = i % 2 === 0 ? '0' : '1';
    email(
      { campaign_id: CAMPAIGN_AB, treatment_id: treatment, campaign_activity_id: 'run1' },
      treatment === '0' ? { open: 0.3, click: 0.3 } : { open: 0.45, click: 0.35 }
    );
  }
  for (let i = 0; i < 60; i++) {
    email(
      {
        journey_id: JOURNEY,
        journey_activity_id: i % 3 === 0 ? 'act-email-1' : 'act-email-2',
        journey_run_id: 'jrun',
      },
      { open: 0.5, click: 0.2 }
    );
  }
  for (let i = 0; i < 50; i++) email({}, { open: 0.4, click: 0.2 }); // transactional: no campaign

  // SMS: BUFFERED first (no price), then the carrier's SUCCESS or FAILURE; some opt out.
  for (let i = 0; i < 120; i++) {
    const ts = sendTime();
    const messageId = id('sms');
    const treatment = i % 3 === 0 ? '1' : '0';
    const country = i % 4 === 0 ? 'KR' : 'US';
    const parts = String(1 + (i % 3));
    const ev = (type: string, lag: number, status: string, price?: number) =>
      docs.push({
        event_type: type,
        event_timestamp: ts,
        arrival_timestamp: ts + lag,
        attributes: {
          campaign_id: CAMPAIGN_SMS,
          treatment_id: treatment,
          message_id: messageId,
          record_status: status,
          iso_country_code: country,
          number_of_message_parts: parts,
        },
        ...(price === undefined ? {} : { metrics: { price_in_millicents_usd: price } }),
        client: { client_id: id('client') },
      });
    ev('_SMS.BUFFERED', 500, 'SUCCESSFUL');
    const fate = r();
    if (fate < 0.8) ev('_SMS.SUCCESS', 20 * H, i % 2 ? 'DELIVERED' : 'SUCCESSFUL', 645);
    else if (fate < 0.95) ev('_SMS.FAILURE', 2 * H, 'UNREACHABLE', 645);
    if (r() < 0.05) ev('_SMS.OPTOUT', 26 * H, 'OPTED_OUT');
  }

  // Push and campaign delivery decisions: one _campaign.send per targeted endpoint.
  const statuses = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'HOLDOUT', 'QUIET_TIME', 'FAILURE'];
  for (let i = 0; i < 150; i++) {
    const ts = sendTime();
    const client = `endpoint-${i % 130}`; // some endpoints targeted twice
    const treatment = i % 2 === 0 ? '0' : '1';
    const status = statuses[Math.floor(r() * statuses.length)];
    const deliveryType = i % 5 === 0 ? 'EMAIL' : i % 2 ? 'APNS' : 'GCM';
    const attrs = {
      campaign_id: CAMPAIGN_PUSH,
      treatment_id: treatment,
      delivery_type: deliveryType,
      campaign_send_status: status,
    };
    docs.push({
      event_type: '_campaign.send',
      event_timestamp: ts,
      arrival_timestamp: ts + 100,
      attributes: attrs,
      client: { client_id: client },
    });
    if (status === 'SUCCESS' && deliveryType !== 'EMAIL' && r() < 0.3) {
      docs.push({
        event_type: '_campaign.opened_notification',
        event_timestamp: ts,
        arrival_timestamp: ts + 2 * H,
        attributes: attrs,
        client: { client_id: client },
      });
    }
  }
  // Journey send decisions.
  for (let i = 0; i < 40; i++) {
    const ts = sendTime();
    docs.push({
      event_type: '_journey.send',
      event_timestamp: ts,
      arrival_timestamp: ts + 100,
      attributes: {
        journey_id: JOURNEY,
        journey_activity_id: i % 3 === 0 ? 'act-email-1' : 'act-email-2',
        journey_send_status: i % 4 === 0 ? 'QUIET_TIME' : 'SUCCESS',
      },
      client: { client_id: `jendpoint-${i}` },
    });
  }
  return docs;
}

export function indexOf(prefix: string, doc: Doc): string {
  return `${prefix}-${new Date(doc.arrival_timestamp).toISOString().slice(0, 10)}`;
}

/** The template first (so fields are keywords), then every document into its arrival day's index. */
export async function indexFixture(
  client: OpenSearchClient,
  prefix: string,
  docs: readonly Doc[]
): Promise<string[]> {
  await client.transport.request({
    method: 'PUT',
    path: `/_index_template/${templateName(prefix)}`,
    body: buildIndexTemplate(prefix),
  });
  const bulkBody: object[] = [];
  const indices = new Set<string>();
  for (const doc of docs) {
    const index = indexOf(prefix, doc);
    indices.add(index);
    bulkBody.push({ index: { _index: index } }, doc);
  }
  const { body } = await client.transport.request<{ errors: boolean; items: unknown[] }>({
    method: 'POST',
    path: '/_bulk',
    querystring: { refresh: 'true' },
    bulkBody,
  });
  if (body.errors)
    throw new Error(
      `bulk failed: ${JSON.stringify(body.items.find((i) => JSON.stringify(i).includes('error')))}`
    );
  return [...indices].sort();
}

export async function removeFixture(client: OpenSearchClient, prefix: string): Promise<void> {
  await client.transport.request({ method: 'DELETE', path: `/${prefix}-*` }, { ignore: [404] });
  await client.transport.request(
    { method: 'DELETE', path: `/_index_template/${templateName(prefix)}` },
    { ignore: [404] }
  );
}

/**
 * Realistic campaign traffic, message by message: each message's whole life (send, delivery or bounce, opens
 * hours later with a daily rhythm, clicks, unsubscribes, complaints; SMS BUFFERED then the carrier's receipt;
 * push sends and opens; journey sends) so funnels hold together. A reusable module: `generateSendDay` gives
 * the events of the messages SENT on one UTC day (their events may arrive on later days), deterministic by
 * seed; `generateRange` buckets a range's events by arrival day, the way Firehose names its indices.
 */
import type { PinpointEvent } from '../../common/pinpoint_event';
import { hashString as hash, rng } from './seeded_random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEMO_APP = '6e0b7591a90841d6a9bd8fea2e8ed7b0';

export interface DemoCampaign {
  id: string;
  name: string;
  kind: 'campaign' | 'journey';
  channel: 'email' | 'sms' | 'push';
  /** Day offsets (relative to the last day of the range, 0) on which it sends. */
  sendsOn: (offset: number) => boolean;
  recipients: number;
  treatments?: Array<{ id: string; share: number; open: number; click: number }>;
  /** Share of targeted endpoints held out (A/B holdout group). */
  holdout?: number;
  activities?: string[];
}

/** The demo's campaigns and journey; names are also what the demo puts in the names index. */
export const DEMO_CATALOG: readonly DemoCampaign[] = [
  {
    id: '8c3e1b3f0e2d4a5f9b7c6d5e4f3a2b1c',
    name: 'Black Friday — subject line A/B',
    kind: 'campaign',
    channel: 'email',
    sendsOn: (o) => o >= -6 && o <= -4,
    recipients: 1400,
    holdout: 0.1,
    treatments: [
      { id: '0', share: 0.5, open: 0.24, click: 0.11 },
      { id: '1', share: 0.5, open: 0.31, click: 0.12 },
    ],
  },
  {
    id: 'b7d4a2c19e8f4b6a8d3c2e1f0a9b8c7d',
    name: 'Weekly newsletter',
    kind: 'campaign',
    channel: 'email',
    sendsOn: (o) => o % 7 === -2 || o % 7 === 5,
    recipients: 1800,
    treatments: [{ id: '0', share: 1, open: 0.22, click: 0.08 }],
  },
  {
    id: 'f1e2d3c4b5a6478899aabbccddeeff00',
    name: 'Flash sale SMS',
    kind: 'campaign',
    channel: 'sms',
    sendsOn: (o) => o === -10 || o === -3 || o === -17,
    recipients: 700,
    treatments: [
      { id: '0', share: 0.5, open: 0, click: 0 },
      { id: '1', share: 0.5, open: 0, click: 0 },
    ],
  },
  {
    id: '0a1b2c3d4e5f40718293a4b5c6d7e8f9',
    name: 'App update push',
    kind: 'campaign',
    channel: 'push',
    sendsOn: (o) => o === -15 || o === -1 || o === -24,
    recipients: 900,
    treatments: [{ id: '0', share: 1, open: 0.18, click: 0 }],
  },
  {
    id: '3a4b5c6d7e8f40112233445566778899',
    name: 'Onboarding journey',
    kind: 'journey',
    channel: 'email',
    sendsOn: () => true,
    recipients: 90,
    activities: ['welcome-email', 'tips-email'],
  },
];

class Gen {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  f(): number {
    return this.r();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.r() * 16).toString(16);
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  /** Hours until someone opens: mostly within a day, peaking in the morning and evening (UTC−5 audience). */
  openDelay(sendTs: number): number {
    const base = this.f() < 0.6 ? this.int(5, 180) * 60_000 : this.int(3, 40) * HOUR;
    const t = sendTs + base;
    const hour = new Date(t - 5 * HOUR).getUTCHours();
    const awake = hour >= 7 && hour <= 22;
    return base + (awake ? 0 : (7 - (hour > 22 ? hour - 24 : hour)) * HOUR);
  }
}

const DOMAINS = [
  ['gmail.com', 0.38],
  ['yahoo.com', 0.14],
  ['outlook.com', 0.16],
  ['icloud.com', 0.1],
  ['example.co.kr', 0.08],
  ['corp.example.com', 0.14],
] as const;
const LINKS = [
  'https://shop.example.com/black-friday',
  'https://shop.example.com/new-arrivals',
  'https://blog.example.com/this-week',
  'https://shop.example.com/account',
];
const COUNTRIES = [
  { code: 'US', phone: '+1206555', price: 645 },
  { code: 'KR', phone: '+8210555', price: 2240 },
  { code: 'DE', phone: '+4915155', price: 7950 },
];

function domain(g: Gen): string {
  let roll = g.f();
  for (const [d, w] of DOMAINS) {
    roll -= w;
    if (roll < 0) return d;
  }
  return DOMAINS[0][0];
}

function base(
  type: string,
  ts: number,
  arrival: number,
  client: string,
  attributes: Record<string, string>
): PinpointEvent {
  return {
    event_type: type,
    event_timestamp: ts,
    arrival_timestamp: arrival,
    event_version: '3.1',
    application: { app_id: DEMO_APP, sdk: {} },
    client: { client_id: client },
    device: { platform: {} },
    session: {},
    attributes,
    awsAccountId: '123456789012',
  };
}

function emailMessage(
  g: Gen,
  out: PinpointEvent[],
  ts: number,
  attrs: Record<string, string>,
  rates: { open: number; click: number },
  subject: string
): void {
  const client = g.uuid();
  const to = `user${g.int(1, 99999)}@${domain(g)}`;
  const mail = {
    // As SES ids do, the id starts with the send time: the seeded streams of two days may overlap, and a
    // message id must never recur on another day (summaries count each message on its one send day).
    message_id: `${ts.toString(16).padStart(16, '0')}-${g.uuid()}-000000`,
    message_send_timestamp: ts,
    from_address: 'news@shop.example.com',
    destination: [to],
    headers_truncated: false,
    common_headers: { from: 'news@shop.example.com', to: [to], subject },
  };
  const ev = (type: string, lag: number, extra: Record<string, unknown> = {}) => {
    const e = base(type, ts, ts + lag, client, attrs);
    e.facets = { email_channel: { mail_event: { mail, ...extra } } };
    out.push(e);
  };
  ev('_email.send', g.int(200, 2000), { send: {} });
  const fate = g.f();
  if (fate < 0.015) {
    ev('_email.hardbounce', g.int(2000, 60_000), {
      bounce: {
        bounce_type: 'Permanent',
        bounce_sub_type: 'General',
        bounced_recipients: [{ email_address: to }],
      },
    });
    return;
  }
  if (fate < 0.018)
    return ev('_email.rejected', g.int(500, 3000), { reject: { reason: 'Bad content' } });
  if (fate < 0.03) {
    ev('_email.softbounce', g.int(2000, 60_000), {
      bounce: {
        bounce_type: 'Transient',
        bounce_sub_type: 'MailboxFull',
        bounced_recipients: [{ email_address: to }],
      },
    });
    if (g.f() < 0.5) return;
  }
  ev('_email.delivered', g.int(1500, 20_000), {
    delivery: { smtp_response: '250 2.6.0 Message received' },
  });
  if (g.f() < rates.open) {
    const first = g.openDelay(ts);
    const opens = g.f() < 0.7 ? 1 : g.int(2, 4);
    for (let i = 0; i < opens; i++) {
      ev('_email.open', first + i * g.int(10, 300) * 60_000, {
        open: { ip_address: `198.51.100.${g.int(1, 254)}`, user_agent: 'Mozilla/5.0' },
      });
    }
    if (g.f() < rates.click / Math.max(rates.open, 0.01)) {
      const clicks = g.f() < 0.8 ? 1 : 2;
      for (let i = 0; i < clicks; i++) {
        ev('_email.click', first + g.int(1, 20) * 60_000, {
          click: {
            ip_address: `198.51.100.${g.int(1, 254)}`,
            user_agent: 'Mozilla/5.0',
            link: g.pick(LINKS),
            link_tags: {},
          },
        });
      }
    }
    if (g.f() < 0.02) ev('_email.unsubscribe', first + g.int(1, 30) * 60_000);
  }
  if (g.f() < 0.0015)
    ev('_email.complaint', g.int(2, 30) * HOUR, {
      complaint: { complaint_feedback_type: 'abuse' },
    });
}

function campaignSend(
  out: PinpointEvent[],
  ts: number,
  client: string,
  c: DemoCampaign,
  treatment: string,
  deliveryType: string,
  status: string,
  activity: string
): void {
  out.push(
    base('_campaign.send', ts, ts + 300, client, {
      campaign_id: c.id,
      campaign_activity_id: activity,
      treatment_id: treatment,
      delivery_type: deliveryType,
      campaign_send_status: status,
    })
  );
}

function treatmentOf(g: Gen, c: DemoCampaign) {
  const ts = c.treatments ?? [{ id: '0', share: 1, open: 0.2, click: 0.05 }];
  let roll = g.f();
  for (const t of ts) {
    roll -= t.share;
    if (roll < 0) return t;
  }
  return ts[ts.length - 1];
}

export interface SendDayOptions {
  /** UTC day `YYYY-MM-DD` on which the messages are sent. */
  day: string;
  /** Its offset from the last day of the demo range (0 = today); campaigns send on chosen offsets. */
  offset: number;
  seed?: number;
  /** Multiplies every campaign's audience (the benches use large values). */
  scale?: number;
}

/** Every event of the messages sent on one day (arrival times may fall on later days). */
export function generateSendDay(opts: SendDayOptions): PinpointEvent[] {
  const dayStart = Date.parse(`${opts.day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.day) || Number.isNaN(dayStart)) {
    throw new Error(`day must be YYYY-MM-DD, got "${opts.day}"`);
  }
  const scale = opts.scale ?? 1;
  const out: PinpointEvent[] = [];
  for (const c of DEMO_CATALOG) {
    if (!c.sendsOn(opts.offset)) continue;
    const g = new Gen(hash(`${c.id}|${opts.day}`) ^ (opts.seed ?? 42));
    const activity = g.hex(32);
    // Campaigns go out at 15:00 UTC (10:00 in New York); the journey sends all day.
    const start = dayStart + (c.kind === 'journey' ? 0 : 15 * HOUR);
    const n = Math.round(c.recipients * scale * (0.85 + 0.3 * g.f()));
    for (let i = 0; i < n; i++) {
      const ts = c.kind === 'journey' ? start + g.int(0, DAY - 1) : start + g.int(0, 45 * 60_000);
      if (c.kind === 'journey') {
        const act = g.pick(c.activities ?? ['email']);
        const client = g.uuid();
        const status = g.f() < 0.06 ? 'QUIET_TIME' : 'SUCCESS';
        out.push(
          base('_journey.send', ts, ts + 200, client, {
            journey_id: c.id,
            journey_activity_id: act,
            journey_run_id: activity,
            journey_send_status: status,
            journey_activity_type: 'EMAIL',
          })
        );
        if (status === 'SUCCESS') {
          emailMessage(
            g,
            out,
            ts,
            { journey_id: c.id, journey_activity_id: act, journey_run_id: activity },
            { open: 0.45, click: 0.15 },
            'Welcome aboard'
          );
        }
        continue;
      }
      const t = treatmentOf(g, c);
      const endpoint = g.uuid();
      if (c.holdout && g.f() < c.holdout) {
        campaignSend(
          out,
          ts,
          endpoint,
          c,
          t.id,
          c.channel === 'email' ? 'EMAIL' : 'SMS',
          'HOLDOUT',
          activity
        );
        continue;
      }
      if (c.channel === 'email') {
        const quiet = g.f() < 0.01;
        campaignSend(
          out,
          ts,
          endpoint,
          c,
          t.id,
          'EMAIL',
          quiet ? 'QUIET_TIME' : 'SUCCESS',
          activity
        );
        if (quiet) continue;
        emailMessage(
          g,
          out,
          ts,
          { campaign_id: c.id, campaign_activity_id: activity, treatment_id: t.id },
          t,
          t.id === '1' ? 'Black Friday starts now 🎉' : c.name
        );
      } else if (c.channel === 'sms') {
        campaignSend(out, ts, endpoint, c, t.id, 'SMS', 'SUCCESS', activity);
        const country = g.pick(COUNTRIES);
        const parts = String(t.id === '1' ? 2 : 1);
        // The send time first, for the same reason as email message ids.
        const messageId = `${ts.toString(16).padStart(12, '0')}${g.hex(20)}`;
        const attrs = (status: string) => ({
          campaign_id: c.id,
          campaign_activity_id: activity,
          treatment_id: t.id,
          message_id: messageId,
          record_status: status,
          iso_country_code: country.code,
          number_of_message_parts: parts,
          message_type: 'PROMOTIONAL',
          destination_phone_number: `${country.phone}${g.int(1000, 9999)}`,
          origination_phone_number: '+18005550142',
        });
        out.push(base('_SMS.BUFFERED', ts, ts + g.int(200, 2000), endpoint, attrs('SUCCESSFUL')));
        const fate = g.f();
        const receipt = (type: string, status: string) => {
          const e = base(type, ts, ts + g.int(5, 600) * 1000, endpoint, attrs(status));
          e.metrics = { price_in_millicents_usd: country.price * Number(parts) };
          out.push(e);
        };
        if (fate < 0.9) receipt('_SMS.SUCCESS', country.code === 'US' ? 'DELIVERED' : 'SUCCESSFUL');
        else if (fate < 0.97)
          receipt(
            '_SMS.FAILURE',
            g.pick(['UNREACHABLE', 'CARRIER_UNREACHABLE', 'INVALID', 'BLOCKED'])
          );
        if (g.f() < 0.02)
          out.push(base('_SMS.OPTOUT', ts, ts + g.int(1, 48) * HOUR, endpoint, attrs('OPTED_OUT')));
      } else {
        const type = g.f() < 0.55 ? 'APNS' : 'GCM';
        const status = g.f() < 0.96 ? 'SUCCESS' : 'FAILURE_PERMANENT';
        campaignSend(out, ts, endpoint, c, t.id, type, status, activity);
        if (status === 'SUCCESS' && g.f() < t.open) {
          out.push(
            base('_campaign.opened_notification', ts, ts + g.openDelay(ts), endpoint, {
              campaign_id: c.id,
              campaign_activity_id: activity,
              treatment_id: t.id,
            })
          );
        }
      }
    }
  }
  // Transactional mail (receipts): no campaign, no journey.
  const g = new Gen(hash(`transactional|${opts.day}`) ^ (opts.seed ?? 42));
  const receipts = Math.round(120 * scale);
  for (let i = 0; i < receipts; i++) {
    emailMessage(
      g,
      out,
      dayStart + g.int(0, DAY - 1),
      {},
      { open: 0.5, click: 0.1 },
      'Your receipt'
    );
  }
  return out;
}

export interface RangeOptions {
  /** Days before `now` to start sending (the range is [now − days, now]). */
  days: number;
  now: Date;
  seed?: number;
  scale?: number;
}

/** Events of every message sent in the range, arrived by `now`, bucketed by arrival day (`YYYY-MM-DD`). */
export function generateRange(opts: RangeOptions): Map<string, PinpointEvent[]> {
  const byDay = new Map<string, PinpointEvent[]>();
  const until = opts.now.getTime();
  for (let offset = -opts.days; offset <= 0; offset++) {
    const day = new Date(until + offset * DAY).toISOString().slice(0, 10);
    for (const e of generateSendDay({ day, offset, seed: opts.seed, scale: opts.scale })) {
      if (e.arrival_timestamp > until || e.event_timestamp > until) continue;
      const arrivalDay = new Date(e.arrival_timestamp).toISOString().slice(0, 10);
      let list = byDay.get(arrivalDay);
      if (!list) byDay.set(arrivalDay, (list = []));
      list.push(e);
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.arrival_timestamp - b.arrival_timestamp);
  return byDay;
}

/**
 * Deterministic, realistic Pinpoint event records for a day: the demo data, the tests and the benches.
 *
 * Shapes follow the Pinpoint developer guide's examples (email, SMS, campaign, journey and app events). The
 * mix is weighted so funnels make sense (sends >= deliveries >= opens >= clicks). Same day, count and seed give
 * the same records, byte for byte.
 */
import type { PinpointEvent } from '../../common/pinpoint_event';
import { hashString, rng } from './seeded_random';

export interface GenerateOptions {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
  seed?: number;
  /** Latest arrival time (epoch ms), for today's index: no events from the future. */
  until?: number;
  appId?: string;
  awsAccountId?: string;
}

const DAY_MS = 86_400_000;

class Draw {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as Array<[T, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
}

export const DEMO_APP_ID = '6e0b7591a90841d6a9bd8fea2e8ed7b0';
export const DEMO_ACCOUNT_ID = '123456789012';

/** Fixed campaigns and journeys so dashboards group over days. */
export const DEMO_CAMPAIGNS = [
  { id: '8c3e1b3f0e2d4a5f9b7c6d5e4f3a2b1c', treatments: ['0', '1'] },
  { id: 'b7d4a2c19e8f4b6a8d3c2e1f0a9b8c7d', treatments: ['0'] },
  { id: 'f1e2d3c4b5a6478899aabbccddeeff00', treatments: ['0', '1', '2'] },
] as const;
export const DEMO_JOURNEYS = [
  { id: '3a4b5c6d7e8f40112233445566778899', activities: ['Wait1', 'Email1', 'Email2'] },
  { id: 'c0ffee00c0ffee00c0ffee00c0ffee00', activities: ['Email1'] },
] as const;

const EMAIL_TYPES = {
  '_email.send': 40,
  '_email.delivered': 37,
  '_email.open': 16,
  '_email.click': 6,
  '_email.hardbounce': 1.2,
  '_email.softbounce': 0.8,
  '_email.complaint': 0.2,
  '_email.unsubscribe': 0.5,
  '_email.rejected': 0.2,
  '_email.rendering_failure': 0.1,
};
const SMS_TYPES = { '_SMS.BUFFERED': 30, '_SMS.SUCCESS': 26, '_SMS.FAILURE': 3, '_SMS.OPTOUT': 1 };
const CHANNELS = { email_campaign: 45, email_journey: 15, sms: 15, push_campaign: 10, app: 15 };
const APP_TYPES = {
  '_session.start': 30,
  '_session.stop': 28,
  add_to_cart: 20,
  played_song: 15,
  '_monetization.purchase': 7,
};

const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'example.co.kr'];
const USER_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36',
];
const COUNTRIES = [
  { code: 'en_US', country: 'US', language: 'en', phone: '+1206555' },
  { code: 'ko_KR', country: 'KR', language: 'ko', phone: '+8210555' },
  { code: 'de_DE', country: 'DE', language: 'de', phone: '+4915155' },
];

function base(d: Draw, opts: GenerateOptions, arrival: number, eventType: string): PinpointEvent {
  const lag = d.int(200, 4000);
  return {
    event_type: eventType,
    event_timestamp: arrival - lag,
    arrival_timestamp: arrival,
    event_version: '3.1',
    application: { app_id: opts.appId ?? DEMO_APP_ID, sdk: {} },
    client: { client_id: d.uuid() },
    device: { platform: {} },
    session: {},
    awsAccountId: opts.awsAccountId ?? DEMO_ACCOUNT_ID,
  };
}

function emailEvent(d: Draw, ev: PinpointEvent, journey: boolean): PinpointEvent {
  const recipient = `user${d.int(1, 5000)}@${d.pick(DOMAINS)}`;
  const sendTs =
    ev.event_timestamp - (ev.event_type === '_email.send' ? 0 : d.int(1000, 3_600_000));
  if (journey) {
    const j = d.pick(DEMO_JOURNEYS);
    ev.attributes = {
      journey_id: j.id,
      journey_activity_id: d.pick(j.activities),
      journey_run_id: d.hex(32),
      journey_send_status: 'SUCCESS',
      journey_activity_type: 'EMAIL',
    };
  } else {
    const c = d.pick(DEMO_CAMPAIGNS);
    ev.attributes = {
      campaign_id: c.id,
      campaign_activity_id: d.hex(32),
      treatment_id: d.pick(c.treatments),
      delivery_type: 'EMAIL',
      campaign_send_status: 'SUCCESS',
    };
  }
  const mail = {
    message_id: `0100018f${d.hex(8)}-${d.uuid()}-000000`,
    message_send_timestamp: sendTs,
    from_address: 'news@example.com',
    destination: [recipient],
    headers_truncated: false,
    headers: [
      { name: 'From', value: 'news@example.com' },
      { name: 'To', value: recipient },
      { name: 'Subject', value: 'Your November update' },
      { name: 'MIME-Version', value: '1.0' },
    ],
    common_headers: { from: 'news@example.com', to: [recipient], subject: 'Your November update' },
  };
  const mailEvent: Record<string, unknown> = { mail };
  const ua = d.pick(USER_AGENTS);
  const ip = `198.51.100.${d.int(1, 254)}`;
  switch (ev.event_type) {
    case '_email.send':
      mailEvent.send = {};
      break;
    case '_email.delivered':
      mailEvent.delivery = {
        smtp_response: '250 2.6.0 Message received',
        reporting_mta: 'a8-55.smtp-out.amazonses.com',
        recipients: [recipient],
        processing_time_millis: d.int(300, 5000),
      };
      break;
    case '_email.open':
      mailEvent.open = { ip_address: ip, user_agent: ua };
      break;
    case '_email.click': {
      const link = d.pick([
        'https://example.com/sale',
        'https://example.com/unsubscribe-prefs',
        'https://example.com/blog/1',
      ]);
      mailEvent.click = { ip_address: ip, user_agent: ua, link, link_tags: {} };
      ev.attributes = { ...ev.attributes, feedback: link };
      break;
    }
    case '_email.hardbounce':
    case '_email.softbounce':
      mailEvent.bounce = {
        bounce_type: ev.event_type === '_email.hardbounce' ? 'Permanent' : 'Transient',
        bounce_sub_type: ev.event_type === '_email.hardbounce' ? 'General' : 'MailboxFull',
        bounced_recipients: [
          {
            email_address: recipient,
            action: 'failed',
            status: '5.1.1',
            diagnostic_code: 'smtp; 550 5.1.1 user unknown',
          },
        ],
      };
      break;
    case '_email.complaint':
      mailEvent.complaint = {
        complaint_feedback_type: 'abuse',
        complained_recipients: [{ email_address: recipient }],
      };
      break;
    case '_email.rejected':
      mailEvent.reject = { reason: 'Bad content' };
      break;
    default:
      break;
  }
  ev.facets = { email_channel: { mail_event: mailEvent } };
  return ev;
}

function smsEvent(d: Draw, ev: PinpointEvent): PinpointEvent {
  const c = d.pick(DEMO_CAMPAIGNS);
  const country = d.pick(COUNTRIES);
  const status: Record<string, string> = {
    '_SMS.BUFFERED': 'SUCCESSFUL',
    '_SMS.SUCCESS': 'DELIVERED',
    '_SMS.FAILURE': d.pick(['UNREACHABLE', 'CARRIER_UNREACHABLE', 'INVALID']),
    '_SMS.OPTOUT': 'OPTED_OUT',
  };
  ev.attributes = {
    sender_request_id: d.uuid(),
    campaign_activity_id: d.hex(32),
    origination_phone_number: '+18005550142',
    destination_phone_number: `${country.phone}${d.int(1000, 9999)}`,
    record_status: status[ev.event_type],
    iso_country_code: country.country,
    treatment_id: d.pick(c.treatments),
    number_of_message_parts: String(d.int(1, 3)),
    message_id: d.hex(32),
    message_type: d.pick(['Transactional', 'Promotional']),
    campaign_id: c.id,
    customer_context: JSON.stringify({ userId: `user-id-${d.int(1, 500)}` }),
  };
  // Pinpoint reports no price until the carrier answers (_SMS.BUFFERED has no metrics).
  if (ev.event_type !== '_SMS.BUFFERED') {
    ev.metrics = { price_in_millicents_usd: d.pick([645, 645, 1290, 3440, 5910]) };
  }
  return ev;
}

function pushCampaignEvent(d: Draw, ev: PinpointEvent): PinpointEvent {
  const c = d.pick(DEMO_CAMPAIGNS);
  const platform = d.pick(['ANDROID', 'IOS']);
  ev.attributes = {
    campaign_id: c.id,
    campaign_activity_id: d.hex(32),
    treatment_id: d.pick(c.treatments),
    delivery_type: platform === 'IOS' ? 'APNS' : 'GCM',
    campaign_send_status: d.float() < 0.95 ? 'SUCCESS' : 'FAILURE_PERMANENT',
  };
  ev.client_context = {
    custom: {
      endpoint: JSON.stringify({
        ChannelType: platform === 'IOS' ? 'APNS' : 'GCM',
        EndpointStatus: 'ACTIVE',
        OptOut: 'NONE',
        Demographic: { Platform: platform, Make: platform === 'IOS' ? 'Apple' : 'Google' },
        User: { UserId: `user-id-${d.int(1, 500)}` },
      }),
    },
  };
  return ev;
}

function appEvent(d: Draw, ev: PinpointEvent): PinpointEvent {
  const country = d.pick(COUNTRIES);
  const start = ev.event_timestamp - d.int(10_000, 900_000);
  ev.event_version = '3.0';
  ev.application = {
    ...ev.application,
    package_name: 'com.example.music',
    title: 'Example Music',
    version_name: '2.4.1',
    version_code: '241',
    cognito_identity_pool_id: `us-east-1:${d.uuid()}`,
    sdk: { name: 'aws-amplify-js', version: '6.0.0' },
  };
  ev.client = { ...ev.client, cognito_id: `us-east-1:${d.uuid()}` };
  ev.device = {
    locale: { code: country.code, country: country.country, language: country.language },
    make: d.pick(['Apple', 'samsung', 'Google']),
    model: d.pick(['iPhone15,2', 'SM-S918B', 'Pixel 8']),
    platform: { name: d.pick(['ios', 'android']), version: d.pick(['17.4', '14']) },
  };
  ev.session = { session_id: d.uuid(), start_timestamp: start };
  switch (ev.event_type) {
    case '_session.stop':
      ev.session.stop_timestamp = ev.event_timestamp;
      break;
    case 'add_to_cart':
      ev.attributes = {
        item_id: `sku-${d.int(100, 999)}`,
        category: d.pick(['vinyl', 'merch', 'tickets']),
        promo_code: d.pick(['NONE', 'FALL26']),
      };
      ev.metrics = { price: d.int(500, 9000) / 100, quantity: d.int(1, 3) };
      break;
    case 'played_song':
      ev.attributes = {
        track: d.pick(['Autumn Leaves', 'Blue in Green', 'So What']),
        artist: d.pick(['Miles Davis', 'Bill Evans']),
        genre: 'jazz',
      };
      ev.metrics = { listening_time_seconds: d.int(20, 400) };
      break;
    case '_monetization.purchase':
      ev.attributes = {
        _currency: 'USD',
        _product_id: `sku-${d.int(100, 999)}`,
        _store: 'AppStore',
      };
      ev.metrics = { _quantity: 1, _item_price: d.int(99, 1999) / 100 };
      break;
    default:
      break;
  }
  return ev;
}

function dayStartMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms))
    throw new Error(`day must be YYYY-MM-DD, got "${day}"`);
  return ms;
}

/** `count` events with arrival times spread over the UTC day (up to `until`), sorted by arrival time. */
export function generateDayEvents(opts: GenerateOptions): PinpointEvent[] {
  const start = dayStartMs(opts.day);
  const end = Math.min(start + DAY_MS - 1, opts.until ?? Number.POSITIVE_INFINITY);
  if (end < start) return [];
  const d = new Draw(rng(hashString(opts.day) ^ (opts.seed ?? 42)));
  const arrivals = Array.from(
    { length: opts.count },
    () => start + Math.floor(d.float() * (end - start + 1))
  ).sort((a, b) => a - b);
  return arrivals.map((arrival) => {
    const channel = d.weighted(CHANNELS);
    switch (channel) {
      case 'email_campaign':
        return emailEvent(d, base(d, opts, arrival, d.weighted(EMAIL_TYPES)), false);
      case 'email_journey':
        return emailEvent(d, base(d, opts, arrival, d.weighted(EMAIL_TYPES)), true);
      case 'sms':
        return smsEvent(d, base(d, opts, arrival, d.weighted(SMS_TYPES)));
      case 'push_campaign':
        return pushCampaignEvent(
          d,
          base(
            d,
            opts,
            arrival,
            d.pick([
              '_campaign.send',
              '_campaign.opened_notification',
              '_campaign.received_foreground',
            ])
          )
        );
      case 'app':
        return appEvent(d, base(d, opts, arrival, d.weighted(APP_TYPES)));
    }
  });
}

/** `YYYY-MM-DD` of the UTC day `offsetDays` from `now` (negative: the past). */
export function utcDay(now: Date, offsetDays = 0): string {
  return new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

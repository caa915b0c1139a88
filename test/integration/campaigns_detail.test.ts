/**
 * The campaign page's breakdowns on the real node, each against an independent count over the test's records:
 * deliverability by recipient domain, SMS by country and failures by record_status, opens and clicks by hour
 * of day (UTC and another zone), top links, events over time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getCampaignDetail } from '../../server/services/campaigns/detail_service';
import type { CampaignDetail } from '../../common/campaigns/detail_types';
import { countingClient, uniquePrefix } from '../support/counting_client';
import {
  CAMPAIGN_AB,
  CAMPAIGN_SMS,
  RANGE,
  buildFixture,
  indexFixture,
  removeFixture,
} from './campaigns_fixture';
import { inRange } from './campaigns_expected';

const client = countingClient();
const prefix = uniquePrefix('campd');
const docs = buildFixture(11);
const covered = inRange(docs, Date.parse(RANGE.from), Date.parse(RANGE.to));
let email: CampaignDetail;
let sms: CampaignDetail;

const mail = (d: (typeof docs)[number]) =>
  (
    d.facets as {
      email_channel: {
        mail_event: {
          mail: { message_id: string; destination: string[] };
          click?: { link: string };
        };
      };
    }
  ).email_channel.mail_event;

describe('campaign page data (real OpenSearch)', () => {
  beforeAll(async () => {
    await indexFixture(client, prefix, docs);
    email = await getCampaignDetail(
      { client, prefix },
      { ...RANGE, campaignId: CAMPAIGN_AB, timeZone: 'Asia/Seoul' }
    );
    sms = await getCampaignDetail({ client, prefix }, { ...RANGE, campaignId: CAMPAIGN_SMS });
  }, 120_000);
  afterAll(() => removeFixture(client, prefix));

  const mine = () => covered.filter((d) => d.attributes?.campaign_id === CAMPAIGN_AB);

  it('deliverability by domain counts distinct messages per recipient domain', () => {
    for (const row of email.domains) {
      const ofDomain = mine().filter((d) => mail(d).mail.destination[0].endsWith(`@${row.domain}`));
      const distinct = (t: string) =>
        new Set(ofDomain.filter((d) => d.event_type === t).map((d) => mail(d).mail.message_id))
          .size;
      expect(row.sent).toBe(distinct('_email.send'));
      expect(row.delivered).toBe(distinct('_email.delivered'));
      expect(row.hardBounced).toBe(distinct('_email.hardbounce'));
      expect(row.opened).toBe(distinct('_email.open'));
    }
    expect(email.domains.map((d) => d.domain).sort()).toEqual(['example.com', 'example.org']);
  });

  it('opens and clicks by hour of day, in UTC and in Asia/Seoul (UTC+9), on arrival time', () => {
    const opens = mine().filter((d) => d.event_type === '_email.open');
    const utc = new Array(24).fill(0);
    const seoul = new Array(24).fill(0);
    for (const d of opens) {
      const h = new Date(d.arrival_timestamp).getUTCHours();
      utc[h]++;
      seoul[(h + 9) % 24]++;
    }
    expect(email.hours.utc.opens).toEqual(utc);
    expect(email.hours.local!.opens).toEqual(seoul);
    expect(email.hours.utc.clicks.reduce((a, b) => a + b, 0)).toBe(
      mine().filter((d) => d.event_type === '_email.click').length
    );
  });

  it('top links are clicks per link', () => {
    const clicks = new Map<string, number>();
    for (const d of mine().filter((x) => x.event_type === '_email.click')) {
      const link = mail(d).click!.link;
      clicks.set(link, (clicks.get(link) ?? 0) + 1);
    }
    expect(Object.fromEntries(email.links.rows.map((r) => [r.link, r.clicks]))).toEqual(
      Object.fromEntries(clicks)
    );
    expect(email.links.approximate).toBe(false);
  });

  it('events over time sum to the events of the messages in range', () => {
    const total = email.timeline.buckets.reduce(
      (s, b) => s + Object.values(b.counts).reduce((a, c) => a + c, 0),
      0
    );
    expect(total).toBe(mine().length);
  });

  it('SMS by country and failures by record_status count distinct messages', () => {
    const smsDocs = covered.filter((d) => d.attributes?.campaign_id === CAMPAIGN_SMS);
    for (const row of sms.smsCountries) {
      const of = smsDocs.filter((d) => d.attributes!.iso_country_code === row.country);
      expect(row.sent).toBe(new Set(of.map((d) => d.attributes!.message_id)).size);
      expect(row.delivered).toBe(
        new Set(
          of.filter((d) => d.event_type === '_SMS.SUCCESS').map((d) => d.attributes!.message_id)
        ).size
      );
    }
    const failures: Record<string, Set<string>> = {};
    for (const d of smsDocs.filter((x) => x.event_type === '_SMS.FAILURE'))
      (failures[d.attributes!.record_status] ??= new Set()).add(d.attributes!.message_id);
    expect(sms.smsFailures).toEqual(
      Object.fromEntries(Object.entries(failures).map(([k, v]) => [k, v.size]))
    );
  });
});

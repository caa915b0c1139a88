import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { generateDayEvents } from './pinpoint_events';

describe('generateDayEvents', () => {
  it('is deterministic for a day, count and seed', () => {
    const a = generateDayEvents({ day: '2026-11-20', count: 200 });
    assert.deepEqual(generateDayEvents({ day: '2026-11-20', count: 200 }), a);
    assert.notDeepEqual(generateDayEvents({ day: '2026-11-20', count: 200, seed: 7 }), a);
  });

  it('keeps arrival times inside the UTC day (and before `until`), sorted, after the event time', () => {
    const start = Date.parse('2026-11-20T00:00:00Z');
    const until = start + 3_600_000;
    const events = generateDayEvents({ day: '2026-11-20', count: 300, until });
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      assert.ok(e.arrival_timestamp >= start && e.arrival_timestamp <= until);
      assert.ok(e.event_timestamp < e.arrival_timestamp);
      if (i > 0) assert.ok(events[i - 1].arrival_timestamp <= e.arrival_timestamp);
    }
  });

  it('produces the event families of a real stream, with their fields', () => {
    const events = generateDayEvents({ day: '2026-11-20', count: 2000 });
    const types = new Set(events.map((e) => e.event_type));
    for (const t of [
      '_email.send',
      '_email.delivered',
      '_email.open',
      '_email.click',
      '_email.hardbounce',
      '_SMS.SUCCESS',
      '_SMS.BUFFERED',
      '_campaign.send',
      '_session.start',
      'add_to_cart',
    ]) {
      assert.ok(types.has(t), t);
    }
    assert.ok(!types.has('_email.bounce'), 'Pinpoint has no _email.bounce');
    const sms = events.filter((e) => e.event_type === '_SMS.SUCCESS');
    assert.ok(
      sms.every(
        (e) =>
          typeof e.metrics?.price_in_millicents_usd === 'number' &&
          e.attributes?.record_status === 'DELIVERED'
      )
    );
    assert.ok(
      events.filter((e) => e.event_type === '_SMS.BUFFERED').every((e) => e.metrics === undefined)
    );
    const sends = events.filter((e) => e.event_type === '_email.send').length;
    const clicks = events.filter((e) => e.event_type === '_email.click').length;
    assert.ok(sends > clicks);
    const push = events.find((e) => e.event_type === '_campaign.send');
    assert.equal(typeof push?.client_context?.custom.endpoint, 'string');
    const mail = events.find((e) => e.event_type === '_email.open')?.facets?.email_channel
      .mail_event.mail as { message_send_timestamp: number };
    assert.equal(typeof mail.message_send_timestamp, 'number');
  });
});

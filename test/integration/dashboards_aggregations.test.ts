/**
 * Every shipped visualization's aggregation, run on the real OpenSearch node over generated Pinpoint events,
 * returns what an independent count of the same events gives. The request is built from the ndjson file the
 * way Dashboards builds it (test/support/vis_dsl.ts); the expected numbers are counted here in plain code from
 * the generated records, one hand-written rule per panel, never from the panel's own queries. Events outside
 * the time range are indexed too and must not count.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@opensearch-project/opensearch';
import { eventMappings } from '../../common/event_mappings';
import type { PinpointEvent } from '../../common/pinpoint_event';
import { NDJSON_FILE_NAME } from '../../common/saved_objects/ndjson';
import type { VisState } from '../../common/saved_objects/types';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';
import { parseNdjson } from '../../dev/host/saved_objects/import_objects';
import { asPortClient } from '../../dev/host/request_context';
import { requireOpenSearchUrl } from '../support/dev_host';
import { flattenResponse, visSearchBody, type PatternField, type Row } from '../support/vis_dsl';

const client = new Client({ node: requireOpenSearchUrl() });
const prefix = `pinpointdashagg${randomBytes(3).toString('hex')}`;
const now = new Date();
const days = [utcDay(now, -3), utcDay(now, -2), utcDay(now, -1)];
const outside = utcDay(now, -6);
const time = { from: `${days[0]}T00:00:00.000Z`, to: `${days[2]}T23:59:59.999Z` };
const objects = parseNdjson(
  readFileSync(join(__dirname, '..', '..', 'common', 'saved_objects', NDJSON_FILE_NAME), 'utf8')
);
const pattern = objects.find((o) => o.type === 'index-pattern')!;
const fields = new Map(
  (JSON.parse(String(pattern.attributes.fields)) as PatternField[]).map((f) => [f.name, f])
);

let events: PinpointEvent[] = [];

beforeAll(async () => {
  const port = asPortClient(client);
  for (const [i, day] of [...days, outside].entries()) {
    const index = `${prefix}-${day}`;
    await client.indices.create({
      index,
      body: { settings: { number_of_replicas: 0 }, mappings: eventMappings() },
    });
    const docs = generateDayEvents({ day, count: day === outside ? 60 : 700, seed: 7 + i });
    await bulkIndex(port, index, docs);
    if (day !== outside) events.push(...docs);
  }
  events = events.filter((e) => e.arrival_timestamp <= Date.parse(time.to));
});

afterAll(async () => {
  await client.indices.delete({ index: `${prefix}-*` }, { ignore: [404] });
  await client.close();
});

// ---- the independent counts: plain code over the generated records ----
type Ev = PinpointEvent;
const is =
  (...types: string[]) =>
  (e: Ev) =>
    types.includes(e.event_type);
const isEmail = (e: Ev) => e.event_type.startsWith('_email.');
const isSms = (e: Ev) => e.event_type.startsWith('_SMS.');
const attr = (name: string) => (e: Ev) => e.attributes?.[name];
const mail = (e: Ev) => e.facets?.email_channel.mail_event as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form mail event
const domain = (e: Ev) => {
  const to = (mail(e)?.mail?.destination as string[] | undefined)?.[0];
  return to && to.includes('@') ? to.slice(to.lastIndexOf('@') + 1).toLowerCase() : undefined;
};
const dayOf = (e: Ev) => Math.floor(e.arrival_timestamp / 86_400_000) * 86_400_000;
const hourStart = (e: Ev) => Math.floor(e.arrival_timestamp / 3_600_000) * 3_600_000;
const hourOfDay = (e: Ev) => Math.floor(e.arrival_timestamp / 3_600_000) % 24;
const usd = (e: Ev) => (e.metrics?.price_in_millicents_usd ?? 0) / 100_000;
const parts = (e: Ev) => Number(e.attributes?.number_of_message_parts ?? 0);
const billed = is('_SMS.SUCCESS', '_SMS.FAILURE');

type Label = [label: string, test: (e: Ev) => boolean];
const funnel: Label[] = [
  ['Send events', is('_email.send')],
  ['Delivered events', is('_email.delivered')],
  ['Open events', is('_email.open')],
  ['Click events', is('_email.click')],
];
const problems: Label[] = [
  ['Hard bounce events', is('_email.hardbounce')],
  ['Soft bounce events', is('_email.softbounce')],
  ['Complaint events', is('_email.complaint')],
  ['Reject events', is('_email.rejected')],
  ['Unsubscribe events', is('_email.unsubscribe')],
];

function groupCount(
  list: Ev[],
  keys: Array<(e: Ev) => string | number | undefined>,
  labels?: Label[]
): Row[] {
  const counts = new Map<string, number>();
  for (const e of list) {
    const k = keys.map((f) => f(e));
    if (k.some((v) => v === undefined)) continue;
    if (labels) {
      for (const [label, test] of labels) {
        const id = JSON.stringify([...k, label]);
        counts.set(id, (counts.get(id) ?? 0) + (test(e) ? 1 : 0));
      }
    } else counts.set(JSON.stringify(k), (counts.get(JSON.stringify(k)) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => ({ keys: JSON.parse(k), values: { '1': n } }));
}

function sumBy(
  list: Ev[],
  key: (e: Ev) => string | number,
  metrics: Record<string, (g: Ev[]) => number>
): Row[] {
  const groups = new Map<string | number, Ev[]>();
  for (const e of list) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  return [...groups].map(([k, g]) => ({
    keys: [k],
    values: Object.fromEntries(Object.entries(metrics).map(([id, f]) => [id, f(g)])),
  }));
}

const total = (f: (e: Ev) => number) => (g: Ev[]) => g.reduce((s, e) => s + f(e), 0);
const allHours = (list: Ev[], labels: Label[]): Row[] =>
  Array.from({ length: 24 }, (_, h) =>
    labels.map(([label, test]) => ({
      keys: [h, label],
      values: { '1': list.filter((e) => hourOfDay(e) === h && test(e)).length },
    }))
  ).flat();

const expected: Record<string, () => Row[]> = {
  'pinpoint-email-funnel-events': () => groupCount(events, [], funnel),
  'pinpoint-email-events-per-day': () => groupCount(events, [dayOf], funnel),
  'pinpoint-top-campaigns': () =>
    groupCount(events.filter(is('_email.send')), [attr('campaign_id')]),
  'pinpoint-email-events-by-treatment': () =>
    groupCount(events.filter(isEmail), [attr('treatment_id')], funnel),
  'pinpoint-email-problem-events': () => groupCount(events, [], problems),
  'pinpoint-email-problem-events-per-day': () => groupCount(events, [dayOf], problems),
  'pinpoint-email-bounce-types': () =>
    groupCount(events.filter(is('_email.hardbounce', '_email.softbounce')), [
      (e) => mail(e)?.bounce?.bounce_type,
    ]),
  'pinpoint-email-events-by-domain': () =>
    groupCount(
      events.filter(isEmail),
      [domain],
      [
        ['Send events', is('_email.send')],
        ['Delivered events', is('_email.delivered')],
        ['Bounce events', is('_email.hardbounce', '_email.softbounce')],
        ['Complaint events', is('_email.complaint')],
      ]
    ),
  'pinpoint-email-engagement-by-hour': () =>
    allHours(events.filter(is('_email.open', '_email.click')), [
      ['Open events', is('_email.open')],
      ['Click events', is('_email.click')],
    ]),
  'pinpoint-sms-events-by-type': () =>
    groupCount(
      events,
      [],
      [
        ['Buffered events', is('_SMS.BUFFERED')],
        ['Success events', is('_SMS.SUCCESS')],
        ['Failure events', is('_SMS.FAILURE')],
        ['Opt-out events', is('_SMS.OPTOUT')],
      ]
    ),
  'pinpoint-sms-record-statuses': () => groupCount(events.filter(isSms), [attr('record_status')]),
  'pinpoint-sms-failure-reasons': () =>
    groupCount(events.filter(is('_SMS.FAILURE')), [attr('record_status')]),
  'pinpoint-sms-spend-by-country': () =>
    sumBy(events.filter(billed), (e) => e.attributes!.iso_country_code, {
      '1': total(usd),
      '3': total(parts),
      '4': (g) => g.length,
    }),
  'pinpoint-sms-spend-per-day': () => sumBy(events.filter(billed), dayOf, { '1': total(usd) }),
  'pinpoint-events-per-hour-by-type': () => groupCount(events, [hourStart, (e) => e.event_type]),
  'pinpoint-latest-arrival': () => [
    { keys: [], values: { '1': Math.max(...events.map((e) => e.arrival_timestamp)) } },
  ],
  'pinpoint-arrival-lag': () => {
    const lags = events
      .filter((e) => !isEmail(e))
      .map((e) => (e.arrival_timestamp - e.event_timestamp) / 1000);
    return [
      {
        keys: [],
        values: { '1': lags.reduce((s, l) => s + l, 0) / lags.length, '2': Math.max(...lags) },
      },
    ];
  },
  'pinpoint-events-per-index': () =>
    groupCount(events, [
      (e) => `${prefix}-${new Date(e.arrival_timestamp).toISOString().slice(0, 10)}`,
    ]),
};

const sortRows = (rows: Row[]) =>
  [...rows].sort((a, b) => JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)));

async function run(vis: (typeof objects)[number]): Promise<Row[]> {
  const visState = JSON.parse(String(vis.attributes.visState)) as VisState;
  const meta = vis.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string };
  const input = {
    visState,
    query: JSON.parse(meta.searchSourceJSON).query.query as string,
    fields,
    timeField: String(pattern.attributes.timeFieldName),
    time,
  };
  const { body } = await client.search({ index: `${prefix}-*`, body: visSearchBody(input) });
  return flattenResponse(input, body as Parameters<typeof flattenResponse>[1]);
}

describe('shipped visualizations on real OpenSearch', () => {
  const visualizations = objects.filter((o) => o.type === 'visualization');
  const aggregating = visualizations.filter(
    (v) =>
      !['markdown', 'input_control_vis'].includes(JSON.parse(String(v.attributes.visState)).type)
  );

  it('has an independent count for every visualization that aggregates', () => {
    expect(aggregating.map((v) => v.id).sort()).toEqual(Object.keys(expected).sort());
    expect(events.length).toBeGreaterThan(2000);
  });

  it.each(aggregating.map((v) => [v.id, v] as const))(
    '%s returns the independent count',
    async (id, vis) => {
      const actual = sortRows(await run(vis));
      const want = sortRows(expected[id]());
      expect(actual.map((r) => r.keys)).toEqual(want.map((r) => r.keys));
      expect(want.length).toBeGreaterThan(0);
      actual.forEach((row, i) => {
        for (const [metric, value] of Object.entries(want[i].values)) {
          expect(row.values[metric]).toBeCloseTo(value as number, 6);
        }
      });
    }
  );

  it('offers every campaign in the range in the campaign filter control', async () => {
    const control = visualizations.find((v) => v.id === 'pinpoint-campaign-filter')!;
    const { controls } = JSON.parse(String(control.attributes.visState)).params as {
      controls: Array<{ fieldName: string; options: { size: number } }>;
    };
    const { body } = await client.search({
      index: `${prefix}-*`,
      body: {
        size: 0,
        query: {
          range: {
            arrival_timestamp: {
              gte: time.from,
              lte: time.to,
              format: 'strict_date_optional_time',
            },
          },
        },
        aggs: {
          options: { terms: { field: controls[0].fieldName, size: controls[0].options.size } },
        },
      },
    });
    const keys = (
      body.aggregations as { options: { buckets: Array<{ key: string }> } }
    ).options.buckets
      .map((b) => b.key)
      .sort();
    expect(keys).toEqual(
      [...new Set(events.map((e) => e.attributes?.campaign_id).filter(Boolean))].sort()
    );
  });
});

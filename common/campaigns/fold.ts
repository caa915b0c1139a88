/**
 * Folding one message's events into the report's counts. The service aggregates events per message (one
 * composite bucket per message × event type × dimensions) and hands each message's rows here; the summaries
 * store the same rows. Pure and streaming: memory is per campaign, never per message.
 */
import {
  BREAKDOWN_DEFINITIONS,
  COUNT_DEFINITIONS,
  MILLICENTS_PER_USD,
  RATE_DEFINITIONS,
  type RowMatch,
} from './metric_definitions';
import type { Channel, MetricGroups } from './types';

/** A message's events of one type with the same dimension values: how many, and their summed fields. */
export interface EventRow {
  eventType: string;
  dims: Readonly<Record<string, string | null>>;
  count: number;
  sums: Readonly<Record<string, number>>;
}

/** Metric name -> value; breakdown entries are `notSent/<status>` and `sendStatuses/<status>`. */
export type Counts = Record<string, number>;

function matches(row: EventRow, match: RowMatch): boolean {
  if (!match.eventTypes.includes(row.eventType)) return false;
  for (const [field, allowed] of Object.entries(match.where ?? {})) {
    const value = row.dims[field];
    if (value === null || value === undefined || !allowed.includes(value)) return false;
  }
  return true;
}

function add(counts: Counts, key: string, value: number): void {
  if (value !== 0) counts[key] = (counts[key] ?? 0) + value;
}

/** Adds one message (or endpoint) to the counts, per the contract's definitions. */
export function addEntity(counts: Counts, rows: readonly EventRow[]): void {
  for (const def of COUNT_DEFINITIONS) {
    let value = 0;
    for (const row of rows) {
      if (!matches(row, def.match)) continue;
      if (def.measure === 'distinct') {
        value = 1;
        break;
      }
      if (def.measure === 'events') value += row.count;
      else if (def.measure === 'sum') value += row.sums[def.field] ?? 0;
      else {
        const parts = Number.parseInt(row.dims[def.field] ?? '', 10);
        if (Number.isFinite(parts)) value += parts * row.count;
      }
    }
    add(counts, def.name, value);
  }
  for (const def of BREAKDOWN_DEFINITIONS) {
    for (const row of rows) {
      if (row.eventType !== def.eventType) continue;
      const status = row.dims[def.field] ?? 'MISSING';
      if (!def.exclude.includes(status)) add(counts, `${def.name}/${status}`, row.count);
    }
  }
}

export function mergeCounts(into: Counts, from: Counts): void {
  for (const [key, value] of Object.entries(from)) add(into, key, value);
}

export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function breakdown(counts: Counts, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(counts)) {
    if (key.startsWith(`${name}/`)) out[key.slice(name.length + 1)] = value;
  }
  return out;
}

/** The report's metric groups from folded counts, with every rate of the contract. */
export function toMetricGroups(counts: Counts): MetricGroups {
  const c = (name: string) => counts[name] ?? 0;
  const rates: Record<string, number | null> = {};
  for (const def of RATE_DEFINITIONS) rates[def.name] = rate(c(def.numerator), c(def.denominator));
  return {
    email: {
      sent: c('email.sent'),
      delivered: c('email.delivered'),
      opened: c('email.opened'),
      opens: c('email.opens'),
      clicked: c('email.clicked'),
      clicks: c('email.clicks'),
      hardBounced: c('email.hardBounced'),
      softBounced: c('email.softBounced'),
      complained: c('email.complained'),
      unsubscribed: c('email.unsubscribed'),
      rejected: c('email.rejected'),
      deliveryRate: rates['email.deliveryRate'],
      openRate: rates['email.openRate'],
      clickRate: rates['email.clickRate'],
      clickToOpenRate: rates['email.clickToOpenRate'],
      hardBounceRate: rates['email.hardBounceRate'],
      complaintRate: rates['email.complaintRate'],
      unsubscribeRate: rates['email.unsubscribeRate'],
    },
    sms: {
      sent: c('sms.sent'),
      delivered: c('sms.delivered'),
      failed: c('sms.failed'),
      optedOut: c('sms.optedOut'),
      deliveryRate: rates['sms.deliveryRate'],
      // Integer millicents summed first, divided once: no accumulated float error.
      spendUsd: c('sms.spendMillicents') / MILLICENTS_PER_USD,
      parts: c('sms.parts'),
    },
    push: { sent: c('push.sent'), opened: c('push.opened') },
    endpointsTargeted: c('endpointsTargeted'),
    notSent: breakdown(counts, 'notSent'),
  };
}

export function sendStatuses(counts: Counts): Record<string, number> {
  return breakdown(counts, 'sendStatuses');
}

/** Channels that carried messages, the busiest first. */
export function channelsOf(groups: MetricGroups): Channel[] {
  const volume: Array<[Channel, number]> = [
    ['email', groups.email.sent],
    ['sms', groups.sms.sent],
    ['push', groups.push.sent + groups.push.opened],
  ];
  return volume
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([channel]) => channel);
}

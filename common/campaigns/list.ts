/**
 * The campaigns list: one row per campaign or journey with the headline numbers, sorted, searched and paged
 * the same way by the route, the CLI's CSV and the app's export.
 */
import { CAMPAIGN_SORT_KEYS, type CampaignSortKey, type CampaignListQuery } from './query';
import type { CampaignReport, Channel, JourneyReport, MetricGroups } from './types';

export interface CampaignListRow {
  kind: 'campaign' | 'journey';
  id: string;
  name: string | null;
  channel: Channel | 'none';
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  complained: number;
  unsubscribed: number;
  deliveryRate: number | null;
  openRate: number | null;
  clickRate: number | null;
  smsSpend: number;
}

function headline(
  kind: CampaignListRow['kind'],
  id: string,
  name: string | null,
  channels: Channel[],
  g: MetricGroups
): CampaignListRow {
  const channel = channels[0] ?? 'none';
  const sms = channel === 'sms';
  const push = channel === 'push';
  const sent = g.email.sent + g.sms.sent + g.push.sent;
  const delivered = g.email.delivered + g.sms.delivered;
  return {
    kind,
    id,
    name,
    channel,
    sent,
    delivered,
    opened: g.email.opened + g.push.opened,
    clicked: g.email.clicked,
    bounced: g.email.hardBounced + g.email.softBounced,
    complained: g.email.complained,
    unsubscribed: g.email.unsubscribed + g.sms.optedOut,
    deliveryRate: sms ? g.sms.deliveryRate : push ? null : g.email.deliveryRate,
    openRate: sms || push ? null : g.email.openRate,
    clickRate: sms || push ? null : g.email.clickRate,
    smsSpend: g.sms.spendUsd,
  };
}

export function listRows(
  campaigns: readonly CampaignReport[],
  journeys: readonly JourneyReport[]
): CampaignListRow[] {
  return [
    ...campaigns.map((c) => headline('campaign', c.campaignId, c.name, c.channels, c)),
    ...journeys.map((j) => headline('journey', j.journeyId, j.name, j.channels, j)),
  ];
}

function compareValues(a: unknown, b: unknown): number {
  // null (no denominator) sorts after every number, whatever the order.
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function sortRows(
  rows: readonly CampaignListRow[],
  sort: CampaignSortKey,
  order: 'asc' | 'desc'
): CampaignListRow[] {
  const key = (r: CampaignListRow) => (sort === 'name' ? (r.name ?? r.id) : r[sort]);
  return [...rows].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a === null || b === null) return compareValues(a, b);
    const c = compareValues(a, b);
    return (order === 'asc' ? c : -c) || x.id.localeCompare(y.id);
  });
}

export function searchRows(rows: readonly CampaignListRow[], search?: string): CampaignListRow[] {
  const q = search?.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter((r) => r.id.includes(q) || (r.name ?? '').toLowerCase().includes(q));
}

export interface CampaignListPage {
  rows: CampaignListRow[];
  total: number;
  page: number;
  perPage: number;
}

export function pageRows(
  rows: readonly CampaignListRow[],
  query: CampaignListQuery
): CampaignListPage {
  const sorted = sortRows(searchRows(rows, query.search), query.sort, query.order);
  const lastPage = Math.max(0, Math.ceil(sorted.length / query.perPage) - 1);
  const page = Math.min(query.page, lastPage);
  return {
    rows: sorted.slice(page * query.perPage, (page + 1) * query.perPage),
    total: sorted.length,
    page,
    perPage: query.perPage,
  };
}

/** Every sortable column, after what identifies the row. */
export const CSV_COLUMNS: ReadonlyArray<keyof CampaignListRow> = [
  'kind',
  'id',
  ...CAMPAIGN_SORT_KEYS,
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a name as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly CampaignListRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

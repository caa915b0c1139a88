/**
 * Pure validation of the campaign views' inputs, shared by the routes, the CLI and the app. Times stay
 * strings here (ISO 8601 or date math such as `now-30d/d`); the server resolves them to instants.
 */
import { DEFAULT_INDEX_PREFIX } from '../constants';
import { validateIndexPrefix } from '../index_naming';
import { InvalidInputError, asObject, rejectUnknownKeys } from '../validation';

/** Pinpoint ids (campaign, journey, application) are 32 lowercase hex digits. */
export const PINPOINT_ID_PATTERN = /^[0-9a-f]{32}$/;

export function parsePinpointId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !PINPOINT_ID_PATTERN.test(value)) {
    throw new InvalidInputError(
      `${what} must be 32 lowercase hexadecimal characters (a Pinpoint id, e.g. 8c3e1b3f0e2d4a5f9b7c6d5e4f3a2b1c), got ${JSON.stringify(value)}`
    );
  }
  return value;
}

const DATE_MATH = /^now(?:[+-]\d+[yMwdhHms])*(?:\/[yMwdhHms])?$/;
const ISO =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 time or date math (`now`, `now-7d`, `now-1M/d`); the range check happens once resolved. */
export function parseTimeExpression(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError(`${what} must be an ISO 8601 time or date math such as now-30d`);
  }
  const v = value.trim();
  if (DATE_MATH.test(v)) return v;
  if (ISO.test(v) && !Number.isNaN(Date.parse(v))) return v;
  throw new InvalidInputError(
    `${what} "${value}" is neither an ISO 8601 time (2026-11-01T00:00:00Z) nor date math (now-30d, now/d)`
  );
}

export const CAMPAIGN_SORT_KEYS = [
  'name',
  'channel',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'complained',
  'unsubscribed',
  'deliveryRate',
  'openRate',
  'clickRate',
  'smsSpend',
] as const;
export type CampaignSortKey = (typeof CAMPAIGN_SORT_KEYS)[number];

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_RANGE = { from: 'now-30d', to: 'now' } as const;

export interface RangeQuery {
  from: string;
  to: string;
  /** The archive's index prefix (`pinpoint`: indices `pinpoint-YYYY-MM-DD`). */
  prefix?: string;
}

export interface CampaignListQuery extends RangeQuery {
  sort: CampaignSortKey;
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
  search?: string;
}

function rangeFrom(obj: Record<string, unknown>): RangeQuery {
  return {
    prefix:
      obj.prefix === undefined ? DEFAULT_INDEX_PREFIX : validateIndexPrefix(obj.prefix, 'prefix'),
    from: obj.from === undefined ? DEFAULT_RANGE.from : parseTimeExpression(obj.from, 'from'),
    to: obj.to === undefined ? DEFAULT_RANGE.to : parseTimeExpression(obj.to, 'to'),
  };
}

function positiveInt(value: unknown, what: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidInputError(`${what} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** GET /api/pinpoint/campaigns?from&to&sort&order&page&perPage&search */
export function parseCampaignListQuery(data: unknown): CampaignListQuery {
  const q = asObject(data, 'query');
  rejectUnknownKeys(
    q,
    ['from', 'to', 'prefix', 'sort', 'order', 'page', 'perPage', 'search'],
    'query'
  );
  const sort = (q.sort ?? 'sent') as CampaignSortKey;
  if (!CAMPAIGN_SORT_KEYS.includes(sort)) {
    throw new InvalidInputError(
      `sort must be one of ${CAMPAIGN_SORT_KEYS.join(', ')}, got ${JSON.stringify(q.sort)}`
    );
  }
  const order = q.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new InvalidInputError(`order must be asc or desc, got ${JSON.stringify(q.order)}`);
  }
  const perPage = positiveInt(q.perPage, 'perPage', 20);
  if (!(PAGE_SIZES as readonly number[]).includes(perPage)) {
    throw new InvalidInputError(`perPage must be one of ${PAGE_SIZES.join(', ')}, got ${perPage}`);
  }
  const search = q.search === undefined ? undefined : String(q.search);
  if (search !== undefined && search.length > 200) {
    throw new InvalidInputError('search must be at most 200 characters');
  }
  return { ...rangeFrom(q), sort, order, page: positiveInt(q.page, 'page', 0), perPage, search };
}

/** GET /api/pinpoint/campaigns/{id}?from&to (and journeys): the range only. */
export function parseRangeQuery(data: unknown): RangeQuery & { timeZone?: string } {
  const q = asObject(data, 'query');
  rejectUnknownKeys(q, ['from', 'to', 'prefix', 'timeZone'], 'query');
  const timeZone = q.timeZone === undefined ? undefined : String(q.timeZone);
  if (
    timeZone !== undefined &&
    !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$|^UTC$|^[+-]\d{2}:\d{2}$/.test(timeZone)
  ) {
    throw new InvalidInputError(
      `timeZone must be an IANA zone name such as Europe/Paris, got ${JSON.stringify(q.timeZone)}`
    );
  }
  return { ...rangeFrom(q), ...(timeZone ? { timeZone } : {}) };
}

export function parseIdParams(data: unknown): { id: string } {
  const p = asObject(data, 'path');
  return { id: parsePinpointId(p.id, 'id') };
}

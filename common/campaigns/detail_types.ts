/** The campaign page's data: the report plus the breakdowns behind its charts and tables. */
import type { CampaignReport, JourneyReport, ReportSources } from './types';

export interface TimelineBucket {
  /** Bucket start, epoch ms (arrival time). */
  t: number;
  counts: Record<string, number>;
}

export interface DomainRow {
  domain: string;
  sent: number;
  delivered: number;
  hardBounced: number;
  softBounced: number;
  complained: number;
  opened: number;
  deliveryRate: number | null;
}

export interface CountryRow {
  country: string;
  sent: number;
  delivered: number;
  failed: number;
  spendUsd: number;
  parts: number;
}

export interface HourOfDay {
  timeZone: string;
  /** 24 values per event type (index = hour of day in that zone). */
  opens: number[];
  clicks: number[];
}

export interface CampaignDetail {
  from: string;
  to: string;
  campaign: CampaignReport | null;
  /** Events per type over time, on arrival_timestamp. */
  timeline: { intervalMs: number; buckets: TimelineBucket[] };
  hours: { utc: HourOfDay; local: HourOfDay | null };
  /** Top clicked links by clicks; `approximate` when the terms aggregation's error bound is not 0. */
  links: { rows: Array<{ link: string; clicks: number }>; approximate: boolean };
  domains: DomainRow[];
  smsCountries: CountryRow[];
  /** Distinct SMS messages with a `_SMS.FAILURE`, by `record_status`. */
  smsFailures: Record<string, number>;
  sources: ReportSources;
  dataSpan: { first: string; latest: string } | null;
}

export interface JourneyDetail {
  from: string;
  to: string;
  journey: JourneyReport | null;
  sources: ReportSources;
  dataSpan: { first: string; latest: string } | null;
}

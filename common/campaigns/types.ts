/**
 * The campaign report: the one JSON shape the service returns, the routes send, the CLI prints with `--json`
 * and the app renders. Counts are exact; a rate whose denominator is 0 is `null`.
 */

export interface EmailMetrics {
  sent: number;
  delivered: number;
  opened: number;
  opens: number;
  clicked: number;
  clicks: number;
  hardBounced: number;
  softBounced: number;
  complained: number;
  unsubscribed: number;
  rejected: number;
  deliveryRate: number | null;
  openRate: number | null;
  clickRate: number | null;
  clickToOpenRate: number | null;
  hardBounceRate: number | null;
  complaintRate: number | null;
  unsubscribeRate: number | null;
}

export interface SmsMetrics {
  sent: number;
  delivered: number;
  failed: number;
  optedOut: number;
  deliveryRate: number | null;
  spendUsd: number;
  parts: number;
}

export interface PushMetrics {
  sent: number;
  opened: number;
}

/** The metric groups every row (campaign, treatment, journey, activity) carries. */
export interface MetricGroups {
  email: EmailMetrics;
  sms: SmsMetrics;
  push: PushMetrics;
  endpointsTargeted: number;
  /** `_campaign.send` events by `campaign_send_status` (every status but SUCCESS). */
  notSent: Record<string, number>;
}

export interface TreatmentReport extends MetricGroups {
  treatmentId: string;
}

export type ComparedMetric = 'openRate' | 'clickRate';

/**
 * Treatment vs the baseline: difference of proportions, its 95% interval (Newcombe's hybrid score method) and
 * the two-sided p-value of the pooled two-proportion z-test. `null` where a denominator is 0.
 */
export interface TreatmentComparison {
  treatmentId: string;
  baselineTreatmentId: string;
  metric: ComparedMetric;
  difference: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  /** The interval excludes 0: the difference is unlikely to be noise at the 95% level. */
  significant: boolean;
}

export type Channel = 'email' | 'sms' | 'push';

export interface CampaignReport extends MetricGroups {
  campaignId: string;
  name: string | null;
  /** Channels with at least one message in range, most messages first. */
  channels: Channel[];
  treatments: TreatmentReport[];
  comparisons: TreatmentComparison[];
}

export interface ActivityReport extends MetricGroups {
  activityId: string;
  /** `_journey.send` events by `journey_send_status`. */
  sendStatuses: Record<string, number>;
}

export interface JourneyReport extends MetricGroups {
  journeyId: string;
  name: string | null;
  channels: Channel[];
  sendStatuses: Record<string, number>;
  activities: ActivityReport[];
}

/** Where the numbers came from: which days were read from summaries and which from raw indices. */
export interface ReportSources {
  rawIndices: string[];
  summaryDays: string[];
  /** Indices left out, each with the reason (e.g. mapped before the template: repair them first). */
  excluded: Array<{ index: string; reason: string }>;
}

export interface CampaignsResponse {
  from: string;
  to: string;
  campaigns: CampaignReport[];
  journeys: JourneyReport[];
  /** Every number here is exact (no approximate cardinality was used). */
  approximate: false;
  sources: ReportSources;
  /** First and latest event of the archive, so an empty range can say where the data is. */
  dataSpan: { first: string; latest: string } | null;
  tookMs: number;
}

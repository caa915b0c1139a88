/**
 * The AWS wiring report (Pinpoint event stream -> Firehose -> OpenSearch domain), as the server produces it and
 * the app and the CLI render it. A report is data about the user's pipeline: a failing check is a finding, not
 * an HTTP error, so a report is always answered with 200.
 */
import type { Json } from './validation';

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'unknown', 'skipped'] as const;
/**
 * pass/warn/fail: what we found about the pipeline. unknown: we could not find out (the checker lacks a
 * permission, AWS throttled or timed out, Pinpoint no longer answers). skipped: an earlier hop failed, so this
 * check has nothing to look at.
 */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const HOP_IDS = [
  'identity',
  'event_stream',
  'pinpoint_role',
  'firehose',
  'failed_records',
  'delivery_access',
  'delivery_metrics',
] as const;
export type HopId = (typeof HOP_IDS)[number];

/** Left to right, as the data flows. */
export const HOP_TITLES: Record<HopId, string> = {
  identity: 'Identity',
  event_stream: 'Pinpoint event stream',
  pinpoint_role: "Pinpoint's role",
  firehose: 'Firehose stream',
  failed_records: 'Failed records',
  delivery_access: "Firehose's access to the domain",
  delivery_metrics: 'Delivery',
};

/** How to fix a finding: a sentence, and where possible the console path and a CLI command. */
export interface Remedy {
  summary: string;
  console?: string;
  cli?: string;
  docs?: string;
}

export interface WiringCheck {
  /** Stable id, `<hop>.<check>`, e.g. `firehose.rotation`. */
  id: string;
  hop: HopId;
  title: string;
  /** What the check is about when a hop covers several: a Pinpoint application id or a stream name. */
  subject?: string;
  status: CheckStatus;
  /** One or two sentences a person can act on. */
  message: string;
  /** The values read from AWS or the cluster that led to the status. */
  evidence: Record<string, Json>;
  remedy?: Remedy;
}

export interface WiringHop {
  id: HopId;
  title: string;
  status: CheckStatus;
  checks: WiringCheck[];
  durationMs: number;
  /** False when the overall deadline ended the hop before it had checked everything. */
  finished: boolean;
}

/** What the user asks to check. Stream and domain are derived from the event stream when not given. */
export interface WiringRequest {
  region: string;
  appIds: string[];
  /** Delivery stream name (an ARN given at the door is reduced to its name and region). */
  firehoseStream?: string;
  /** OpenSearch Service domain name. */
  domain?: string;
  /** A role the server assumes before calling AWS. */
  roleArn?: string;
}

export interface WiringReport {
  request: WiringRequest;
  status: CheckStatus;
  counts: Record<CheckStatus, number>;
  hops: WiringHop[];
  startedAt: string;
  durationMs: number;
  /** False when the deadline passed: the report holds what was known by then. */
  complete: boolean;
  deadlineMs: number;
}

/** What the setup page remembers between visits: a saved object of the plugin's own type. */
export interface WiringSettings {
  region: string;
  appIds: string[];
  firehoseStream?: string;
  domain?: string;
  roleArn?: string;
}

export const SETTINGS_SAVED_OBJECT_TYPE = 'pinpoint-settings' as const;
/** One object per tenant/space holds the wiring inputs. */
export const WIRING_SETTINGS_ID = 'aws-wiring' as const;

const SEVERITY: Record<CheckStatus, number> = { skipped: 0, pass: 1, unknown: 2, warn: 3, fail: 4 };

/** The status of a group of checks: the worst one; skipped only when everything was skipped. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'skipped';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

export function countStatuses(checks: Iterable<WiringCheck>): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, skipped: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

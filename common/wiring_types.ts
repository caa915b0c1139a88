/**
 * The AWS wiring report (Pinpoint event stream -> Firehose -> OpenSearch domain), as the server produces it and
 * the app and the CLI render it. A report is data about the user's pipeline: a failing check is a finding, not
 * an HTTP error, so a report is always answered with 200.
 */
import {
  type Check,
  type CheckStatus,
  type CheckSummary,
  countStatuses,
  type Evidence,
  type Remedy,
  summarizeChecks,
  type VerdictWords,
  worstStatus,
} from './check';

export type { CheckStatus };

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

/**
 * One check of the wiring report: the shared Check model (common/check.ts). Its id is `<hop>.<check>`, e.g.
 * `firehose.rotation`; the wording of every check lives in the server's catalogue
 * (server/services/wiring/catalogue), its evidence is the facts the check was judged on.
 */
export type WiringCheck = Check<string, Evidence>;
export type { Remedy };

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
  /** Delivery stream name, or its ARN as given (then its region and account are the ones checked). */
  firehoseStream?: string;
  /** OpenSearch Service domain name. */
  domain?: string;
  /** A role the server assumes before calling AWS (on the server: only one an administrator allowed). */
  roleArn?: string;
}

export interface WiringReport {
  request: WiringRequest;
  /** The verdict (summarizeChecks): all-unknown is `unknown`, never "wired". */
  status: CheckStatus;
  counts: Record<CheckStatus, number>;
  /** The verdict in words with the counts, e.g. `Could not find out: 3 unknown`. */
  headline: string;
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

/** The report's verdict words: what "pass" or "unknown" means for a pipeline. */
export const WIRING_VERDICT_WORDS: VerdictWords = {
  pass: 'Wired: every hop checked is in order',
  warn: 'Wired, with things to look at',
  fail: 'Not wired: something breaks delivery',
  unknown: 'Could not find out whether the pipeline is wired',
  skipped: 'Nothing was checked',
};

export function summarizeWiring(checks: readonly WiringCheck[]): CheckSummary {
  return summarizeChecks(checks, WIRING_VERDICT_WORDS);
}

export { countStatuses, worstStatus };

/**
 * Names from Pinpoint's API into the lookup index, for each application id (GetCampaigns, ListJourneys). The
 * API reached its end of support on 2026-10-30: when it no longer answers (gone, refused, unreachable) the
 * refresh says so per application and the names already kept stay as they are. A name a user typed or
 * imported is never replaced (names_plan.ts).
 */
import type { CallOptions } from '../../aws/call';
import { AwsCallError } from '../../aws/errors';
import type { NamedItem, PinpointNamesPort } from '../../aws/pinpoint_names';
import type { NamesStore, WriteResult } from './names_store';

/** Why one application gave no names. */
export type RefreshFailure =
  | 'end_of_support'
  | 'unreachable'
  | 'access_denied'
  | 'credentials'
  | 'not_found'
  | 'timeout'
  | 'other';

export interface ApplicationRefresh {
  applicationId: string;
  campaigns: number;
  journeys: number;
  failure?: RefreshFailure;
  /** One sentence for the user: what happened and what to do. */
  error?: string;
}

export interface RefreshResult extends WriteResult {
  /** True when at least one application answered. */
  pinpointAnswered: boolean;
  applications: ApplicationRefresh[];
  /** One sentence summing the refresh up. */
  message: string;
}

const KEPT = 'the names kept in the cluster are unchanged';
const CSV = 'import a CSV of id,name for names that are missing';

function failureOf(error: unknown): { failure: RefreshFailure; error: string } {
  const kind = error instanceof AwsCallError ? error.kind : 'other';
  const said = error instanceof AwsCallError ? error.describe() : String(error);
  switch (kind) {
    case 'gone':
      return {
        failure: 'end_of_support',
        error: `Pinpoint's API no longer answers (end of support on 2026-10-30): ${KEPT}; ${CSV} (${said})`,
      };
    case 'network':
      return {
        failure: 'unreachable',
        error: `Pinpoint's API could not be reached — after its end of support on 2026-10-30 it no longer answers, otherwise check the network: ${KEPT} (${said})`,
      };
    case 'access_denied':
      return {
        failure: 'access_denied',
        error: `the server's AWS identity may not call mobiletargeting:GetCampaigns / ListJourneys: ${KEPT} (${said})`,
      };
    case 'credentials':
      return {
        failure: 'credentials',
        error: `the server has no valid AWS credentials (default provider chain): ${KEPT} (${said})`,
      };
    case 'not_found':
      return {
        failure: 'not_found',
        error: `no Pinpoint application with this id in this region: ${KEPT} (${said})`,
      };
    case 'timeout':
    case 'cancelled':
      return {
        failure: 'timeout',
        error: `Pinpoint's API did not answer in time: ${KEPT} (${said})`,
      };
    default:
      return { failure: 'other', error: `Pinpoint's API failed: ${KEPT} (${said})` };
  }
}

function summary(result: Omit<RefreshResult, 'message'>): string {
  const { written, unchanged, kept, applications } = result;
  const failed = applications.filter((a) => a.failure);
  if (!result.pinpointAnswered) {
    const gone = failed.every((a) => a.failure === 'end_of_support' || a.failure === 'unreachable');
    return gone
      ? `Pinpoint's API did not answer for any application (its support ended on 2026-10-30): nothing changed; ${KEPT}.`
      : `Pinpoint's API gave no names (${failed[0]?.failure ?? 'no application'}): nothing changed; ${KEPT}.`;
  }
  const parts = [`${written} name(s) written`, `${unchanged} unchanged`];
  if (kept > 0) parts.push(`${kept} kept as typed or imported`);
  if (failed.length > 0) parts.push(`${failed.length} application(s) failed`);
  return `${parts.join(', ')}.`;
}

export async function refreshNamesFromPinpoint(
  port: PinpointNamesPort,
  store: Pick<NamesStore, 'write'>,
  applicationIds: readonly string[],
  options: CallOptions = { timeoutMs: 10_000 }
): Promise<RefreshResult> {
  const applications: ApplicationRefresh[] = [];
  const rows: NamedItem[] = [];
  for (const applicationId of applicationIds) {
    try {
      const items = await port.campaignsAndJourneys(applicationId, options);
      rows.push(...items);
      applications.push({
        applicationId,
        campaigns: items.filter((i) => i.kind === 'campaign').length,
        journeys: items.filter((i) => i.kind === 'journey').length,
      });
    } catch (error) {
      applications.push({ applicationId, campaigns: 0, journeys: 0, ...failureOf(error) });
    }
  }
  const pinpointAnswered = applications.some((a) => !a.failure);
  const written = await store.write(rows, 'pinpoint-api');
  const result = { ...written, pinpointAnswered, applications };
  return { ...result, message: summary(result) };
}

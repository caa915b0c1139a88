/**
 * Names from Pinpoint's API into the lookup index, for each application id. The API ended support on
 * 2026-10-30: a failure says so and leaves the names already kept untouched.
 */
import type { CallOptions } from '../../aws/call';
import type { PinpointNamesPort } from '../../aws/pinpoint_campaigns';
import type { NamesStore } from './names_store';

export interface SyncResult {
  written: number;
  kept: number;
  perApplication: Array<{ applicationId: string; found: number; error?: string }>;
}

export async function syncNamesFromPinpoint(
  port: PinpointNamesPort,
  store: NamesStore,
  applicationIds: readonly string[],
  options: CallOptions = { timeoutMs: 10_000 }
): Promise<SyncResult> {
  const perApplication: SyncResult['perApplication'] = [];
  const rows: Array<{ id: string; name: string; kind: 'campaign' | 'journey' }> = [];
  for (const applicationId of applicationIds) {
    try {
      const items = await port.campaignsAndJourneys(applicationId, options);
      rows.push(...items);
      perApplication.push({ applicationId, found: items.length });
    } catch (error) {
      perApplication.push({
        applicationId,
        found: 0,
        error: `${error instanceof Error ? error.message : String(error)} (names already kept are unchanged; import a CSV of id,name instead)`,
      });
    }
  }
  const { written, kept } = await store.put(rows, 'pinpoint', true);
  return { written, kept, perApplication };
}

/**
 * The whole story on the real node, across the index engine and the repair service: events indexed before the
 * template (the seed's warned-about order), the report finds every such index, setup installs the template, the
 * repair copies each into a correctly mapped index without losing a document, and the report is then clean.
 */
import { findCheck } from '../../common/check';
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { dailyIndexName } from '../../common/index_naming';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';
import type { Logger } from '../../server/osd_port';
import { applySetup, buildReport } from '../../server/services/index_engine';
import { RepairService } from '../../server/services/repair/repair_service';
import { countingClient, uniquePrefix } from '../support/counting_client';
import { FakeSavedObjects, FakeUiSettings } from '../support/fake_saved_objects';
import { cleanupPrefix, putSeedLegacyTemplate } from '../support/index_engine_fixtures';

const client = countingClient();
const prefix = uniquePrefix('e2e');
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const realNow = new Date();
// Days Firehose is done with (the repair refuses an index it may still write to).
const days = [utcDay(realNow, -3), utcDay(realNow, -2)];
const indices = days.map((d) => dailyIndexName(prefix, new Date(`${d}T00:00:00Z`)));
const PER_DAY = 150;
// The report's clock: an hour after the last seeded event, so the data counts as fresh.
const reportNow = new Date(Date.parse(`${days[1]}T23:59:59Z`) + 3_600_000);
const deps = {
  client,
  savedObjects: new FakeSavedObjects(),
  uiSettings: new FakeUiSettings(),
  now: () => reportNow,
};

async function count(index: string): Promise<number> {
  const { body } = await client.transport.request<{ count: number }>({
    method: 'GET',
    path: `/${index}/_count`,
  });
  return body.count;
}

describe('index engine + repair, end to end', () => {
  beforeAll(async () => {
    await cleanupPrefix(client, prefix);
    for (const [i, day] of days.entries()) {
      await bulkIndex(client, indices[i], generateDayEvents({ day, count: PER_DAY }));
    }
    await putSeedLegacyTemplate(client, prefix);
  });
  afterAll(async () => {
    await cleanupPrefix(client, prefix);
  });

  it('reproduces the failure, repairs it without losing a document, and ends clean', async () => {
    const before = await buildReport(deps, prefix);
    const ts = findCheck(before.checks, 'indices.timestamps');
    assert.deepEqual(ts?.remedy?.fix, { kind: 'repair_indices', indices });

    await applySetup(deps, {
      prefix,
      template: true,
      overwrite: false,
      indexPattern: true,
      makeDefault: true,
    });
    const repair = new RepairService(client, quiet, { progressIntervalMs: 100 });
    for (const index of indices) {
      const state = await repair.repair(index, prefix);
      assert.equal(state.step, 'done', `${index}: ${JSON.stringify(state)}`);
      assert.equal(await count(index), PER_DAY);
    }
    // The repaired copies map the timestamps as dates: refresh the stored field list, as the page offers.
    await applySetup(deps, {
      prefix,
      template: false,
      overwrite: false,
      indexPattern: true,
      makeDefault: false,
    });

    const afterRepair = await buildReport(deps, prefix);
    assert.deepEqual(
      afterRepair.checks.filter((f) => f.status !== 'pass').map((f) => `${f.id}: ${f.message}`),
      []
    );
    const second = await applySetup(deps, {
      prefix,
      template: true,
      overwrite: false,
      indexPattern: true,
      makeDefault: true,
    });
    assert.equal(second.changed, false);
  });
});

/**
 * The cost of validation must not grow with the number of indices: the report over 10 and over 500 daily
 * indices makes the same requests (mapping and settings over the pattern, not one call per index).
 * Creating 500 indices takes a few minutes on a small machine; the test says so in its timeout.
 */
import { findCheck } from '../../common/check';
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { buildReport } from '../../server/services/index_engine';
import { countingClient, uniquePrefix } from '../support/counting_client';
import { FakeSavedObjects, FakeUiSettings } from '../support/fake_saved_objects';
import { cleanupPrefix } from '../support/index_engine_fixtures';
import { createDailyIndices } from '../support/many_indices';

const client = countingClient();
const prefix = uniquePrefix('count');

async function requestsOfReport(): Promise<string[]> {
  client.reset();
  const report = await buildReport(
    { client, savedObjects: new FakeSavedObjects(), uiSettings: new FakeUiSettings() },
    prefix
  );
  assert.equal(report.status, 'fail');
  // Method and path with index names folded: the freshness search names the newest few indices.
  return client.requests
    .map(
      (r) =>
        `${r.method} ${r.path.replace(new RegExp(`${prefix}-\\d{4}-\\d{2}-\\d{2}`, 'g'), '<index>')}`
    )
    .sort();
}

describe('validation request count', () => {
  beforeAll(async () => {
    await cleanupPrefix(client, prefix);
    // No replicas on a single node; no mapping, so the indices map timestamps as long as before the template.
    await client.transport.request({
      method: 'PUT',
      path: `/_index_template/${prefix}_replicas`,
      body: {
        index_patterns: [`${prefix}*`],
        priority: 1,
        template: { settings: { number_of_replicas: 0 } },
      },
    });
  });
  afterAll(async () => {
    await cleanupPrefix(client, prefix);
  });

  it('is the same for 10 and 500 indices', async () => {
    await createDailyIndices(client, prefix, { count: 10, docsPerIndex: 1 });
    const ten = await requestsOfReport();
    await createDailyIndices(client, prefix, { count: 490, start: 10, docsPerIndex: 1 });
    const fiveHundred = await requestsOfReport();
    assert.deepEqual(fiveHundred, ten);
    assert.ok(ten.length <= 12, `report made ${ten.length} requests: ${ten.join(', ')}`);

    const report = await buildReport({ client }, prefix);
    const ts = findCheck(report.checks, 'indices.timestamps');
    assert.equal(ts?.evidence.badCount, 500);
  });
});

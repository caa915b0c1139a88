/**
 * Saved-object writes into the Dashboards index on every engine: the index created the way OSD's migrator
 * leaves it (`<index>_1` behind an alias, strict mapping), the index pattern written by apply through the
 * development host's saved-objects client (OSD's document format), read back raw from the index, and a second
 * apply writing nothing.
 *
 * On the secure engines the same writes go to `.kibana` with a `securitytenant` header, as Dashboards sends
 * them: the security plugin puts them in that tenant's own index, and neither Global nor the user's Private
 * tenant sees them (engine-specific: without the plugin `.kibana` is just an index).
 */
import assert from 'node:assert/strict';
import { afterAll, describe, it } from '@jest/globals';
import { indexPatternId } from '../../common/index_pattern';
import { ensureSavedObjectsIndex } from '../../dev/host/saved_objects/kibana_index';
import { HostSavedObjectsClient } from '../../dev/host/saved_objects/saved_objects_client';
import { SavedObjectTypeRegistry } from '../../dev/host/saved_objects/type_registry';
import type { Logger, OpenSearchClient } from '../../server/osd_port';
import { applySetup } from '../../server/services/index_engine';
import { FakeUiSettings } from '../support/fake_saved_objects';
import {
  allEnginesUnderTest,
  clientAs,
  enginePrefix,
  type EngineUnderTest,
} from './support/engines_under_test';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;
const SETUP = { template: false, overwrite: false, indexPattern: true, makeDefault: false };

async function applyIndexPattern(client: OpenSearchClient, index: string, prefix: string) {
  const registry = new SavedObjectTypeRegistry();
  const savedObjects = new HostSavedObjectsClient(client, index, registry);
  return applySetup(
    { client, savedObjects, uiSettings: new FakeUiSettings() },
    { prefix, ...SETUP }
  );
}

describe.each(allEnginesUnderTest().map((e) => [e.info.label, e] as const))(
  'saved objects on %s',
  (_label, engine: EngineUnderTest) => {
    const prefix = enginePrefix('so', engine.name);
    const index = `.kibana_${prefix}`;
    afterAll(async () => {
      await engine.http('DELETE', `/${index}*`);
    });

    it('apply writes the index pattern into the Dashboards index, once', async () => {
      await ensureSavedObjectsIndex(engine.client, index, new SavedObjectTypeRegistry(), quiet);
      const first = await applyIndexPattern(engine.client, index, prefix);
      assert.equal(first.changed, true, JSON.stringify(first));
      const raw = await engine.http<{
        found: boolean;
        _index: string;
        _source: { type: string; 'index-pattern': { title: string; timeFieldName: string } };
      }>('GET', `/${index}/_doc/index-pattern:${indexPatternId(prefix)}`);
      assert.equal(raw.status, 200, JSON.stringify(raw.body));
      assert.equal(raw.body._index, `${index}_1`, 'written through the alias into <index>_1');
      assert.equal(raw.body._source.type, 'index-pattern');
      assert.equal(raw.body._source['index-pattern'].title, `${prefix}*`);
      assert.equal(raw.body._source['index-pattern'].timeFieldName, 'arrival_timestamp');

      const again = await applyIndexPattern(engine.client, index, prefix);
      assert.equal(again.changed, false, 'idempotent');
    });

    if (engine.info.secured) {
      it('with securitytenant, writes to .kibana land in that tenant only', async () => {
        const tenantPrefix = `${prefix}_tenant`;
        const id = `index-pattern:${indexPatternId(tenantPrefix)}`;
        const inTenant = clientAs('admin', 'analytics', engine.name);
        const result = await applyIndexPattern(inTenant, '.kibana', tenantPrefix);
        assert.equal(result.changed, true);
        const doc = (tenant: string | undefined) =>
          clientAs('admin', tenant, engine.name).transport.request<{
            _index: string;
          }>({ method: 'GET', path: `/.kibana/_doc/${id}` }, { ignore: [404] });
        const analytics = await doc('analytics');
        assert.equal(analytics.statusCode, 200);
        assert.match(analytics.body._index, /^\.kibana_-?\d+_analytics(_\d+)?$/);
        assert.equal((await doc(undefined)).statusCode, 404, 'not in Global');
        assert.equal((await doc('__user__')).statusCode, 404, 'not in Private');
        await inTenant.transport.request(
          { method: 'DELETE', path: `/.kibana/_doc/${id}`, querystring: { refresh: 'true' } },
          { ignore: [404] }
        );
      });
    }
  }
);

/**
 * The development host's saved objects against the real OpenSearch node: what the client writes is an OSD
 * document (`<type>:<id>`, `{type, [type]: attributes, references, migrationVersion, updated_at}`) under a
 * strict mapping like OSD's; errors are OSD's (404/409/400); advanced settings land in `config:<version>`;
 * the HTTP API (create, find, _import with overwrite/createNewCopies) answers like Dashboards.
 * Uses its own saved-objects index, deleted at the end.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import type { Server } from '@hapi/hapi';
import { close, createHostServer, listen } from '../../dev/host/http/http_server';
import { RouteTable } from '../../dev/host/http/router';
import { createLogger } from '../../dev/host/logger';
import { asPortClient, createRequestContext } from '../../dev/host/request_context';
import { ensureSavedObjectsIndex } from '../../dev/host/saved_objects/kibana_index';
import { HostSavedObjectsClient } from '../../dev/host/saved_objects/saved_objects_client';
import { registerSavedObjectsRoutes } from '../../dev/host/saved_objects/saved_objects_routes';
import { SavedObjectTypeRegistry } from '../../dev/host/saved_objects/type_registry';
import { HostUiSettingsClient } from '../../dev/host/ui_settings/ui_settings_client';
import { registerUiSettingsRoutes } from '../../dev/host/ui_settings/ui_settings_routes';
import { requireOpenSearchUrl } from '../support/dev_host';

const OPENSEARCH_URL = requireOpenSearchUrl();
const INDEX = `.kibana_t_devhost_so_${randomBytes(4).toString('hex')}`;
const OSD_VERSION = '2.19.3';
const logger = createLogger(['test'], 'error');
const internal = new Client({ node: OPENSEARCH_URL });
const registry = new SavedObjectTypeRegistry();
const savedObjects = new HostSavedObjectsClient(asPortClient(internal), INDEX, registry);
const uiSettings = new HostUiSettingsClient(savedObjects, OSD_VERSION, 1);
let server: Server;
let base = '';

beforeAll(async () => {
  registry.registerType({
    name: 'pinpoint-test-type',
    hidden: false,
    namespaceType: 'single',
    mappings: { properties: { title: { type: 'text' } } },
    migrations: { '2.19.0': (doc) => doc, '2.19.10': (doc) => doc },
  });
  await ensureSavedObjectsIndex(asPortClient(internal), INDEX, registry, logger);
  const routes = new RouteTable();
  registerSavedObjectsRoutes(routes.createRouter('core'), savedObjects, registry);
  registerUiSettingsRoutes(routes.createRouter('core'), uiSettings);
  server = createHostServer({
    basePath: '',
    routes,
    logger,
    createContext: (req) => createRequestContext(req, { internal, savedObjects, uiSettings }),
  });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(async () => {
  if (server) await close(server);
  await internal.indices.delete({ index: `${INDEX}_1` }, { ignore: [404] });
  await internal.close();
});

async function rawDoc(id: string) {
  const response = await internal.get({ index: INDEX, id }, { ignore: [404] });
  return response.body as { found: boolean; _source?: Record<string, unknown> };
}

function statusOf(error: unknown): number | undefined {
  return (error as { output?: { statusCode?: number } }).output?.statusCode;
}

describe('saved objects client', () => {
  test('create, get, update, find and delete round-trip in OSD document format', async () => {
    const id = 'pinpoint-events';
    const created = await savedObjects.create(
      'index-pattern',
      { title: 'pinpoint-*', timeFieldName: 'arrival_timestamp', fields: '[]' },
      { id, references: [] }
    );
    assert.equal(created.id, id);
    assert.ok(created.version, 'create answers with a version');

    const raw = await rawDoc(`index-pattern:${id}`);
    assert.equal(raw.found, true);
    const source = raw._source!;
    assert.equal(source.type, 'index-pattern');
    assert.deepEqual(source['index-pattern'], {
      title: 'pinpoint-*',
      timeFieldName: 'arrival_timestamp',
      fields: '[]',
    });
    assert.deepEqual(source.references, []);
    assert.deepEqual(source.migrationVersion, { 'index-pattern': '7.6.0' });
    assert.ok(!Number.isNaN(Date.parse(String(source.updated_at))));

    const fetched = await savedObjects.get<{ title: string }>('index-pattern', id);
    assert.equal(fetched.attributes.title, 'pinpoint-*');
    assert.deepEqual(fetched.namespaces, ['default']);

    const updated = await savedObjects.update(
      'index-pattern',
      id,
      { timeFieldName: 'event_timestamp' },
      {
        version: fetched.version,
      }
    );
    assert.notEqual(updated.version, fetched.version);
    const after = await savedObjects.get<{ title: string; timeFieldName: string }>(
      'index-pattern',
      id
    );
    assert.equal(after.attributes.timeFieldName, 'event_timestamp');
    assert.equal(after.attributes.title, 'pinpoint-*', 'update is partial');

    const found = await savedObjects.find({
      type: 'index-pattern',
      search: 'pinpoint*',
      searchFields: ['title'],
    });
    assert.deepEqual(
      found.saved_objects.map((o) => o.id),
      [id]
    );
    assert.equal(found.total, 1);

    await savedObjects.delete('index-pattern', id);
    assert.equal((await rawDoc(`index-pattern:${id}`)).found, false);
  });

  test('errors are OSD errors: 404 for missing, 409 for an existing id or a stale version, 400 for an unknown type', async () => {
    await assert.rejects(savedObjects.get('index-pattern', 'missing'), (error) => {
      assert.equal(statusOf(error), 404);
      assert.equal((error as Error).message, 'Saved object [index-pattern/missing] not found');
      return true;
    });
    const first = await savedObjects.create('index-pattern', { title: 'a' }, { id: 'dup' });
    await assert.rejects(
      savedObjects.create('index-pattern', { title: 'b' }, { id: 'dup' }),
      (error) => {
        assert.equal(statusOf(error), 409);
        return true;
      }
    );
    assert.equal(
      (await savedObjects.get<{ title: string }>('index-pattern', 'dup')).attributes.title,
      'a'
    );
    await savedObjects.create('index-pattern', { title: 'c' }, { id: 'dup', overwrite: true });
    await assert.rejects(
      savedObjects.update('index-pattern', 'dup', { title: 'd' }, { version: first.version }),
      (error) => statusOf(error) === 409
    );
    await assert.rejects(
      savedObjects.delete('index-pattern', 'never-there'),
      (error) => statusOf(error) === 404
    );
    await assert.rejects(savedObjects.create('no-such-type', {}), (error) => {
      assert.equal(statusOf(error), 400);
      assert.match((error as Error).message, /Unsupported saved object type: 'no-such-type'/);
      return true;
    });
  });

  test('the strict mapping refuses an attribute a real Dashboards would refuse', async () => {
    await assert.rejects(
      savedObjects.create('visualization', {
        title: 'v',
        opensearchDashboardsSavedObjectMeta: { searchSourceJSON: '{}' },
      }),
      (error) => {
        assert.equal(statusOf(error), 400);
        assert.match((error as Error).message, /strict|not allowed/);
        return true;
      }
    );
  });

  test('a registered type gets its mapping and its newest migration version', async () => {
    const created = await savedObjects.create('pinpoint-test-type', { title: 't' }, { id: 't1' });
    assert.deepEqual(created.migrationVersion, { 'pinpoint-test-type': '2.19.10' });
  });
});

describe('advanced settings', () => {
  test('defaultIndex is stored in config:<version> and read back; null removes it', async () => {
    assert.equal(await uiSettings.get('defaultIndex'), null, 'nothing is written by reading');
    assert.equal((await rawDoc(`config:${OSD_VERSION}`)).found, false);

    await uiSettings.set('defaultIndex', 'pinpoint-events');
    const raw = await rawDoc(`config:${OSD_VERSION}`);
    assert.equal((raw._source!.config as { defaultIndex: string }).defaultIndex, 'pinpoint-events');
    assert.equal(await uiSettings.get('defaultIndex'), 'pinpoint-events');

    const response = await fetch(`${base}/api/opensearch-dashboards/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'true' },
      body: JSON.stringify({ changes: { defaultIndex: null } }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { settings: Record<string, unknown> };
    assert.equal(body.settings.defaultIndex, undefined);
    assert.equal(await uiSettings.get('defaultIndex'), null);
  });
});

describe('saved objects HTTP API', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'true' },
      body: JSON.stringify(body),
    });

  function importFile(ndjson: string, query: string, filename = 'export.ndjson') {
    const form = new FormData();
    form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), filename);
    return fetch(`${base}/api/saved_objects/_import${query}`, {
      method: 'POST',
      headers: { 'osd-xsrf': 'true' },
      body: form,
    });
  }

  const pattern = {
    type: 'index-pattern',
    id: 'http-pattern',
    attributes: { title: 'pinpoint-*', timeFieldName: 'arrival_timestamp', fields: '[]' },
    references: [],
    migrationVersion: { 'index-pattern': '7.6.0' },
  };
  const visualization = {
    type: 'visualization',
    id: 'http-vis',
    attributes: {
      title: 'Events per day',
      visState: '{}',
      uiStateJSON: '{}',
      description: '',
      version: 1,
      kibanaSavedObjectMeta: {
        searchSourceJSON: '{"indexRefName":"kibanaSavedObjectMeta.searchSourceJSON.index"}',
      },
    },
    references: [
      {
        name: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        type: 'index-pattern',
        id: 'http-pattern',
      },
    ],
    migrationVersion: { visualization: '7.10.0' },
  };
  const file =
    [pattern, visualization].map((o) => JSON.stringify(o)).join('\n') +
    '\n{"exportedCount":2,"missingRefCount":0,"missingReferences":[]}\n';

  test('POST creates, ?overwrite=true replaces, GET and _find read back', async () => {
    const create = await post('/api/saved_objects/index-pattern/api-made', {
      attributes: { title: 'x-*' },
    });
    assert.equal(create.status, 200);
    const again = await post('/api/saved_objects/index-pattern/api-made', {
      attributes: { title: 'y-*' },
    });
    assert.equal(again.status, 409);
    assert.equal(
      ((await again.json()) as { message: string }).message,
      'Saved object [index-pattern/api-made] conflict'
    );
    const overwrite = await post('/api/saved_objects/index-pattern/api-made?overwrite=true', {
      attributes: { title: 'y-*' },
    });
    assert.equal(overwrite.status, 200);
    const got = (await (
      await fetch(`${base}/api/saved_objects/index-pattern/api-made`)
    ).json()) as {
      attributes: { title: string };
    };
    assert.equal(got.attributes.title, 'y-*');
    const find = (await (
      await fetch(
        `${base}/api/saved_objects/_find?type=index-pattern&search_fields=title&search=y*`
      )
    ).json()) as { saved_objects: Array<{ id: string }>; total: number };
    assert.deepEqual(
      find.saved_objects.map((o) => o.id),
      ['api-made']
    );
    const missing = await fetch(`${base}/api/saved_objects/index-pattern/nope`);
    assert.equal(missing.status, 404);
  });

  test('_import creates, then reports conflicts, then overwrites; references resolve within the file', async () => {
    const first = await importFile(file, '');
    assert.equal(first.status, 200);
    const firstBody = (await first.json()) as { success: boolean; successCount: number };
    assert.deepEqual([firstBody.success, firstBody.successCount], [true, 2]);

    const second = (await (await importFile(file, '')).json()) as {
      success: boolean;
      errors: Array<{ id: string; error: { type: string } }>;
    };
    assert.equal(second.success, false);
    assert.deepEqual(second.errors.map((e) => [e.id, e.error.type]).sort(), [
      ['http-pattern', 'conflict'],
      ['http-vis', 'conflict'],
    ]);

    const third = (await (await importFile(file, '?overwrite=true')).json()) as {
      success: boolean;
      successResults: Array<{ id: string; overwrite?: boolean }>;
    };
    assert.equal(third.success, true);
    assert.ok(third.successResults.every((r) => r.overwrite === true));
  });

  test('createNewCopies gives new ids and points references at the new copies', async () => {
    const body = (await (await importFile(file, '?createNewCopies=true')).json()) as {
      success: boolean;
      successResults: Array<{ id: string; type: string; destinationId: string }>;
    };
    assert.equal(body.success, true);
    const newPattern = body.successResults.find((r) => r.type === 'index-pattern')!.destinationId;
    const newVis = body.successResults.find((r) => r.type === 'visualization')!.destinationId;
    assert.notEqual(newPattern, 'http-pattern');
    const vis = await savedObjects.get('visualization', newVis);
    assert.equal(vis.references[0].id, newPattern);
  });

  test('_import refuses overwrite with createNewCopies, a non-.ndjson file, and flags missing references', async () => {
    const both = await importFile(file, '?overwrite=true&createNewCopies=true');
    assert.equal(both.status, 400);
    assert.equal(
      ((await both.json()) as { message: string }).message,
      '[request query]: cannot use [overwrite] with [createNewCopies]'
    );
    const json = await importFile(file, '', 'export.json');
    assert.equal(json.status, 400);
    assert.equal(
      ((await json.json()) as { message: string }).message,
      'Invalid file extension .json'
    );

    const orphan = {
      ...visualization,
      id: 'orphan-vis',
      references: [{ ...visualization.references[0], id: 'gone' }],
    };
    const result = (await (await importFile(JSON.stringify(orphan), '')).json()) as {
      success: boolean;
      errors: Array<{ id: string; error: { type: string; references: unknown[] } }>;
    };
    assert.equal(result.success, false);
    assert.deepEqual(result.errors[0].error, {
      type: 'missing_references',
      references: [{ type: 'index-pattern', id: 'gone' }],
    });
    await assert.rejects(
      savedObjects.get('visualization', 'orphan-vis'),
      (e) => statusOf(e) === 404
    );
  });

  test('_import without osd-xsrf is refused', async () => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'export.ndjson');
    const response = await fetch(`${base}/api/saved_objects/_import`, {
      method: 'POST',
      body: form,
    });
    assert.equal(response.status, 400);
  });
});

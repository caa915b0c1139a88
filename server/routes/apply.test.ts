import { describe, expect, it } from '@jest/globals';
import Boom from '@hapi/boom';
import { API_PATHS } from '../../common/constants';
import type {
  OpenSearchClient,
  RequestHandlerContext,
  SavedObjectsClientContract,
  UiSettingsClient,
} from '../osd_port';
import { FakeRouter } from '../../test/support/fake_router';
import { FakeSavedObjects, FakeUiSettings } from '../../test/support/fake_saved_objects';
import { registerApplyRoute } from './apply';

const logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Field caps of an archive with no index yet: the index pattern's fields then come from the template. */
const client: OpenSearchClient = {
  transport: {
    request: (async () => ({
      body: { indices: [], fields: {} },
      statusCode: 200,
    })) as unknown as OpenSearchClient['transport']['request'],
  },
};

function call(
  savedObjects: SavedObjectsClientContract,
  uiSettings: UiSettingsClient,
  body: object
) {
  const router = new FakeRouter();
  registerApplyRoute(router, logger);
  const context = {
    core: {
      opensearch: { client: { asCurrentUser: client, asInternalUser: client } },
      savedObjects: { client: savedObjects },
      uiSettings: { client: uiSettings },
    },
  } as unknown as RequestHandlerContext;
  return router.call('post', API_PATHS.apply, context, {
    body: { prefix: 'pinpoint', template: false, ...body },
  });
}

describe('POST /api/pinpoint/apply: what the saved-objects client and ui settings refuse', () => {
  it('a 403 (Boom) from the saved-objects client answers 403, not 500', async () => {
    const so = new FakeSavedObjects();
    so.create = async () => {
      throw Boom.forbidden('Unable to create index-pattern');
    };
    const res = await call(so, new FakeUiSettings(), { indexPattern: true });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toMatch(/not allowed/);
  });

  it('a 409 (Boom) from the saved-objects client answers 409', async () => {
    const so = new FakeSavedObjects();
    so.create = async () => {
      throw Boom.conflict('Saved object [index-pattern/x] conflict');
    };
    const res = await call(so, new FakeUiSettings(), { indexPattern: true });
    expect(res.status).toBe(409);
  });

  it('a 403 from ui settings answers 403', async () => {
    const ui = new FakeUiSettings();
    ui.set = async () => {
      throw Boom.forbidden('Unable to update "defaultIndex" because it is overridden');
    };
    const res = await call(new FakeSavedObjects(), ui, { indexPattern: true, makeDefault: true });
    expect(res.status).toBe(403);
  });

  it('a 409 from ui settings answers 409', async () => {
    const ui = new FakeUiSettings();
    ui.set = async () => {
      throw Boom.conflict('version conflict');
    };
    const res = await call(new FakeSavedObjects(), ui, { indexPattern: true, makeDefault: true });
    expect(res.status).toBe(409);
  });
});

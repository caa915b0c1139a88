/**
 * The unpacked server entry the way OSD loads it: require('<pluginDir>/server').plugin(initializerContext), then
 * setup/start/stop with core contracts. Required from a temporary directory outside the repository, so only
 * what the zip ships is reachable.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type {
  CoreSetup,
  CoreStart,
  Logger,
  PluginInitializerContext,
  SavedObjectsType,
} from '../../server/osd_port';
import { API_BASE } from '../../common/constants';
import { unpackLikeOsd, type UnpackedPlugin } from './support/plugin_zip';
import { createRecordingRouter, type RecordedRoute } from './support/recording_router';

let plugin: UnpackedPlugin;
let serverModule: { plugin?: unknown; config?: unknown };
let routes: RecordedRoute[];
let savedObjectTypes: SavedObjectsType[];
let instance: {
  setup: (...args: unknown[]) => unknown;
  start: (...args: unknown[]) => unknown;
  stop?: () => void;
};
const logged: string[] = [];

const logger: Logger = {
  debug: (m) => void logged.push(`debug ${m}`),
  info: (m) => void logged.push(`info ${m}`),
  warn: (m) => void logged.push(`warn ${String(m)}`),
  error: (m) => void logged.push(`error ${String(m)}`),
  get: () => logger,
};

function initializerContext(): PluginInitializerContext & { config: object } {
  return {
    opaqueId: Symbol('pinpoint'),
    env: {
      mode: { name: 'production', dev: false, prod: true },
      packageInfo: {
        version: '2.19.3',
        branch: '2.19',
        buildNum: 8000,
        buildSha: 'abc',
        dist: true,
      },
      instanceUuid: '00000000-0000-0000-0000-000000000000',
    },
    logger: { get: () => logger },
    config: {
      create: () => {
        throw new Error('the plugin exports no config schema, so it must not read config');
      },
      createIfExists: () => {
        throw new Error('the plugin exports no config schema, so it must not read config');
      },
    },
  };
}

const unusedClient = {
  transport: {
    request: () => Promise.reject(new Error('no OpenSearch in the conformance suite')),
  },
};

beforeAll(() => {
  plugin = unpackLikeOsd();
  // OSD does exactly this with the plugin directory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  serverModule = require(path.join(plugin.pluginDir, 'server'));
});
afterAll(() => plugin?.cleanup());

describe('server entry', () => {
  it('exports plugin(initializerContext) returning an instance with setup and start', () => {
    assert.equal(typeof serverModule.plugin, 'function');
    instance = (serverModule.plugin as (ctx: unknown) => typeof instance)(initializerContext());
    assert.equal(typeof instance.setup, 'function');
    assert.equal(typeof instance.start, 'function');
  });

  it('exports no config (a config schema needs @osd/config-schema, which exists only inside OSD)', () => {
    assert.equal(serverModule.config, undefined);
  });

  it('registers its routes and saved-object types in setup', async () => {
    const router = createRecordingRouter();
    savedObjectTypes = [];
    const core: CoreSetup = {
      http: { createRouter: () => router, basePath: { serverBasePath: '' } },
      savedObjects: { registerType: (type) => void savedObjectTypes.push(type) },
    };
    await instance.setup(core, {});
    routes = router.routes;
    assert.ok(routes.length > 0, 'setup registered no route');
  });

  it('gives every route a validate (OSD refuses a route without one) made of validation functions', () => {
    for (const { method, config } of routes) {
      const where = `${method.toUpperCase()} ${config.path}`;
      assert.ok('validate' in config && config.validate !== undefined, `${where} has no validate`);
      if (config.validate === false) continue;
      assert.equal(typeof config.validate, 'object', where);
      for (const [part, validator] of Object.entries(config.validate)) {
        assert.ok(['params', 'query', 'body'].includes(part), `${where}: unknown validate.${part}`);
        // Without OSD's config-schema, each part must be a plain validation function.
        assert.equal(typeof validator, 'function', `${where}: validate.${part}`);
      }
    }
  });

  it('serves everything under /api/pinpoint/, each method and path once', () => {
    const seen = new Set<string>();
    for (const { method, config, handler } of routes) {
      assert.ok(config.path.startsWith(`${API_BASE}/`), `${config.path} is outside ${API_BASE}/`);
      assert.equal(typeof handler, 'function');
      const key = `${method} ${config.path}`;
      assert.ok(!seen.has(key), `${key} registered twice`);
      seen.add(key);
    }
  });

  it('registers saved-object types OSD accepts', () => {
    for (const type of savedObjectTypes) {
      assert.match(type.name, /^[a-z][a-z0-9_-]*$/, type.name);
      assert.equal(typeof type.hidden, 'boolean', type.name);
      assert.ok(['single', 'multiple', 'agnostic'].includes(type.namespaceType), type.name);
      assert.equal(typeof type.mappings?.properties, 'object', type.name);
    }
  });

  it('starts and stops', async () => {
    const core: CoreStart = { opensearch: { client: { asInternalUser: unusedClient } } };
    await instance.start(core, {});
    instance.stop?.();
    assert.deepEqual(
      logged.filter((line) => line.startsWith('error')),
      [],
      'setup/start/stop logged errors'
    );
  });
});

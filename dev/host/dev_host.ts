/**
 * The development host: runs a BUILT plugin zip the way OpenSearch Dashboards 2.x does, against a real
 * OpenSearch. Start order follows OSD: install (unpack) the zip, core routes, plugin setup (routes and
 * saved-object types), saved-objects index, plugin start, browser bundles, then listen.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from '@hapi/hapi';
import { Client } from '@opensearch-project/opensearch';
import { DEFAULT_OSD_VERSION } from '../../common/constants';
import type { CoreSetup, CoreStart } from '../../server/osd_port';
import { close, createHostServer, listen } from './http/http_server';
import { RouteTable } from './http/router';
import { installPlugin, publicBundlePath, type InstalledPlugin } from './install_plugin';
import { createLogger, type LogLevel, type LogSink } from './logger';
import { unguardPluginResolution } from './module_guard';
import { buildBrowserBundles, REPO_ROOT } from './page/browser_bundles';
import { createPageHandler, pluginPublicDir } from './page/page_routes';
import { osdUiStack } from '../../scripts/lib/osd_stack';
import { asPortClient, createRequestContext } from './request_context';
import { ensureSavedObjectsIndex } from './saved_objects/kibana_index';
import { HostSavedObjectsClient } from './saved_objects/saved_objects_client';
import { registerSavedObjectsRoutes } from './saved_objects/saved_objects_routes';
import { SavedObjectTypeRegistry } from './saved_objects/type_registry';
import { ServerPlugin } from './server_plugin';
import { registerStatusRoute } from './status_route';
import { HostUiSettingsClient } from './ui_settings/ui_settings_client';
import { registerUiSettingsRoutes } from './ui_settings/ui_settings_routes';

/** OSD's dev-mode build number: bundle URLs are `/<buildNum>/bundles/...`. */
export const DEV_BUILD_NUM = 9007199254740991;

export interface DevHostOptions {
  /** The built plugin, e.g. build/pinpoint-2.19.3.zip. */
  zipPath: string;
  opensearchUrl: string;
  /**
   * The host's own OpenSearch identity (OSD's opensearch.username/password, e.g. the security plugin's
   * kibanaserver): asInternalUser and the saved-objects index use it; routes still run as the caller.
   */
  opensearchAuth?: { username: string; password: string };
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  basePath?: string;
  /** The Dashboards release the host pretends to be (the zip must be built for it). */
  osdVersion?: string;
  /** Where plugins are unpacked (`<workDir>/plugins/<id>`) and core scripts built. */
  workDir?: string;
  /** The shared-dependencies bundle cache, shared by every host. */
  cacheDir?: string;
  /** The saved-objects index (alias); tests pass their own. */
  savedObjectsIndex?: string;
  logLevel?: LogLevel;
  logSink?: LogSink;
}

export interface DevHost {
  url: string;
  port: number;
  plugin: InstalledPlugin;
  savedObjectsIndex: string;
  stop(): Promise<void>;
}

export function defaultZipPath(osdVersion: string = DEFAULT_OSD_VERSION): string {
  return join(REPO_ROOT, 'build', `pinpoint-${osdVersion}.zip`);
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const osdVersion = options.osdVersion ?? DEFAULT_OSD_VERSION;
  const workDir = resolve(options.workDir ?? join(REPO_ROOT, 'target', 'dev-host'));
  const cacheDir = resolve(options.cacheDir ?? join(REPO_ROOT, 'target', 'dev-host', 'cache'));
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const index = options.savedObjectsIndex ?? '.kibana';
  const root = createLogger([], options.logLevel ?? 'info', options.logSink);
  const log = root.get('dev-host');

  if (!existsSync(options.zipPath)) {
    throw new Error(`No plugin zip at ${options.zipPath}: run \`npm run build\` first`);
  }
  const plugin = installPlugin(options.zipPath, join(workDir, 'plugins'), osdVersion);
  const { manifest } = plugin;
  if (manifest.requiredPlugins.length > 0) {
    throw new Error(
      `Plugin "${manifest.id}" requires ${manifest.requiredPlugins.join(', ')}; the dev host provides no other plugins`
    );
  }
  log.info(
    `installed ${manifest.id} ${manifest.version} from ${options.zipPath} into ${plugin.dir}`
  );

  const internal = new Client({
    node: options.opensearchUrl,
    ...(options.opensearchAuth ? { auth: options.opensearchAuth } : {}),
  });
  // Callers never borrow the host's credentials: their requests go from a client without any.
  const currentUserBase = options.opensearchAuth
    ? new Client({ node: options.opensearchUrl })
    : internal;
  const internalPort = asPortClient(internal);
  let server: Server | undefined;
  let serverPlugin: ServerPlugin | undefined;
  try {
    await internal.transport.request({ method: 'GET', path: '/' }).catch((error: Error) => {
      throw new Error(`OpenSearch at ${options.opensearchUrl} does not answer: ${error.message}`);
    });

    const registry = new SavedObjectTypeRegistry();
    const routes = new RouteTable();
    const savedObjects = new HostSavedObjectsClient(internalPort, index, registry);
    const uiSettings = new HostUiSettingsClient(savedObjects, osdVersion, DEV_BUILD_NUM);
    const coreRouter = routes.createRouter('core');
    registerSavedObjectsRoutes(coreRouter, savedObjects, registry);
    registerUiSettingsRoutes(coreRouter, uiSettings);
    registerStatusRoute(coreRouter, {
      name: 'dev-host',
      uuid: randomUUID(),
      osdVersion,
      buildNum: DEV_BUILD_NUM,
      internalClient: internalPort,
      pluginIds: () => (serverPlugin ? [manifest.id] : []),
    });

    if (manifest.server) {
      serverPlugin = new ServerPlugin({
        id: manifest.id,
        dir: plugin.dir,
        osdVersion,
        buildNum: DEV_BUILD_NUM,
        instanceUuid: randomUUID(),
        logger: root.get('plugins', manifest.id),
      });
      serverPlugin.load();
      const coreSetup: CoreSetup = {
        http: {
          createRouter: () => routes.createRouter(manifest.id),
          basePath: { serverBasePath: basePath },
        },
        savedObjects: { registerType: (type) => registry.registerType(type) },
      };
      serverPlugin.setup(coreSetup);
    }
    await ensureSavedObjectsIndex(internalPort, index, registry, log);
    if (serverPlugin) {
      const coreStart: CoreStart = { opensearch: { client: { asInternalUser: internalPort } } };
      serverPlugin.start(coreStart);
    }

    const uiPlugins = manifest.ui
      ? [{ id: manifest.id, publicDir: pluginPublicDir(plugin.dir) }]
      : [];
    if (manifest.ui && !existsSync(publicBundlePath(plugin))) {
      log.warn(
        `the zip has no target/public/${manifest.id}.plugin.js: the page will report the plugin as missing`
      );
    }
    // The release's UI stack: React 18.2 and OUI 1.22 on 3.6+, as that Dashboards shares them.
    const bundles = await buildBrowserBundles(
      cacheDir,
      join(workDir, 'core'),
      osdUiStack(osdVersion).aliases
    );
    const handlePage = createPageHandler({
      basePath,
      buildNum: DEV_BUILD_NUM,
      osdVersion,
      defaultAppId: manifest.id,
      bundles,
      uiPlugins,
      userSettings: () => uiSettings.getUserProvided(),
      logger: log,
    });
    server = createHostServer({
      basePath,
      osdVersion,
      handlePage,
      routes,
      logger: root.get('http', 'server'),
      createContext: (request) =>
        createRequestContext(request, {
          internal,
          currentUserBase,
          savedObjects,
          uiSettings,
          scopedSavedObjects: (currentUser) =>
            new HostSavedObjectsClient(currentUser, index, registry),
        }),
    });
    const host = options.host ?? '127.0.0.1';
    const port = await listen(server, options.port ?? 5601, host);
    const url = `http://${host}:${port}${basePath}`;
    log.info(`listening on ${url}`);

    const running = server;
    return {
      url,
      port,
      plugin,
      savedObjectsIndex: index,
      async stop() {
        await close(running);
        serverPlugin?.stop();
        unguardPluginResolution(plugin.dir);
        await internal.close();
        if (currentUserBase !== internal) await currentUserBase.close();
      },
    };
  } catch (error) {
    if (server) await close(server);
    serverPlugin?.stop();
    unguardPluginResolution(plugin.dir);
    await internal.close();
    if (currentUserBase !== internal) await currentUserBase.close();
    throw error;
  }
}

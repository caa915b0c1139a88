/**
 * OSD's server-side PluginWrapper for one unpacked plugin: `require('<dir>/server')`, the `plugin` export
 * called with an initializer context, then setup/start/stop with the core the host provides, failing with
 * OSD's messages when the module does not have the expected shape.
 */
import { join, sep } from 'node:path';
import { of } from 'rxjs';
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../server/osd_port';
import type { HostLogger } from './logger';
import { guardPluginResolution } from './module_guard';

export interface ServerPluginEnv {
  id: string;
  dir: string;
  osdVersion: string;
  buildNum: number;
  instanceUuid: string;
  logger: HostLogger;
}

/**
 * OSD passes more than our port declares (config.createIfExists); the plugin sees all of it. With no
 * opensearch_dashboards.yml, `create()` emits an empty object: the plugin's own defaults apply.
 */
type HostInitializerContext = PluginInitializerContext & {
  config: NonNullable<PluginInitializerContext['config']> & { createIfExists(): unknown };
};

export class ServerPlugin {
  private instance?: Plugin;

  constructor(private readonly env: ServerPluginEnv) {}

  load(): void {
    const { id, dir } = this.env;
    const entry = join(dir, 'server');
    // A fresh unpack at the same path must not reuse modules loaded from the previous one.
    for (const cached of Object.keys(require.cache)) {
      if (cached.startsWith(dir + sep)) delete require.cache[cached];
    }
    guardPluginResolution(dir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- OSD loads plugins with require
    const pluginModule = require(entry) as { plugin?: unknown; config?: unknown };
    if (typeof pluginModule.plugin !== 'function') {
      throw new Error(`Plugin "${id}" does not export "plugin" definition (${entry}).`);
    }
    if (pluginModule.config !== undefined) {
      this.env.logger.warn(
        `plugin "${id}" exports a config descriptor; the dev host has no opensearch_dashboards.yml and ignores it`
      );
    }
    const instance = (pluginModule.plugin as (ctx: HostInitializerContext) => unknown)(
      this.initializerContext()
    );
    if (!instance || typeof instance !== 'object') {
      throw new Error(
        `Initializer for plugin "${id}" is expected to return plugin instance, but returned "${typeof instance}".`
      );
    }
    for (const method of ['setup', 'start'] as const) {
      if (typeof (instance as Record<string, unknown>)[method] !== 'function') {
        throw new Error(`Instance of plugin "${id}" does not define "${method}" function.`);
      }
    }
    this.instance = instance as Plugin;
  }

  private initializerContext(): HostInitializerContext {
    const { id, osdVersion, buildNum, instanceUuid, logger } = this.env;
    return {
      opaqueId: Symbol(id),
      env: {
        mode: { name: 'development', dev: true, prod: false },
        packageInfo: {
          version: osdVersion,
          branch: osdVersion.split('.').slice(0, 2).join('.'),
          buildNum,
          buildSha: 'dev-host',
          dist: false,
        },
        instanceUuid,
      },
      logger: { get: (...parts: string[]) => logger.get(...parts) },
      config: { create: <T>() => of({} as T), createIfExists: () => of(undefined) },
    };
  }

  setup(core: CoreSetup): unknown {
    if (!this.instance) throw new Error(`Plugin "${this.env.id}" is not loaded`);
    return this.instance.setup(core, {});
  }

  start(core: CoreStart): unknown {
    if (!this.instance) throw new Error(`Plugin "${this.env.id}" is not loaded`);
    return this.instance.start(core, {});
  }

  stop(): void {
    this.instance?.stop?.();
  }
}

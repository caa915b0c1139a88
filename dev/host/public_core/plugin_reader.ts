/**
 * OSD's browser plugin reader and wrapper: `__osdBundles__.get('plugin/<id>/public').plugin` must be a
 * function returning an object with setup and start, else core stops with OSD's message.
 */
import type { Plugin } from '../../../public/osd_port';

export interface PluginInitializerContext {
  opaqueId: symbol;
  env: {
    mode: { name: 'development' | 'production'; dev: boolean; prod: boolean };
    packageInfo: {
      version: string;
      branch: string;
      buildNum: number;
      buildSha: string;
      dist: boolean;
    };
  };
  config: { get<T = Record<string, unknown>>(): T };
}

export function readPluginInstance(id: string, context: PluginInitializerContext): Plugin {
  const key = `plugin/${id}/public`;
  if (!window.__osdBundles__.has(key)) {
    throw new Error(`Definition of plugin "${id}" not found and may have failed to load.`);
  }
  const plugin = (window.__osdBundles__.get(key) as { plugin?: unknown } | undefined)?.plugin;
  if (typeof plugin !== 'function') {
    throw new Error(`Definition of plugin "${id}" should be a function.`);
  }
  const instance = (plugin as (ctx: PluginInitializerContext) => unknown)(context);
  for (const method of ['setup', 'start'] as const) {
    if (typeof (instance as Record<string, unknown> | undefined)?.[method] !== 'function') {
      throw new Error(`Instance of plugin "${id}" does not define "${method}" function.`);
    }
  }
  return instance as Plugin;
}

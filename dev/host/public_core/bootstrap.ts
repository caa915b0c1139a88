/**
 * The part of OSD's bootstrap.js that must run before any plugin bundle: the public paths plugin chunks load
 * from, and the `__osdBundles__` registry with OSD's semantics (define twice throws, get of an unknown key
 * throws, get calls the bundle's require with its module key).
 */
import { readInjectedMetadata } from './metadata';

type BundleRequire = (moduleKey: string) => unknown;

interface OsdBundles {
  has(key: string): boolean;
  define(key: string, bundleRequire: BundleRequire, bundleModuleKey: string): void;
  get(key: string): unknown;
}

declare global {
  interface Window {
    __osdBundles__: OsdBundles;
    __osdPublicPath__: Record<string, string>;
  }
}

function createOsdBundles(): OsdBundles {
  const modules: Record<string, { bundleRequire: BundleRequire; bundleModuleKey: string }> = {};
  const has = (key: string) => Object.prototype.hasOwnProperty.call(modules, key);
  return {
    has,
    define(key, bundleRequire, bundleModuleKey) {
      if (has(key)) throw new Error(`__osdBundles__ already has a module defined for "${key}"`);
      modules[key] = { bundleRequire, bundleModuleKey };
    },
    get(key) {
      if (!has(key)) throw new Error(`__osdBundles__ does not have a module defined for "${key}"`);
      return modules[key].bundleRequire(modules[key].bundleModuleKey);
    },
  };
}

const metadata = readInjectedMetadata();
window.__osdPublicPath__ = Object.fromEntries(
  metadata.uiPlugins.map((plugin) => [plugin.id, plugin.publicPath])
);
window.__osdBundles__ = createOsdBundles();

/**
 * The two descriptors that go into the zip, derived from the repository's own for one target OSD release.
 * OSD 2.x treats any manifest key it does not know as a fatal startup error, and the installer refuses an id
 * that is not camelCase, so both are checked here rather than discovered on a customer's server.
 */
import { ALLOWED_MANIFEST_KEYS, INSTALLABLE_PLUGIN_ID } from '../lib/osd_facts';
import { isValidOsdVersion } from './args';

// OSD's rule, shared with the dev host; re-exported for the builder's callers.
export { ALLOWED_MANIFEST_KEYS } from '../lib/osd_facts';

export type PluginManifest = {
  id: string;
  version: string;
  opensearchDashboardsVersion: string;
  ui: boolean;
  server: boolean;
} & Partial<Record<(typeof ALLOWED_MANIFEST_KEYS)[number], unknown>>;

/** Third-party OSD plugins are versioned <osdVersion>.<plugin patch>, e.g. 2.19.2.0 for OSD 2.19.2. */
export function pluginVersionFor(osdVersion: string): string {
  return `${osdVersion}.0`;
}

export function buildManifest(source: Record<string, unknown>, osdVersion: string): PluginManifest {
  if (!isValidOsdVersion(osdVersion))
    throw new Error(`not an OSD release version: "${osdVersion}"`);
  const unknownKeys = Object.keys(source).filter(
    (key) => !(ALLOWED_MANIFEST_KEYS as readonly string[]).includes(key)
  );
  if (unknownKeys.length > 0) {
    throw new Error(
      `opensearch_dashboards.json has keys OSD rejects at startup: ${unknownKeys.join(', ')}; allowed: ${ALLOWED_MANIFEST_KEYS.join(', ')}`
    );
  }
  const id = source.id;
  if (typeof id !== 'string' || !INSTALLABLE_PLUGIN_ID.test(id)) {
    throw new Error(
      `opensearch_dashboards.json id must be camelCase letters and digits (/^[a-z][a-zA-Z0-9]+$/); got ${JSON.stringify(id)}`
    );
  }
  if (source.ui !== true && source.server !== true) {
    throw new Error('opensearch_dashboards.json must set ui or server to true');
  }
  return {
    ...source,
    id,
    version: pluginVersionFor(osdVersion),
    opensearchDashboardsVersion: osdVersion,
    ui: source.ui === true,
    server: source.server === true,
  };
}

export interface PackageJson {
  name: string;
  version?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The shipped package.json: what OSD and npm need to know about the installed plugin, nothing of our tooling. */
export function trimPackageJson(source: PackageJson, pluginVersion: string): PackageJson {
  return {
    name: source.name,
    version: pluginVersion,
    private: true,
    dependencies: { ...(source.dependencies ?? {}) },
  };
}

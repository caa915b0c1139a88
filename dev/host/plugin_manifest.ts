/**
 * The checks OSD 2.x makes on a plugin's opensearch_dashboards.json, at install (id, version compatibility)
 * and at startup (allowed keys, server/ui, required plugins), with OSD's messages.
 */
import { ALLOWED_MANIFEST_KEYS, INSTALLABLE_PLUGIN_ID } from '../../scripts/lib/osd_facts';

export interface PluginManifest {
  id: string;
  version: string;
  opensearchDashboardsVersion: string;
  configPath?: string | string[];
  requiredPlugins: string[];
  optionalPlugins: string[];
  requiredBundles: string[];
  server: boolean;
  ui: boolean;
}

/** The same list the build checks against: one statement of OSD's rule for the build and the host. */
const ALLOWED_KEYS: readonly string[] = ALLOWED_MANIFEST_KEYS;

/** OSD's isVersionCompatible: 'opensearchDashboards' always matches, else x.y.z must be equal. */
export function isVersionCompatible(expected: string, actual: string): boolean {
  if (expected === 'opensearchDashboards') return true;
  const clean = (v: string) => /^(\d+)\.(\d+)\.(\d+)/.exec(v)?.slice(1, 4).join('.');
  const e = clean(expected);
  return e !== undefined && e === clean(actual);
}

function stringArray(value: unknown, key: string, id: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`The "${key}" in plugin manifest for "${id}" should be an array of strings.`);
  }
  return value;
}

export function parseManifest(text: string, osdVersion: string): PluginManifest {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`Unable to parse plugin manifest: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('Plugin manifest must contain a JSON encoded object.');
  }
  const id = raw.id;
  if (typeof id !== 'string' || id === '')
    throw new Error('Plugin manifest must contain an "id" property.');
  if (id.includes('.')) throw new Error('Plugin "id" must not include `.` characters.');
  if (!INSTALLABLE_PLUGIN_ID.test(id)) {
    throw new Error(`Invalid plugin id "${id}": the installer requires /^[a-z][a-zA-Z0-9]+$/`);
  }
  if (typeof raw.version !== 'string' || raw.version === '') {
    throw new Error(`Plugin manifest for "${id}" must contain a "version" property.`);
  }
  const unknown = Object.keys(raw).filter((key) => !ALLOWED_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `Manifest for plugin "${id}" contains the following unrecognized properties: ${unknown.join(',')}.`
    );
  }
  const expected =
    typeof raw.opensearchDashboardsVersion === 'string'
      ? raw.opensearchDashboardsVersion
      : raw.version;
  if (!isVersionCompatible(expected, osdVersion)) {
    throw new Error(
      `Plugin ${id} [${expected}] is incompatible with OpenSearch Dashboards [${osdVersion}]`
    );
  }
  const server = raw.server === true;
  const ui = raw.ui === true;
  if (!server && !ui) {
    throw new Error(
      `Both "server" and "ui" are missing or set to "false" in plugin manifest for "${id}", but at least one of these must be set to "true".`
    );
  }
  return {
    id,
    version: raw.version,
    opensearchDashboardsVersion: expected,
    configPath: raw.configPath as string | string[] | undefined,
    requiredPlugins: stringArray(raw.requiredPlugins, 'requiredPlugins', id),
    optionalPlugins: stringArray(raw.optionalPlugins, 'optionalPlugins', id),
    requiredBundles: stringArray(raw.requiredBundles, 'requiredBundles', id),
    server,
    ui,
  };
}

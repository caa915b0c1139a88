/**
 * `bin/opensearch-dashboards-plugin install file:///…zip`, for one plugin: the zip must hold
 * `opensearch-dashboards/<folder>/opensearch_dashboards.json`; the manifest is checked against the host's
 * Dashboards version; the folder is extracted to `<pluginsDir>/<id>`. The host wipes that directory first
 * (the installer would refuse an existing one), so every start runs exactly what the zip holds.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import AdmZip from 'adm-zip';
import { parseManifest, type PluginManifest } from './plugin_manifest';

export interface InstalledPlugin {
  manifest: PluginManifest;
  dir: string;
  /** Paths inside the zip's plugin folder, e.g. 'target/public/pinpoint.plugin.js'. */
  files: string[];
}

const ROOT = 'opensearch-dashboards/';

export function installPlugin(
  zipPath: string,
  pluginsDir: string,
  osdVersion: string
): InstalledPlugin {
  let zip: AdmZip;
  try {
    zip = new AdmZip(readFileSync(zipPath));
  } catch (error) {
    throw new Error(`Cannot read plugin zip ${zipPath}: ${(error as Error).message}`);
  }
  const entries = zip.getEntries();
  const manifests = entries.filter((e) =>
    /^opensearch-dashboards\/[^/]+\/opensearch_dashboards\.json$/.test(e.entryName)
  );
  if (manifests.length !== 1) {
    throw new Error(
      `${zipPath}: expected exactly one opensearch-dashboards/<plugin>/opensearch_dashboards.json, found ${manifests.length}`
    );
  }
  const folder = manifests[0].entryName.split('/')[1];
  const manifest = parseManifest(manifests[0].getData().toString('utf8'), osdVersion);

  const dir = resolve(pluginsDir, manifest.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const prefix = `${ROOT}${folder}/`;
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.entryName.startsWith(prefix) || entry.isDirectory) continue;
    const inside = entry.entryName.slice(prefix.length);
    const target = resolve(dir, inside);
    // A zip entry must not write outside the plugin directory ("zip slip").
    if (relative(dir, target).startsWith('..') || !target.startsWith(dir + sep)) {
      throw new Error(`${zipPath}: entry ${entry.entryName} points outside the plugin folder`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.getData());
    files.push(inside);
  }
  return { manifest, dir, files };
}

export function publicBundlePath(plugin: InstalledPlugin): string {
  return join(plugin.dir, 'target', 'public', `${plugin.manifest.id}.plugin.js`);
}

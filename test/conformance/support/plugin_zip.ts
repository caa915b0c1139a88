/**
 * The built zip, found and unpacked the way OSD's installer does it (src/cli_plugin/install/zip.js): the plugin
 * is located by an `opensearch-dashboards/<dir>/opensearch_dashboards.json` entry, the `opensearch-dashboards/<dir>`
 * prefix is stripped, and every file is created with the mode stored in its entry (externalFileAttributes >>> 16).
 * The suite never builds: the orchestrator runs `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { DEFAULT_OSD_VERSION, PLUGIN_ID } from '../../../common/constants';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Check another version's zip with PINPOINT_OSD_VERSION=2.18.0 (after npm run build -- --osd-version 2.18.0). */
export const TARGET_OSD_VERSION = process.env.PINPOINT_OSD_VERSION || DEFAULT_OSD_VERSION;

export function zipPath(): string {
  const file = path.join(REPO_ROOT, 'build', `${PLUGIN_ID}-${TARGET_OSD_VERSION}.zip`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${path.relative(REPO_ROOT, file)} is missing: run \`npm run build -- --osd-version ${TARGET_OSD_VERSION}\` before the conformance suite`
    );
  }
  return file;
}

export interface ZipFileEntry {
  /** Name inside the zip. */
  name: string;
  /** Unix mode stored in the entry. */
  mode: number;
  isDirectory: boolean;
}

export interface UnpackedPlugin {
  zipFile: string;
  entries: ZipFileEntry[];
  /** What the installer computed: manifest id and the prefix it strips. */
  found: Array<{ id: unknown; stripPrefix: string; opensearchDashboardsVersion: unknown }>;
  /** plugins/<id> after installation. */
  pluginDir: string;
  cleanup(): void;
}

/**
 * Packages an OpenSearch Dashboards 2.19 / 3.x install has in its own root node_modules (its package.json's
 * dependencies): a plugin in `plugins/<id>` finds them by node's upward lookup, as @elastic/datemath finds its
 * peer `moment`. Kept here independently of dev/host/module_guard.ts on purpose, so a wrong list there cannot
 * hide a packaging bug. OSD's own `@osd/*` packages are not on npm: the suite has none of them (the plugin must
 * load without them, see server/config.ts).
 */
export const OSD_ROOT_PACKAGES: readonly string[] = [
  '@opensearch-project/opensearch',
  'lodash',
  'moment',
  'moment-timezone',
  'rxjs',
  'tslib',
];

/** Packages the plugin may require that OSD provides (the root list plus OSD's own `@osd/*` packages). */
export function isOsdProvided(request: string): boolean {
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name.startsWith('@osd/') || OSD_ROOT_PACKAGES.includes(name);
}

const MANIFEST_ENTRY = /(opensearch-dashboards[\\/][^\\/]+)[\\/]opensearch_dashboards.json/i;

export function unpackLikeOsd(): UnpackedPlugin {
  const zipFile = zipPath();
  const zip = new AdmZip(zipFile);
  const zipEntries = zip.getEntries();
  const entries = zipEntries.map((e) => ({
    name: e.entryName,
    mode: e.header.attr >>> 16,
    isDirectory: e.isDirectory,
  }));

  const found: UnpackedPlugin['found'] = [];
  for (const e of zipEntries) {
    const match = e.entryName.match(MANIFEST_ENTRY);
    if (!match) continue;
    const manifest = JSON.parse(e.getData().toString('utf8'));
    found.push({
      id: manifest.id,
      stripPrefix: match[1],
      opensearchDashboardsVersion:
        typeof manifest.opensearchDashboardsVersion === 'string' &&
        manifest.opensearchDashboardsVersion
          ? manifest.opensearchDashboardsVersion
          : manifest.version,
    });
  }

  // Outside the repository, so that require() cannot fall back on the repository's node_modules.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pinpoint-conformance-'));
  const pluginDir = path.join(root, 'plugins', PLUGIN_ID);
  // The OSD tree around plugins/: its root node_modules, holding what Dashboards ships.
  for (const name of OSD_ROOT_PACKAGES) {
    const link = path.join(root, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', name), link, 'dir');
  }
  if (found.length === 1) {
    const prefix = found[0].stripPrefix;
    for (const e of zipEntries) {
      if (!e.entryName.startsWith(prefix)) continue;
      const target = path.join(pluginDir, e.entryName.substring(prefix.length));
      if (/[\\/]$/.test(e.entryName)) {
        fs.mkdirSync(target, { recursive: true });
      } else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, e.getData(), { mode: e.header.attr >>> 16 });
      }
    }
  }
  return {
    zipFile,
    entries,
    found,
    pluginDir,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Every regular file below dir, relative, with '/' separators. */
export function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

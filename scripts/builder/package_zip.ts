/**
 * Writes build/<id>-<osdVersion>.zip in the layout `opensearch-dashboards-plugin install` expects:
 * every entry under opensearch-dashboards/<id>/. OSD's installer creates each file with the mode stored in the
 * entry (externalFileAttributes >>> 16), so every entry carries explicit Unix permissions: an entry without them
 * would be extracted as mode 0000 and be unreadable by the OSD process.
 */
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { ZipSource } from './files';

export const FILE_MODE = 0o644;
/** Fixed entry times make two builds of the same tree byte-identical. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z');

export function zipRoot(pluginId: string): string {
  return `opensearch-dashboards/${pluginId}/`;
}

export function writePluginZip(
  zipFile: string,
  pluginId: string,
  sources: readonly ZipSource[]
): number {
  const zip = new AdmZip();
  const seen = new Set<string>();
  const ordered = [...sources].sort((a, b) => a.zipPath.localeCompare(b.zipPath));
  for (const source of ordered) {
    if (source.zipPath.startsWith('/') || source.zipPath.split('/').includes('..')) {
      throw new Error(`refusing zip path outside the plugin directory: ${source.zipPath}`);
    }
    if (seen.has(source.zipPath)) throw new Error(`two files for one zip path: ${source.zipPath}`);
    seen.add(source.zipPath);
    const content = 'content' in source ? source.content : fs.readFileSync(source.file);
    const entry = zip.addFile(`${zipRoot(pluginId)}${source.zipPath}`, content, '', FILE_MODE);
    entry.header.time = ENTRY_TIME;
  }
  fs.mkdirSync(path.dirname(zipFile), { recursive: true });
  const partial = `${zipFile}.${process.pid}.partial`;
  zip.writeZip(partial);
  fs.renameSync(partial, zipFile);
  return fs.statSync(zipFile).size;
}

/** Small file-tree helpers shared by the build steps. */
import fs from 'node:fs';
import path from 'node:path';

/** Every regular file below dir, as paths relative to dir with '/' separators; symlinks are skipped. */
export function listFiles(dir: string, skipDir: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipDir(entry.name)) walk(childRel);
      } else if (entry.isFile()) {
        out.push(childRel);
      }
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

/** A file for the zip: where it goes below opensearch-dashboards/<id>/ and where its bytes come from. */
export type ZipSource = { zipPath: string; file: string } | { zipPath: string; content: Buffer };

/**
 * Compiles server/, common/ and cli/ to CommonJS with tsc (tsconfig.server.json -> target/server-build).
 * server/ and common/ are shipped in the zip; cli/ stays in the repository for package.json `bin`. A type error
 * fails the build: OSD would load whatever tsc emitted, and we do not ship code that does not type-check.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles, type ZipSource } from './files';

export const SERVER_BUILD_DIR = path.join('target', 'server-build');
/** The source trees OSD requires at runtime; cli/ is compiled alongside but not shipped. */
export const SHIPPED_SERVER_DIRS = ['server', 'common'] as const;

export function compileServer(repoRoot: string): string {
  const outDir = path.join(repoRoot, SERVER_BUILD_DIR);
  // Stale output of a deleted source file would otherwise be shipped.
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.server.json', '--pretty', 'false'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    }
  );
  if (result.status !== 0) {
    throw new Error(`tsc -p tsconfig.server.json failed:\n${result.stdout}${result.stderr}`);
  }
  return outDir;
}

const SOURCE_ONLY = /\.(tsx?|md)$/;
const TEST_FILE = /\.test\.[jt]sx?$/;
const SKIPPED_DIRS = new Set(['__tests__', '__snapshots__', '__fixtures__']);

/**
 * server/** and common/**: the compiled JavaScript (and the JSON tsc copies), plus data files that sit next to
 * the sources and are read at runtime (e.g. .json or .ndjson loaded with fs).
 */
export function serverZipSources(repoRoot: string, outDir: string): ZipSource[] {
  const sources = new Map<string, string>();
  for (const dir of SHIPPED_SERVER_DIRS) {
    const skip = (name: string) => SKIPPED_DIRS.has(name);
    for (const rel of listFiles(path.join(repoRoot, dir), skip)) {
      if (!SOURCE_ONLY.test(rel) && !TEST_FILE.test(rel)) {
        sources.set(`${dir}/${rel}`, path.join(repoRoot, dir, rel));
      }
    }
    for (const rel of listFiles(path.join(outDir, dir), skip)) {
      if (!TEST_FILE.test(rel)) sources.set(`${dir}/${rel}`, path.join(outDir, dir, rel));
    }
  }
  return [...sources].map(([zipPath, file]) => ({ zipPath, file }));
}

/**
 * `npm run build -- --osd-version <x.y.z>`: build/pinpoint-<x.y.z>.zip, installable with
 * `bin/opensearch-dashboards-plugin install file:///abs/path/pinpoint-<x.y.z>.zip` on that OSD release.
 * Steps live in scripts/builder/; this file only orders them and reports. Exit 2 on bad arguments, 1 on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PLUGIN_ID } from '../common/constants';
import { BuildUsageError, parseBuildArgs, zipFileName } from './builder/args';
import { withBuildLock } from './builder/lock';
import { buildManifest, trimPackageJson, type PackageJson } from './builder/manifest';
import { writePluginZip } from './builder/package_zip';
import { nodeModulesZipSources, productionModules } from './builder/prod_modules';
import { buildPublicBundle } from './builder/public_bundle';
import { compileServer, serverZipSources } from './builder/server';
import type { ZipSource } from './builder/files';

const repoRoot = path.resolve(__dirname, '..');
const log = (line: string): void => {
  process.stdout.write(`[build] ${line}\n`);
};

async function build(osdVersion: string): Promise<void> {
  const started = Date.now();
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await fn();
    log(`${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return result;
  };

  const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
  const manifest = buildManifest(readJson('opensearch_dashboards.json'), osdVersion);
  if (manifest.id !== PLUGIN_ID)
    throw new Error(`manifest id ${manifest.id} differs from PLUGIN_ID ${PLUGIN_ID}`);
  const packageJson = trimPackageJson(readJson('package.json') as PackageJson, manifest.version);

  const serverOut = await step('server, common, cli compiled (tsc)', () => compileServer(repoRoot));
  const bundle = await step('public bundle (webpack)', () =>
    buildPublicBundle({
      pluginId: PLUGIN_ID,
      repoRoot,
      workDir: path.join(repoRoot, 'target'),
      outputDir: path.join(repoRoot, 'target', 'public'),
    })
  );
  const modules = await step('production node_modules', () => productionModules(repoRoot, log));

  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const sources: ZipSource[] = [
    { zipPath: 'opensearch_dashboards.json', content: json(manifest) },
    { zipPath: 'package.json', content: json(packageJson) },
    ...serverZipSources(repoRoot, serverOut),
    ...bundle.files.map((f) => ({
      zipPath: `target/public/${f.name}`,
      file: path.join(bundle.outputDir, f.name),
    })),
    ...publicAssets(),
    ...nodeModulesZipSources(modules.dir),
  ];
  const zipFile = path.join(repoRoot, 'build', zipFileName(osdVersion));
  const zipBytes = await step('zip written', () => writePluginZip(zipFile, PLUGIN_ID, sources));

  log(
    `${path.relative(repoRoot, zipFile)}: ${zipBytes} bytes (${(zipBytes / 1024 / 1024).toFixed(1)} MiB), ${sources.length} files`
  );
  log(`node_modules: ${modules.cached ? 'reused cached' : 'fresh'} production install`);
  for (const f of bundle.files) log(`  target/public/${f.name}: ${f.bytes} bytes`);
  log(`page-load bundle ${bundle.pageLoadFile}: ${bundle.pageLoadBytes} bytes`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** public/assets/** ships as is (images and the like referenced by URL). */
function publicAssets(): ZipSource[] {
  const dir = path.join(repoRoot, 'public', 'assets');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { zipPath: path.relative(repoRoot, file).split(path.sep).join('/'), file };
    });
}

async function main(): Promise<number> {
  let osdVersion: string;
  try {
    ({ osdVersion } = parseBuildArgs(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof BuildUsageError) {
      process.stderr.write(`build: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    await withBuildLock(repoRoot, log, () => build(osdVersion));
    return 0;
  } catch (error) {
    process.stderr.write(
      `build failed: ${error instanceof Error ? error.message : String(error)}\n`
    );
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});

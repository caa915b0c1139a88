/** Compiles public/ into target/public with webpack and refuses a bundle that carries a shared dependency. */
import fs from 'node:fs';
import path from 'node:path';
import webpack, { type Compilation, type NormalModule, type Stats } from 'webpack';
import { NEVER_BUNDLED_PACKAGES, packageOfPath } from './shared_deps';
import { createWebpackConfig, entrySource } from './webpack.config';

export interface PublicBundleResult {
  outputDir: string;
  pageLoadFile: string;
  pageLoadBytes: number;
  files: Array<{ name: string; bytes: number }>;
}

/** Page-load budget: every plugin's <id>.plugin.js is fetched on every Dashboards page, whatever app is open. */
export const PAGE_LOAD_BUDGET_BYTES = 10_000;

export async function buildPublicBundle(opts: {
  pluginId: string;
  repoRoot: string;
  workDir: string;
  outputDir: string;
  /** Defaults to public/index.ts. */
  publicIndexFile?: string;
}): Promise<PublicBundleResult> {
  const entryPath = path.join(opts.workDir, 'osd_entry', `${opts.pluginId}.entry.js`);
  fs.mkdirSync(path.dirname(entryPath), { recursive: true });
  const publicIndex = opts.publicIndexFile ?? path.join(opts.repoRoot, 'public', 'index.ts');
  const request = path.relative(path.dirname(entryPath), publicIndex).split(path.sep).join('/');
  fs.writeFileSync(
    entryPath,
    entrySource(opts.pluginId, request.startsWith('.') ? request : `./${request}`)
  );

  const config = createWebpackConfig({
    pluginId: opts.pluginId,
    repoRoot: opts.repoRoot,
    entryPath,
    publicIndexFile: publicIndex,
    outputDir: opts.outputDir,
  });
  const stats = await run(config);
  if (stats.hasErrors()) {
    const { errors = [] } = stats.toJson({ all: false, errors: true });
    throw new Error(`webpack failed:\n${errors.map((e) => e.message).join('\n\n')}`);
  }
  assertNoSharedDependencyBundled(stats.compilation, opts.repoRoot);

  const files = fs
    .readdirSync(opts.outputDir)
    .filter((name) => fs.statSync(path.join(opts.outputDir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: fs.statSync(path.join(opts.outputDir, name)).size }));
  const pageLoadFile = `${opts.pluginId}.plugin.js`;
  const pageLoadBytes = files.find((f) => f.name === pageLoadFile)?.bytes ?? 0;
  if (pageLoadBytes > PAGE_LOAD_BUDGET_BYTES) {
    throw new Error(
      `${pageLoadFile} is ${pageLoadBytes} bytes, over the ${PAGE_LOAD_BUDGET_BYTES}-byte page-load budget: ` +
        'move code out of public/plugin.ts into what public/application.tsx imports (the lazy chunk)'
    );
  }
  return { outputDir: opts.outputDir, pageLoadFile, pageLoadBytes, files };
}

function run(config: webpack.Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) reject(error);
        else if (!stats) reject(new Error('webpack returned no stats'));
        else resolve(stats);
      });
    });
  });
}

/** A deep import (e.g. '@elastic/eui/lib/...') escapes the externals map and would ship a second OUI/React. */
function assertNoSharedDependencyBundled(compilation: Compilation, repoRoot: string): void {
  const offenders: string[] = [];
  for (const module of compilation.modules) {
    const resource = (module as NormalModule).resource;
    if (typeof resource !== 'string') continue;
    const pkg = packageOfPath(resource);
    if (pkg === undefined || !NEVER_BUNDLED_PACKAGES.includes(pkg)) continue;
    const issuer = compilation.moduleGraph.getIssuer(module) as NormalModule | null;
    const from = issuer?.resource ? path.relative(repoRoot, issuer.resource) : 'unknown';
    offenders.push(`${path.relative(repoRoot, resource)} (imported from ${from})`);
  }
  if (offenders.length > 0) {
    throw new Error(
      'the public bundle would carry its own copy of a dependency OSD shares with every plugin; import it by ' +
        `its package name (see scripts/builder/shared_deps.ts) instead:\n  ${offenders.slice(0, 20).join('\n  ')}`
    );
  }
}

/**
 * node_modules for the zip: the production dependency tree installed by `npm ci --omit=dev` from our lockfile
 * into a staging directory, never copied out of the development tree (where hoisting mixes dev packages in).
 * The result is cached under target/prod_modules/<hash of the production part of the lockfile>, so a build
 * after a change to dev dependencies or to our code reuses it.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles, type ZipSource } from './files';

export const PROD_MODULES_CACHE = path.join('target', 'prod_modules');

export interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
}
export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

/** Changes exactly when the production install would: the root's dependencies and every non-dev lock entry. */
export function productionTreeKey(
  packageJson: { dependencies?: Record<string, string> },
  lock: Lockfile
): string {
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) {
    throw new Error(
      'package-lock.json must be lockfileVersion 2 or 3 (npm 7+); run npm install with npm 7 or later'
    );
  }
  const prod = Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && !entry.dev)
    .map(([key, entry]) => [
      key,
      entry.version,
      entry.resolved,
      entry.integrity,
      entry.link === true,
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return createHash('sha256')
    .update(JSON.stringify({ deps: packageJson.dependencies ?? {}, prod }))
    .digest('hex')
    .slice(0, 16);
}

/** Returns the directory that holds the production node_modules, installing it on a cache miss. */
export function productionModules(
  repoRoot: string,
  log: (line: string) => void
): { dir: string; cached: boolean } {
  const packageJsonText = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
  const lockText = fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8');
  const key = productionTreeKey(JSON.parse(packageJsonText), JSON.parse(lockText) as Lockfile);
  const cacheRoot = path.join(repoRoot, PROD_MODULES_CACHE);
  const dir = path.join(cacheRoot, key);
  if (fs.existsSync(path.join(dir, 'node_modules', '.complete'))) return { dir, cached: true };

  log(
    `installing production dependencies (npm ci --omit=dev) into ${path.relative(repoRoot, dir)}`
  );
  const staging = path.join(cacheRoot, `.staging-${process.pid}-${Date.now()}`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    // npm ci insists that package.json and the lockfile agree, so the full package.json goes in, minus scripts
    // (no lifecycle script of ours may run in the staging copy).
    const { scripts: _scripts, ...manifest } = JSON.parse(packageJsonText) as Record<
      string,
      unknown
    >;
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(staging, 'package-lock.json'), lockText);
    const npmrc = path.join(repoRoot, '.npmrc');
    if (fs.existsSync(npmrc)) fs.copyFileSync(npmrc, path.join(staging, '.npmrc'));
    runNpmCi(staging);
    fs.writeFileSync(path.join(staging, 'node_modules', '.complete'), key);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  pruneOtherEntries(cacheRoot, key);
  return { dir, cached: false };
}

function runNpmCi(cwd: string): void {
  // `npm run build` exports npm_config_* (including the local prefix of the repository); an npm ci that saw
  // them would install into the repository itself. The child gets an environment without them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_'))
  );
  const npmCli = process.env.npm_execpath;
  const [command, prefixArgs] =
    npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const args = [
    ...prefixArgs,
    'ci',
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
    `--prefix=${cwd}`,
  ];
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(path.join(cwd, 'node_modules'))) {
    throw new Error(
      `npm ci --omit=dev failed in ${cwd}:\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`
    );
  }
}

/** One cached tree is enough; older ones are dead weight after a dependency change. */
function pruneOtherEntries(cacheRoot: string, keep: string): void {
  for (const name of fs.readdirSync(cacheRoot)) {
    if (name !== keep && !name.startsWith('.staging-')) {
      fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
    }
  }
}

/** Everything under node_modules except npm's bookkeeping and .bin links, which a runtime does not need. */
export function nodeModulesZipSources(dir: string): ZipSource[] {
  const root = path.join(dir, 'node_modules');
  return listFiles(root, (name) => name === '.bin')
    .filter((rel) => rel !== '.package-lock.json' && rel !== '.complete')
    .map((rel) => ({ zipPath: `node_modules/${rel}`, file: path.join(root, rel) }));
}

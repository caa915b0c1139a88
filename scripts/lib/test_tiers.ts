/**
 * What `npm test` runs, as data: the tiers, in order, and how each finds its test files. run_tests.ts only
 * executes this list.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export type TierName = 'static' | 'build' | 'unit' | 'integration' | 'conformance' | 'browser';

export interface Tier {
  name: TierName;
  /** Needs OPENSEARCH_URL and MOTO_URL (the orchestrator starts one node and one moto for all such tiers). */
  needsServices: boolean;
  /** Test files relative to the repo root; undefined for the tiers that run commands (static, build). */
  files?: (root: string) => string[];
}

const TEST_FILE = /\.test\.tsx?$/;
/** Unit tests live next to the code they test. */
const UNIT_DIRS = ['common', 'server', 'public', 'cli', 'dev', 'scripts', 'bench'];

/** Test files under the given top-level directories, skipping anything inside node_modules. */
export function findTestFiles(root: string, dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !TEST_FILE.test(entry.name)) continue;
      // Node 20 reports the entry's folder as `path`; newer versions as `parentPath`.
      const parent = (entry as { parentPath?: string }).parentPath ?? entry.path;
      const rel = relative(root, join(parent, entry.name));
      if (!rel.split(/[\\/]/).includes('node_modules')) files.push(rel);
    }
  }
  return files.sort();
}

export const TIERS: readonly Tier[] = [
  { name: 'static', needsServices: false },
  { name: 'build', needsServices: false },
  { name: 'unit', needsServices: false, files: (root) => findTestFiles(root, UNIT_DIRS) },
  {
    name: 'integration',
    needsServices: true,
    files: (root) => findTestFiles(root, ['test/integration']),
  },
  {
    name: 'conformance',
    needsServices: true,
    files: (root) => findTestFiles(root, ['test/conformance']),
  },
  { name: 'browser', needsServices: true, files: (root) => findTestFiles(root, ['test/browser']) },
];

/** Tiers picked by the command line (`npm test -- unit integration`); all of them when none is named. */
export function selectTiers(args: readonly string[]): Tier[] {
  if (args.length === 0) return [...TIERS];
  const unknown = args.filter((a) => !TIERS.some((t) => t.name === a));
  if (unknown.length > 0) {
    throw new Error(
      `unknown tier ${unknown.join(', ')}; expected some of: ${TIERS.map((t) => t.name).join(', ')}`
    );
  }
  return TIERS.filter((t) => args.includes(t.name));
}

export interface RunCounts {
  pass: number;
  fail: number;
  cancelled: number;
  skipped: number;
  todo: number;
}

/**
 * The totals the spec reporter prints last (`ℹ pass 12`, `ℹ fail 0`, ...); the last occurrence wins, so output
 * of the tests themselves cannot shadow them. Read from stdout because a file reporter destination is cut short
 * by --test-force-exit on Node 20.
 */
export function parseSpecCounts(output: string): RunCounts | undefined {
  const counts: RunCounts = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  let found = false;
  for (const match of output.matchAll(/^ℹ (pass|fail|cancelled|skipped|todo) (\d+)$/gm)) {
    counts[match[1] as keyof RunCounts] = Number(match[2]);
    found = true;
  }
  return found ? counts : undefined;
}

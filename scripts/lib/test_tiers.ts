/**
 * What `npm test` runs, as data: the tiers, in order. The test tiers are jest projects of the same name
 * (jest.config.js says which files each holds); run_tests.ts only executes this list and reads jest's JSON
 * results through `countsFromJest`.
 */
import type { EngineName } from './opensearch_node';

/**
 * The Dashboards 3.x release the build tier also builds a zip for and the conformance tier checks on a 3.x
 * page (React 18.2, OUI 1.22: both arrived by 3.6). 2.19's is DEFAULT_OSD_VERSION.
 */
export const OSD3_VERSION = '3.6.0';

export type TierName =
  'static' | 'build' | 'unit' | 'integration' | 'conformance' | 'browser' | 'engines';

export interface Tier {
  name: TierName;
  /** Needs OPENSEARCH_URL and MOTO_URL (the orchestrator starts one node and one moto for all such tiers). */
  needsServices: boolean;
  /**
   * The other engines its tests get (scripts/lib/engines.ts: ES7_URL, OS3_URL, SECURE_URL, SECURE3_URL and the
   * secure engines' users), started once for the run in parallel with the first tiers.
   */
  engines?: readonly EngineName[];
  /** The jest projects it runs; default: the one of the tier's name. */
  projects?: readonly string[];
  /** Runs the jest project of the tier's name; false for the tiers that run commands (static, build). */
  jest: boolean;
}

export const TIERS: readonly Tier[] = [
  { name: 'static', needsServices: false, jest: false },
  { name: 'build', needsServices: false, jest: false },
  { name: 'unit', needsServices: false, jest: true },
  // The security tests (routes, CLI, tenants) run against the secure engines: 2.19, and 3.4 whose security
  // plugin answers `?perform_permission_check=true`.
  { name: 'integration', needsServices: true, jest: true, engines: ['secure', 'secure3'] },
  // On a 2.19 page (React 16.14, OUI 1.19) and on a 3.x page (React 18.2, OUI 1.22, the 3.x zip).
  {
    name: 'conformance',
    needsServices: true,
    jest: true,
    projects: ['conformance', 'conformance-osd3'],
  },
  // The setup page for a read-only user runs on the 3.4 secure engine (test/browser/setup_read_only_user).
  { name: 'browser', needsServices: true, jest: true, engines: ['secure3'] },
  // The cross-engine suite (test/engines/): the same scenarios on every engine.
  {
    name: 'engines',
    needsServices: true,
    jest: true,
    engines: ['es7', 'os3', 'secure', 'secure3'],
  },
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
  passed: number;
  failed: number;
  skipped: number;
}

/** The part of jest's `--json` aggregated result the orchestrator reads. */
export interface JestAggregatedResult {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  /** Files that failed before or outside any test (a syntax error, a throw at load, a failing hook). */
  numRuntimeErrorTestSuites: number;
}

/**
 * A tier's totals from jest's own results: a file that could not run counts as one failure, since its tests
 * never reported.
 */
export function countsFromJest(result: JestAggregatedResult): RunCounts {
  return {
    passed: result.numPassedTests,
    failed: result.numFailedTests + result.numRuntimeErrorTestSuites,
    skipped: result.numPendingTests + (result.numTodoTests ?? 0),
  };
}

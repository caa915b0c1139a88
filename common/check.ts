/**
 * The one model of "a check", shared by every report the plugin makes (the index report, the AWS wiring
 * report, and the dashboards and failed-record checks) and by every door that shows one (the CLI renderer in
 * `cli/check_render.ts`, the `CheckItem` component in `public/components/checks/`).
 *
 * - One status scale. pass/warn/fail are what we found; unknown means we could not find out (no permission, a
 *   timeout, a service that no longer answers); skipped means there was nothing to look at (an earlier check
 *   failed, or the door cannot see that part, e.g. the CLI without --dashboards).
 * - One remedy shape: the sentence to act on, plus every way we know to do it (a fix the plugin makes itself,
 *   the CLI command, the AWS console path, the docs, the HTTP request for Dev Tools).
 * - Evidence typed per check id. A report declares a map from its check ids to evidence types and takes
 *   `ChecksOf<Map>` as its check type: narrowing on `check.id` gives the evidence's real type, so no reader
 *   casts evidence back from JSON. Evidence is JSON when it travels; the renderers show it as labelled values.
 * - One ordering (`worstStatus`) and one verdict (`summarizeChecks`): a group of checks none of which could be
 *   confirmed is `unknown`, never `pass`, whatever the wording of the report's headline.
 */
import { plural } from './plural';
import type { Json } from './validation';

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'unknown', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A fix the plugin can make itself: a button on a page, a flag of `setup` or the `repair` command. */
export type FixAction =
  | { kind: 'install_template' }
  | { kind: 'update_template'; overwrite: boolean }
  | { kind: 'create_index_pattern' }
  | { kind: 'update_index_pattern' }
  | { kind: 'make_default' }
  | { kind: 'repair_indices'; indices: string[] };

export interface Remedy {
  /** What to do, in words a user can act on. */
  text: string;
  /** Present when the plugin can do it. */
  fix?: FixAction;
  /** The command line that does it (or finds out more). */
  command?: string;
  /** Where in the AWS console, e.g. `Amazon Data Firehose > Delivery streams > <name> > Configuration`. */
  console?: string;
  /** A documentation URL. */
  docs?: string;
  /** An HTTP request for Dev Tools, for fixes the plugin does not make itself. */
  request?: string;
  /** For a fix the plugin makes: the rights it needs, and whether the current user has them. */
  rights?: FixRights;
}

/** What a fix needs of the user who makes it (common/fix_permissions.ts), and what we know of the current one. */
export interface FixRights {
  /** The permissions, as the security plugin names them (`cluster: indices:admin/index_template/put`). */
  needs: string[];
  /** true: the current user may make the fix; false: may not (`missing` says why); null: not known. */
  allowed: boolean | null;
  /** What the current user lacks, when known. */
  missing: string[];
  /** How we know, or why we cannot, in one sentence. */
  basis: string;
}

/** The evidence of a check nobody typed more precisely: values read from the cluster or AWS. */
export type Evidence = { [key: string]: Json };

export interface Check<Id extends string = string, E extends object = object> {
  /** Stable id, `<area>.<check>` (e.g. `indices.timestamps`, `firehose.rotation`). */
  id: Id;
  title: string;
  /** What the check is about when one id covers several things: an application id, a stream, an index. */
  subject?: string;
  status: CheckStatus;
  /** One or two sentences saying what was found. */
  message: string;
  /** The values that led to the status. */
  evidence: E;
  remedy?: Remedy;
}

/**
 * The check type of a report, from its map of check id -> evidence type: a union discriminated on `id`.
 * `ChecksOf<{ 'a.b': { n: number } }>` is `Check<'a.b', { n: number }>`.
 */
export type ChecksOf<EvidenceMap> = {
  [Id in keyof EvidenceMap & string]: Check<Id, EvidenceMap[Id] & object>;
}[keyof EvidenceMap & string];

/** Narrow a check of any report to one id, with its typed evidence. */
export function isCheck<C extends Check, Id extends C['id']>(
  check: C,
  id: Id
): check is Extract<C, { id: Id }> {
  return check.id === id;
}

/** skipped < pass < unknown < warn < fail: a group is as bad as its worst check. */
const SEVERITY: Record<CheckStatus, number> = { skipped: 0, pass: 1, unknown: 2, warn: 3, fail: 4 };

/** The status of a group of checks: the worst one; skipped only when everything was skipped (or none). */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'skipped';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

export function countStatuses(
  checks: Iterable<Pick<Check, 'status'>>
): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, skipped: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** The headline words of a report for each verdict, e.g. wiring: `{ pass: 'Wired', fail: 'Not wired' }`. */
export type VerdictWords = Record<CheckStatus, string>;

export const DEFAULT_VERDICT_WORDS: VerdictWords = {
  pass: 'Everything checked is in order',
  warn: 'Works, with things to look at',
  fail: 'Needs fixing',
  unknown: 'Could not find out',
  skipped: 'Nothing was checked',
};

export interface CheckSummary {
  /**
   * The report's verdict. Like worstStatus, except that warnings without a single confirmed pass next to
   * checks we could not run are `unknown`: "wired, with things to look at" must not be said of a pipeline of
   * which nothing was seen working.
   */
  status: CheckStatus;
  counts: Record<CheckStatus, number>;
  total: number;
  /** `<verdict words>: 1 warning, 3 unknown, 2 passed`. */
  headline: string;
}

export function summarizeChecks(
  checks: readonly Pick<Check, 'status'>[],
  words: Partial<VerdictWords> = {}
): CheckSummary {
  const counts = countStatuses(checks);
  let status = worstStatus(checks.map((c) => c.status));
  if (status === 'warn' && counts.pass === 0 && counts.unknown > 0) status = 'unknown';
  const all = { ...DEFAULT_VERDICT_WORDS, ...words };
  return {
    status,
    counts,
    total: checks.length,
    headline: `${all[status]}: ${countsText(counts)}`,
  };
}

/** `1 failure, 2 warnings, 1 unknown, 3 passed` — zero counts left out, worst first. */
export function countsText(counts: Record<CheckStatus, number>): string {
  const parts = [
    counts.fail > 0 && plural(counts.fail, 'failure'),
    counts.warn > 0 && plural(counts.warn, 'warning'),
    counts.unknown > 0 && `${counts.unknown} unknown`,
    counts.pass > 0 && `${counts.pass} passed`,
    counts.skipped > 0 && `${counts.skipped} skipped`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

/** The check of a report with this id, its evidence typed: `findCheck(report.checks, 'template')?.evidence.diff`. */
export function findCheck<C extends Check, Id extends C['id']>(
  checks: readonly C[],
  id: Id
): Extract<C, { id: Id }> | undefined {
  return checks.find((c): c is Extract<C, { id: Id }> => isCheck(c, id));
}

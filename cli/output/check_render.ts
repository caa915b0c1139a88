/**
 * The one terminal rendering of a check (common/check.ts), for every report the CLI prints: a status mark and
 * the message, then, for anything not passing, the evidence as labelled values and every way to fix it.
 * A report may give its own lines for the evidence of some checks (the template's field diff) — typed per
 * check, so nothing is cast back from JSON.
 */
import type { Check, CheckSummary, FixRights } from '../../common/check';
import { colours, statusMark, type Colours } from './colour';

const MAX_VALUE = 160;
/** Lists in evidence show this many items, then `(+N more)`. */
const MAX_ITEMS = 5;

export interface RenderOptions<C extends Check = Check> {
  colours?: Colours;
  /** Left margin of the check's first line; continuation lines get four more spaces. */
  indent?: string;
  /**
   * Lines for this check's evidence instead of the generic labelled values; undefined: the generic ones.
   * Unlike the generic ones they are printed for a passing check too.
   */
  evidence?: (check: C) => string[] | undefined;
  /** Evidence keys left out of the generic rendering (shown by a report-specific renderer, or too big). */
  hide?: readonly string[];
}

/** `badCount` -> `bad count`, `index_patterns` -> `index patterns`. */
export function label(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function cut(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A value on one line: scalars as they are, small objects as `k: v, k: v`, lists cut with a count. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return cut(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const shown = value
      .slice(0, MAX_ITEMS)
      .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
    const more = value.length > MAX_ITEMS ? ` (+${value.length - MAX_ITEMS} more)` : '';
    return cut(`${shown.join(', ')}${more}`);
  }
  return cut(
    Object.entries(value)
      .map(
        ([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`
      )
      .join(', ')
  );
}

export function evidenceLines(
  evidence: object,
  indent: string,
  hide: readonly string[] = []
): string[] {
  return Object.entries(evidence)
    .filter(([key]) => !hide.includes(key))
    .map(([key, value]) => `${indent}${label(key)}: ${valueText(value)}`);
}

/** What the fix needs, and whether the current user has it. */
function rightsLines(rights: FixRights, indent: string, c: Colours): string[] {
  const needs = `${indent}needs: ${rights.needs.join(', ')}`;
  if (rights.allowed === true) return [`${needs} (you have them)`];
  if (rights.allowed === false) {
    const missing = rights.missing.length > 0 ? rights.missing : rights.needs;
    return [
      needs,
      `${indent}${c.bold('you may not make this fix:')} missing ${missing.join(', ')}. ${rights.basis}`,
    ];
  }
  return [needs, `${indent}rights: ${rights.basis}`];
}

export function renderCheck<C extends Check>(check: C, options: RenderOptions<C> = {}): string[] {
  const c = options.colours ?? colours(false);
  const indent = options.indent ?? '';
  const more = `${indent}      `;
  const subject = check.subject ? ` (${check.subject})` : '';
  const lines = [
    `${indent}${statusMark(c, check.status)}  ${c.bold(check.title)}${subject}: ${check.message}`,
  ];
  const own = options.evidence?.(check);
  if (check.status === 'pass' || check.status === 'skipped') {
    // A passing check's generic evidence is noise; a report's own lines for it are there to be read.
    if (own) lines.push(...own);
    if (check.status === 'skipped' && check.remedy?.command)
      lines.push(`${more}run: ${check.remedy.command}`);
    return lines;
  }
  lines.push(...(own ?? evidenceLines(check.evidence, more, options.hide)));
  const r = check.remedy;
  if (r) {
    lines.push(`${more}${c.bold('fix:')} ${r.text}`);
    if (r.rights) lines.push(...rightsLines(r.rights, more, c));
    if (r.command) lines.push(`${more}run: ${r.command}`);
    if (r.console) lines.push(`${more}console: ${r.console}`);
    if (r.request) lines.push(...r.request.split('\n').map((l) => `${more}dev tools: ${l}`));
    if (r.docs) lines.push(`${more}docs: ${r.docs}`);
  }
  return lines;
}

/** The headline and what to do first: the first failing (else warning) check's remedy. */
export function renderSummary(
  summary: CheckSummary,
  checks: readonly Check[],
  c: Colours = colours(false)
): string[] {
  const lines = [`${statusMark(c, summary.status)}  ${summary.headline}`];
  // A fix the user may not make is not their next step (the report's rights check says whom to ask).
  const actionable = checks.filter((x) => x.remedy && x.remedy.rights?.allowed !== false);
  const first =
    actionable.find((x) => x.status === 'fail') ??
    actionable.find((x) => x.status === 'warn') ??
    actionable.find((x) => x.status === 'unknown');
  if (first?.remedy) lines.push(`      next: ${first.remedy.command ?? first.remedy.text}`);
  return lines;
}

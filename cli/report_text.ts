/** The index report for a terminal: the headline, then each check as cli/output/check_render.ts draws it. */
import { plural } from '../common/plural';
import type {
  IndexCheck,
  IndexEvidence,
  LegacyTemplateDifference,
  ValidationReport,
} from '../common/report';
import type { TemplateDiffEntry } from '../common/template_normalize';
import { renderCheck, renderSummary } from './output/check_render';
import { colours, type Colours } from './output/colour';

export function formatDiff(diff: readonly TemplateDiffEntry[], indent = '      '): string[] {
  return diff.map((d) => {
    if (d.ours === undefined) return `${indent}- ${d.path}: ${d.installed} (installed only)`;
    if (d.installed === undefined) return `${indent}+ ${d.path}: ${d.ours} (ours only)`;
    return `${indent}~ ${d.path}: installed ${d.installed} -> ours ${d.ours}`;
  });
}

const EFFECT_TEXT: Record<LegacyTemplateDifference['effect'], string> = {
  ours: 'ours wins (higher order)',
  theirs: 'theirs wins (higher order)',
  undecided: 'same order: either may win',
  added: 'applies (ours does not set it)',
  ignored: 'not applied (a composable template matches)',
};

/** Each other legacy template's fields that differ from ours, and who wins each. */
export function formatLegacyDifferences(
  legacy: IndexEvidence['template.overlapping']['legacy'],
  indent = '      '
): string[] {
  return legacy.flatMap((t) => [
    `${indent}${t.name} (order ${t.order}, ${t.applies ? 'applies now' : 'not applied'}): ${plural(t.differenceCount, 'field')} set differently from ours`,
    ...t.differences.map(
      (d) =>
        `${indent}  ~ ${d.path}: theirs ${d.theirs}, ours ${d.ours ?? '(not set)'}: ${EFFECT_TEXT[d.effect]}`
    ),
    ...(t.differenceCount > t.differences.length
      ? [`${indent}  (+${t.differenceCount - t.differences.length} more)`]
      : []),
  ]);
}

/** The template's evidence is its field diff, the overlapping legacy templates' theirs; the rest is drawn as labelled values. */
function indexEvidence(check: IndexCheck): string[] | undefined {
  if (check.id === 'template' && check.evidence.diff.length > 0) {
    const { diff, diffCount } = check.evidence;
    const more = diffCount > diff.length ? [`        (+${diffCount - diff.length} more)`] : [];
    return ['      diff:', ...formatDiff(diff, '        '), ...more];
  }
  if (
    check.id === 'template.overlapping' &&
    check.evidence.legacy.some((t) => t.differenceCount > 0)
  ) {
    const composable = check.evidence.composable.map(
      (t) =>
        `      composable ${t.name} (priority ${t.priority}): never applied to ${check.evidence.index}`
    );
    return [...composable, ...formatLegacyDifferences(check.evidence.legacy)];
  }
  return undefined;
}

export function formatIndexCheck(check: IndexCheck, c?: Colours): string[] {
  return renderCheck(check, { colours: c, evidence: indexEvidence });
}

export function formatReport(
  report: ValidationReport,
  opensearchUrl: string,
  c: Colours = colours(false)
): string {
  const lines = [
    `Pinpoint index check: prefix ${report.prefix} (pattern ${report.pattern}) on ${report.cluster.distribution} ${report.cluster.version} at ${opensearchUrl}`,
    ...renderSummary(report.summary, report.checks, c),
    '',
    ...report.checks.flatMap((check) => formatIndexCheck(check, c)),
  ];
  return `${lines.join('\n')}\n`;
}

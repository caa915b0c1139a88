/** The index report for a terminal: the headline, then each check as cli/output/check_render.ts draws it. */
import type { IndexCheck, ValidationReport } from '../common/report';
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

/** The template's evidence is its field diff; every other check's evidence is drawn as labelled values. */
function indexEvidence(check: IndexCheck): string[] | undefined {
  if (check.id === 'template' && check.evidence.diff.length > 0) {
    const { diff, diffCount } = check.evidence;
    const more = diffCount > diff.length ? [`        (+${diffCount - diff.length} more)`] : [];
    return ['      diff:', ...formatDiff(diff, '        '), ...more];
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

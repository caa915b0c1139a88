/** The validation report for a terminal: one block per finding, the fix spelled out, evidence kept short. */
import type { Finding, FindingStatus, ValidationReport } from '../common/report';
import type { TemplateDiffEntry } from '../common/template_normalize';
import type { Json } from '../common/validation';

const LABEL: Record<FindingStatus, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL' };
const MAX_LINE = 160;

function short(value: Json): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 3)}...` : text;
}

export function formatDiff(diff: readonly TemplateDiffEntry[], indent = '      '): string[] {
  return diff.map((d) => {
    if (d.ours === undefined || d.ours === null)
      return `${indent}- ${d.path}: ${d.installed} (installed only)`;
    if (d.installed === undefined || d.installed === null)
      return `${indent}+ ${d.path}: ${d.ours} (ours only)`;
    return `${indent}~ ${d.path}: installed ${d.installed} -> ours ${d.ours}`;
  });
}

function evidenceLines(f: Finding): string[] {
  if (f.id === 'template' && Array.isArray(f.evidence.diff) && f.evidence.diff.length > 0) {
    return ['    diff:', ...formatDiff(f.evidence.diff as unknown as TemplateDiffEntry[])];
  }
  if (f.status === 'ok') return [];
  return Object.entries(f.evidence).map(([k, v]) => `    ${k}: ${short(v)}`);
}

export function formatFinding(f: Finding): string[] {
  const lines = [`${LABEL[f.status]}  ${f.title}: ${f.summary}`, ...evidenceLines(f)];
  if (f.remedy && f.status !== 'ok') {
    lines.push(`    fix: ${f.remedy.text}`);
    if (f.remedy.command) lines.push(`    run: ${f.remedy.command}`);
    if (f.remedy.request)
      lines.push(...f.remedy.request.split('\n').map((l) => `    dev tools: ${l}`));
  }
  return lines;
}

export function formatReport(report: ValidationReport, opensearchUrl: string): string {
  const counts = { ok: 0, warn: 0, fail: 0 };
  for (const f of report.findings) counts[f.status] += 1;
  const lines = [
    `Pinpoint index check: prefix ${report.prefix} (pattern ${report.pattern}) on ${report.cluster.distribution} ${report.cluster.version} at ${opensearchUrl}`,
    '',
    ...report.findings.flatMap(formatFinding),
  ];
  for (const s of report.skipped) lines.push(`SKIP  ${s.reason}`);
  lines.push('', `${counts.fail} failing, ${counts.warn} warning, ${counts.ok} ok`);
  return `${lines.join('\n')}\n`;
}

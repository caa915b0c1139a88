/** What a hop says at a glance in the strip: one short line, the detail is below. */
import { plural } from '../../../../common/plural';
import type { WiringHop } from '../../../../common/wiring_types';

export function hopLine(hop: WiringHop): string {
  const checks = hop.checks;
  if (checks.length === 0) return 'Not checked';
  if (hop.status === 'skipped') return checks[0].message;
  const issues = checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped');
  if (issues.length === 0) return `${plural(checks.length, 'check')} passed`;
  const worst = issues.find((c) => c.status === hop.status) ?? issues[0];
  return issues.length === 1 ? worst.title : `${worst.title} (+${issues.length - 1} more)`;
}

/** The hop a reader wants first: the first failing one, else the first with a warning, else the first. */
export function firstHopToRead(hops: readonly WiringHop[]): string | undefined {
  for (const status of ['fail', 'warn', 'unknown'] as const) {
    const hop = hops.find((h) => h.status === status);
    if (hop) return hop.id;
  }
  return hops[0]?.id;
}

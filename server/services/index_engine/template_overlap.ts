/**
 * Would installing our template for a prefix make two templates fight over someone's daily indices? Composable
 * templates do not merge: for an index matching several, the one with the highest priority applies alone. Our
 * priority grows with the prefix length, so `pinpoint-2026*` (113) silently takes `pinpoint-2026-12-02` away
 * from `pinpoint*` (108): the archive of prefix `pinpoint` then gets another template on some days.
 *
 * A conflict is a template (ours or anyone's) that, for the next daily index of either prefix, would win where
 * the other should: another template matching our next daily index with a priority not below ours (ours would
 * not apply), or ours outranking another on that other's next daily index (we would take its indices). A more
 * specific prefix winning for its own indices is the intended design and not a conflict.
 */
import { matchesIndexPattern, nextDailyIndexName } from '../../../common/index_naming';
import type { ComposableEntry, TemplateCatalog } from './template_catalog';

export interface TemplateConflict {
  name: string;
  priority: number;
  index_patterns: string[];
  /** The daily index both would match, and who would win it. */
  index: string;
  winner: string;
}

const matchesAny = (index: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => matchesIndexPattern(index, p));

/** The prefix whose dailies a pattern is for: `pinpoint*` -> `pinpoint`, `logs-*` -> `logs`; none for `*`. */
function prefixOf(pattern: string): string | undefined {
  const literal = pattern.split('*')[0].replace(/[-_]+$/, '');
  return literal.length > 0 ? literal : undefined;
}

export function templateConflicts(
  catalog: TemplateCatalog,
  ours: { name: string; prefix: string; priority: number; index_patterns: string[] },
  now: Date
): TemplateConflict[] {
  const ourNext = nextDailyIndexName(ours.prefix, now);
  const conflicts: TemplateConflict[] = [];
  for (const t of catalog.composable) {
    if (t.name === ours.name) continue;
    const patterns = t.body.index_patterns ?? [];
    const priority = t.body.priority ?? 0;
    const entry = (index: string, winner: string): TemplateConflict => ({
      name: t.name,
      priority,
      index_patterns: patterns,
      index,
      winner,
    });
    if (matchesAny(ourNext, patterns) && priority >= ours.priority) {
      conflicts.push(entry(ourNext, t.name));
      continue;
    }
    const theirNext = theirNextDaily(t, now);
    const stolen = theirNext.find(
      (index) => matchesAny(index, ours.index_patterns) && ours.priority > priority
    );
    if (stolen) conflicts.push(entry(stolen, ours.name));
  }
  return conflicts;
}

function theirNextDaily(t: ComposableEntry, now: Date): string[] {
  return (t.body.index_patterns ?? [])
    .map(prefixOf)
    .filter((p): p is string => p !== undefined)
    .map((p) => nextDailyIndexName(p, now))
    .filter((index) => matchesAny(index, t.body.index_patterns ?? []));
}

/** One sentence per conflict, for the refusal. */
export function describeConflicts(ourName: string, conflicts: readonly TemplateConflict[]): string {
  return conflicts
    .map((c) =>
      c.winner === ourName
        ? `${ourName} would outrank ${c.name} (priority ${c.priority}, ${c.index_patterns.join(', ')}) on ${c.index}, so that index would no longer get ${c.name}`
        : `${c.name} (priority ${c.priority}, ${c.index_patterns.join(', ')}) outranks ${ourName} on ${c.index}, so ${ourName} would not apply there`
    )
    .join('; ');
}

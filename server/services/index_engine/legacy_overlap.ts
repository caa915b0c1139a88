/**
 * What another legacy template matching our indices (the seed's `default_template`, a team's own) sets
 * differently from ours, and who wins each field once ours is installed. It is the user's template: we never
 * change or delete it, we say what it does.
 *
 * - Our template is composable (OpenSearch): a composable template matching an index makes OpenSearch ignore
 *   every legacy one, so all it sets is `ignored` for new indices. That is worth seeing: a setting or alias
 *   someone relied on silently stops applying.
 * - Our template is legacy too (Elasticsearch 6.8/7.x): legacy templates merge, lowest `order` first, so a
 *   field both set goes to the higher order (`ours` or `theirs`; equal orders merge in no defined order,
 *   `undecided`), and what only theirs sets still applies (`added`).
 */
import type { LegacyTemplateDifference } from '../../../common/report';
import type { TemplateFlavor } from '../../../common/template';
import { flattenLegacyTemplate, type FlatTemplate } from '../../../common/template_normalize';

/** The parts of a template that reach an index; name, patterns, order and version do not. */
const APPLIED_PARTS = ['mappings.', 'settings.', 'aliases.'];

/** At most this many differences per template travel in the evidence; the count is complete. */
export const MAX_LEGACY_DIFFERENCES = 50;

export interface LegacyComparison {
  differenceCount: number;
  differences: LegacyTemplateDifference[];
}

export function compareLegacyTemplate(
  theirs: { body: Record<string, unknown>; order: number },
  ours: { flat: FlatTemplate; flavor: TemplateFlavor; order: number }
): LegacyComparison {
  const flat = flattenLegacyTemplate(theirs.body);
  const differences: LegacyTemplateDifference[] = [];
  for (const path of Object.keys(flat).sort()) {
    if (!APPLIED_PARTS.some((part) => path.startsWith(part))) continue;
    const mine = ours.flat[path];
    if (mine === flat[path]) continue;
    differences.push({
      path,
      theirs: flat[path],
      ours: mine ?? null,
      effect: effectOf(mine !== undefined, theirs.order, ours),
    });
  }
  return {
    differenceCount: differences.length,
    differences: differences.slice(0, MAX_LEGACY_DIFFERENCES),
  };
}

function effectOf(
  bothSet: boolean,
  theirOrder: number,
  ours: { flavor: TemplateFlavor; order: number }
): LegacyTemplateDifference['effect'] {
  if (ours.flavor === 'composable') return 'ignored';
  if (!bothSet) return 'added';
  if (ours.order === theirOrder) return 'undecided';
  return ours.order > theirOrder ? 'ours' : 'theirs';
}

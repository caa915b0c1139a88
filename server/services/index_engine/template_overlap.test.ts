import { describe, expect, it } from '@jest/globals';
import { templatePriority } from '../../../common/template';
import type { TemplateCatalog } from './template_catalog';
import { templateConflicts } from './template_overlap';

const NOW = new Date('2026-12-01T10:00:00Z');

function ours(prefix: string) {
  return {
    name: `${prefix}-events`,
    prefix,
    priority: templatePriority(prefix),
    index_patterns: [`${prefix}*`],
  };
}

function catalogOf(...prefixes: string[]): TemplateCatalog {
  return {
    composable: prefixes.map((p) => ({
      name: `${p}-events`,
      body: { index_patterns: [`${p}*`], priority: templatePriority(p) },
    })),
    legacy: [],
  };
}

describe('templateConflicts', () => {
  // Bug 2: apply with prefix pinpoint-2026 installed pinpoint-2026-events, which outranks pinpoint-events on
  // pinpoint-2026-12-02 (a daily index of prefix pinpoint); check then failed on our own template.
  it('a longer prefix of ours taking the dailies of an existing one is a conflict', () => {
    const c = templateConflicts(catalogOf('pinpoint'), ours('pinpoint-2026'), NOW);
    expect(c).toEqual([
      expect.objectContaining({
        name: 'pinpoint-events',
        index: 'pinpoint-2026-12-02',
        winner: 'pinpoint-2026-events',
      }),
    ]);
  });

  it('and the other way round: an existing template outranking ours on our next daily index', () => {
    const c = templateConflicts(catalogOf('pinpoint-2026'), ours('pinpoint'), NOW);
    expect(c).toEqual([
      expect.objectContaining({ name: 'pinpoint-2026-events', winner: 'pinpoint-2026-events' }),
    ]);
  });

  it('prefixes that only share their start are not a conflict (pinpoint and pinpoint_eu)', () => {
    expect(templateConflicts(catalogOf('pinpoint'), ours('pinpoint_eu'), NOW)).toEqual([]);
    expect(templateConflicts(catalogOf('pinpoint_eu'), ours('pinpoint'), NOW)).toEqual([]);
  });

  it('a catch-all template below ours is not a conflict; one above it is', () => {
    const low: TemplateCatalog = {
      composable: [{ name: 'all', body: { index_patterns: ['*'], priority: 0 } }],
      legacy: [],
    };
    expect(templateConflicts(low, ours('pinpoint'), NOW)).toEqual([]);
    const high: TemplateCatalog = {
      composable: [{ name: 'all', body: { index_patterns: ['*'], priority: 500 } }],
      legacy: [],
    };
    expect(templateConflicts(high, ours('pinpoint'), NOW)).toHaveLength(1);
  });

  it('ignores our own template of the same name', () => {
    expect(templateConflicts(catalogOf('pinpoint'), ours('pinpoint'), NOW)).toEqual([]);
  });
});

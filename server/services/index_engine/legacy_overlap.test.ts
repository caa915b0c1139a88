import { describe, expect, it } from '@jest/globals';
import {
  buildIndexTemplate,
  buildLegacyTemplate,
  templatePriority,
} from '../../../common/template';
import {
  flattenComposableTemplate,
  flattenLegacyTemplate,
} from '../../../common/template_normalize';
import { overlappingCheck, type OurTemplate } from './findings_template';
import { compareLegacyTemplate } from './legacy_overlap';
import type { EffectiveTemplate } from './simulate';
import type { TemplateCatalog } from './template_catalog';

const PREFIX = 'pinpoint';
const ORDER = templatePriority(PREFIX);

/** The walkthrough's step 5, as the seed's README has it: ours maps arrival_timestamp the same way. */
const SEED = {
  index_patterns: ['pinpoint*'],
  order: 1,
  mappings: { properties: { arrival_timestamp: { type: 'date', format: 'epoch_millis' } } },
};
/** A team's variant of it: another format, one field of their own and a setting. */
const VARIANT = {
  index_patterns: ['pinpoint*'],
  order: 1,
  settings: { index: { refresh_interval: '30s' } },
  mappings: {
    properties: {
      arrival_timestamp: { type: 'date', format: 'strict_date_optional_time' },
      team: { type: 'keyword' },
    },
  },
};

function ours(flavor: 'legacy' | 'composable', installed = true): OurTemplate {
  const flat =
    flavor === 'legacy'
      ? flattenLegacyTemplate({ ...buildLegacyTemplate(PREFIX) })
      : flattenComposableTemplate({ ...buildIndexTemplate(PREFIX) });
  return { name: 'pinpoint-events', flavor, flat, order: ORDER, installed };
}

function effective(applies: boolean, ...legacy: Array<[string, number]>): EffectiveTemplate {
  return {
    index: 'pinpoint-2026-12-02',
    source: { kind: 'legacy', names: legacy.map(([n]) => n) },
    mappings: {},
    shadowedComposable: [],
    legacy: legacy.map(([name, order]) => ({
      name,
      order,
      index_patterns: ['pinpoint*'],
      applies,
    })),
  };
}

const catalogOf = (...entries: Array<[string, Record<string, unknown>]>): TemplateCatalog => ({
  composable: [],
  legacy: entries.map(([name, body]) => ({
    name,
    body: body as TemplateCatalog['legacy'][number]['body'],
  })),
});

describe('compareLegacyTemplate', () => {
  it("the seed's default_template sets nothing differently from ours", () => {
    expect(compareLegacyTemplate({ body: SEED, order: 1 }, ours('legacy'))).toEqual({
      differenceCount: 0,
      differences: [],
    });
  });

  it('a field both set goes to the higher order: ours over order 1', () => {
    const c = compareLegacyTemplate({ body: VARIANT, order: 1 }, ours('legacy'));
    expect(c.differences).toContainEqual({
      path: 'mappings.properties.arrival_timestamp.format',
      theirs: 'strict_date_optional_time',
      ours: 'epoch_millis',
      effect: 'ours',
    });
  });

  it('a higher order wins, an equal order is undecided, a field only theirs sets is added', () => {
    const body = VARIANT;
    const above = compareLegacyTemplate({ body, order: ORDER + 1 }, ours('legacy'));
    expect(Object.fromEntries(above.differences.map((d) => [d.path, d.effect]))).toEqual({
      'mappings.properties.arrival_timestamp.format': 'theirs',
      'mappings.properties.team.type': 'added',
      'settings.index.refresh_interval': 'added',
    });
    const tie = compareLegacyTemplate({ body, order: ORDER }, ours('legacy'));
    expect(tie.differences.find((d) => d.ours !== null)?.effect).toBe('undecided');
  });

  it('beside a composable template of ours, everything a legacy template sets is ignored', () => {
    const c = compareLegacyTemplate({ body: VARIANT, order: 1 }, ours('composable'));
    expect(c.differences.map((d) => d.effect)).toEqual(['ignored', 'ignored', 'ignored']);
  });

  it('fields set the same way are not differences; names, patterns and order never are', () => {
    const same = {
      index_patterns: ['pinpoint-*'],
      order: 7,
      settings: buildLegacyTemplate(PREFIX).settings,
    };
    expect(compareLegacyTemplate({ body: same, order: 7 }, ours('legacy')).differenceCount).toBe(0);
  });
});

describe('overlappingCheck with legacy templates', () => {
  it("Elasticsearch: the seed's template keeps applying and is recognised as setting nothing else", () => {
    const check = overlappingCheck(
      ours('legacy'),
      effective(true, ['default_template', 1]),
      catalogOf(['default_template', SEED])
    );
    expect(check.status).toBe('pass');
    expect(check.message).toBe(
      'default_template (order 1) also applies (legacy templates merge by order), and sets nothing differently from ours.'
    );
    expect(check.evidence.legacy[0]).toMatchObject({ applies: true, differenceCount: 0 });
  });

  it('Elasticsearch: a variant keeps applying, ours decides the field both set: a pass, with the diff', () => {
    const check = overlappingCheck(
      ours('legacy'),
      effective(true, ['default_template', 1]),
      catalogOf(['default_template', VARIANT])
    );
    expect(check.status).toBe('pass');
    expect(check.message).toBe(
      'default_template (order 1) also applies (legacy templates merge by order): ours (order 108) decides the 1 field (mappings.properties.arrival_timestamp.format) both set, and it adds 2 fields ours does not set.'
    );
    expect(check.evidence.legacy[0]).toMatchObject({ applies: true, differenceCount: 3 });
    expect(check.remedy?.request).toBe('GET _template/default_template');
  });

  it('Elasticsearch, before ours is installed: says what happens once it is', () => {
    const check = overlappingCheck(
      ours('legacy', false),
      effective(true, ['default_template', 1]),
      catalogOf(['default_template', SEED])
    );
    expect(check.message).toMatch(/^Once ours is installed: default_template/);
  });

  it('Elasticsearch: a template of higher order that takes fields from ours is a warning naming them', () => {
    const check = overlappingCheck(
      ours('legacy'),
      effective(true, ['team_template', 500]),
      catalogOf(['team_template', { ...VARIANT, order: 500 }])
    );
    expect(check.status).toBe('warn');
    expect(check.message).toMatch(
      /team_template \(order 500\) outranks ours \(order 108\) on 1 field/
    );
    expect(check.remedy?.text).toMatch(/order below 108/);
  });

  it('OpenSearch: the ignored seed template says what no longer applies', () => {
    const check = overlappingCheck(
      ours('composable'),
      effective(false, ['default_template', 1]),
      catalogOf(['default_template', VARIANT])
    );
    expect(check.status).toBe('pass');
    expect(check.message).toMatch(/no longer apply to new indices/);
    expect(check.message).toMatch(/3 fields it sets differently from ours are then not applied/);
    expect(check.remedy?.request).toBe('DELETE _template/default_template');
  });
});

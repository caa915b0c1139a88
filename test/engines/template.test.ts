/**
 * The template scenarios on every engine: the seed's order of events (data first, then its legacy
 * `default_template` mapping arrival_timestamp only), the report before and after apply, and the mapping the
 * next daily index really gets, checked by creating it.
 *
 * Where the engines differ (asserted per engine below):
 * - Elasticsearch 7.10 gets our template as a legacy `_template` (OpenSearch: `_index_template`). There the
 *   seed's `default_template` keeps applying: legacy templates merge by `order` and ours (higher order) wins
 *   field by field, so the user's template is left alone, never overwritten or deleted. On OpenSearch the
 *   composable template makes the legacy one inert, and the report says so.
 * - `_simulate_index` answers `{}` on 7.10 and on OpenSearch alike when only legacy templates match: it says
 *   nothing about them, so the effective mapping of the next index is the plugin's own merge by `order`; the
 *   test compares that merge with the index a real create produces.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { findCheck } from '../../common/check';
import type { IndexCheck, ValidationReport } from '../../common/report';
import { dailyIndexName } from '../../common/index_naming';
import { templateName } from '../../common/template';
import { utcDay } from '../../dev/demo/pinpoint_events';
import { applySetup, buildReport } from '../../server/services/index_engine';
import {
  cleanupPrefix,
  putSeedLegacyTemplate,
  seedBeforeTemplate,
} from '../support/index_engine_fixtures';
import {
  allEnginesUnderTest,
  enginePrefix,
  type EngineUnderTest,
} from './support/engines_under_test';

const OPTIONS = { template: true, overwrite: false, indexPattern: false, makeDefault: false };

function check<Id extends IndexCheck['id']>(
  report: ValidationReport,
  id: Id
): Extract<IndexCheck, { id: Id }> {
  const found = findCheck(report.checks, id);
  assert.ok(found, `check ${id} missing; have ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
}

interface FieldMapping {
  type?: string;
  format?: string;
}

describe.each(allEnginesUnderTest().map((e) => [e.info.label, e] as const))(
  'template on %s',
  (_label, engine: EngineUnderTest) => {
    const prefix = enginePrefix('tpl', engine.name);
    const legacyFlavor = engine.info.distribution === undefined;
    const kind = legacyFlavor ? '_template' : '_index_template';
    let seeded: string[] = [];
    let seedTemplate = '';
    let seedTemplateBody: unknown;

    beforeAll(async () => {
      await cleanupPrefix(engine.client, prefix);
      seeded = await seedBeforeTemplate(engine.client, prefix, { days: 2, perDay: 40 });
      seedTemplate = await putSeedLegacyTemplate(engine.client, prefix);
      seedTemplateBody = (await engine.http('GET', `/_template/${seedTemplate}`)).body;
    });
    afterAll(async () => {
      await cleanupPrefix(engine.client, prefix);
    });

    it('reports the seed failure: no template, the next index mis-mapped, every pre-template index', async () => {
      const report = await buildReport({ client: engine.client }, prefix);
      assert.equal(report.status, 'fail');
      assert.equal(check(report, 'template').status, 'fail');
      const effective = check(report, 'template.effective');
      assert.equal(effective.status, 'fail');
      assert.match(effective.message, /event_timestamp/);
      const timestamps = check(report, 'indices.timestamps');
      assert.equal(timestamps.status, 'fail');
      assert.equal(timestamps.evidence.badCount, seeded.length);
    });

    it(`installs our template as ${kind} and leaves the seed's legacy template as it was`, async () => {
      const result = await applySetup({ client: engine.client }, { prefix, ...OPTIONS });
      assert.equal(result.changed, true);
      assert.match(JSON.stringify(result.steps), new RegExp(`${kind}/${templateName(prefix)}`));
      const ours = await engine.http('GET', `/${kind}/${templateName(prefix)}`);
      assert.equal(ours.status, 200);
      // Never fought: the user's template is byte for byte what it was.
      assert.deepEqual(
        (await engine.http('GET', `/_template/${seedTemplate}`)).body,
        seedTemplateBody
      );

      const again = await applySetup({ client: engine.client }, { prefix, ...OPTIONS });
      assert.equal(again.changed, false, 'apply is idempotent');
    });

    it('validates after apply: template current, the next index maps both timestamps as dates', async () => {
      const report = await buildReport({ client: engine.client }, prefix);
      assert.equal(check(report, 'template').status, 'pass');
      assert.equal(check(report, 'template.effective').status, 'pass');
      const overlapping = check(report, 'template.overlapping');
      assert.equal(overlapping.status, 'pass');
      const legacy = overlapping.evidence.legacy;
      const seed = legacy.find((t) => t.name === seedTemplate);
      assert.ok(seed, `the seed's template is listed: ${JSON.stringify(legacy)}`);
      // Recognised for what it is: the walkthrough's mapping of arrival_timestamp, which ours repeats.
      assert.equal(seed.differenceCount, 0, JSON.stringify(seed.differences));
      if (legacyFlavor) {
        // 7.10: both legacy templates merge; ours wins by order, the user's still applies.
        assert.equal(seed.applies, true);
        assert.match(overlapping.message, /also applies .*sets nothing differently from ours/);
      } else {
        assert.equal(seed.applies, false);
        assert.match(overlapping.message, /no longer apply/);
      }
      // The pre-template indices are still what they were: only a repair changes them.
      assert.equal(check(report, 'indices.timestamps').status, 'fail');
    });

    it("a team's variant of the seed template: the report's field diff is what a new index really gets", async () => {
      const variant = `${prefix}_team_template`;
      await engine.http('PUT', `/_template/${variant}`, {
        index_patterns: [`${prefix}*`],
        order: 2,
        settings: { index: { refresh_interval: '30s' } },
        mappings: {
          properties: {
            arrival_timestamp: { type: 'date', format: 'strict_date_optional_time' },
            team: { type: 'keyword' },
          },
        },
      });
      try {
        const overlapping = check(
          await buildReport({ client: engine.client }, prefix),
          'template.overlapping'
        );
        const entry = overlapping.evidence.legacy.find((t) => t.name === variant);
        assert.ok(entry, JSON.stringify(overlapping.evidence));
        const effects = Object.fromEntries(entry.differences.map((d) => [d.path, d.effect]));
        assert.deepEqual(
          effects,
          legacyFlavor
            ? {
                'mappings.properties.arrival_timestamp.format': 'ours',
                'mappings.properties.team.type': 'added',
                'settings.index.refresh_interval': 'added',
              }
            : {
                'mappings.properties.arrival_timestamp.format': 'ignored',
                'mappings.properties.team.type': 'ignored',
                'settings.index.refresh_interval': 'ignored',
              }
        );
        // What the engine does with a new index of the prefix, field by field.
        const probe = `${prefix}-variant-probe`;
        assert.equal((await engine.http('PUT', `/${probe}`)).status, 200);
        const mapping = await engine.http<
          Record<string, { mappings: { properties: Record<string, FieldMapping> } }>
        >('GET', `/${probe}/_mapping`);
        const props = mapping.body[probe].mappings.properties;
        const settings = await engine.http<
          Record<string, { settings: { index: { refresh_interval?: string } } }>
        >('GET', `/${probe}/_settings`);
        assert.equal(props.arrival_timestamp?.format, 'epoch_millis', 'ours wins or alone applies');
        assert.equal(props.team?.type, legacyFlavor ? 'keyword' : undefined);
        assert.equal(
          settings.body[probe].settings.index.refresh_interval,
          legacyFlavor ? '30s' : undefined
        );
        await engine.http('DELETE', `/${probe}`);
      } finally {
        await engine.http('DELETE', `/_template/${variant}`);
      }
    });

    it('the next daily index really gets the mapping the report predicted', async () => {
      const next = dailyIndexName(prefix, new Date(`${utcDay(new Date(), 1)}T00:00:00Z`));
      const simulated = await engine.http<Record<string, unknown>>(
        'POST',
        `/_index_template/_simulate_index/${next}`
      );
      assert.equal(simulated.status, 200);
      if (legacyFlavor) {
        // Only legacy templates match: the simulate API has nothing to say (the plugin merges them itself).
        assert.deepEqual(simulated.body, {});
      } else {
        assert.ok(simulated.body.template, 'OpenSearch simulates the composable template');
      }
      const created = await engine.http('PUT', `/${next}`);
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const mapping = await engine.http<
        Record<string, { mappings: { properties: Record<string, FieldMapping> } }>
      >('GET', `/${next}/_mapping`);
      const props = mapping.body[next].mappings.properties;
      assert.equal(props.arrival_timestamp?.type, 'date');
      assert.equal(props.event_timestamp?.type, 'date');
      // Ours wins over the seed's `format: epoch_millis` where they overlap (higher order / composable).
      const predicted = check(
        await buildReport({ client: engine.client }, prefix),
        'template.effective'
      );
      const ourArrival = predicted.evidence.dateFieldTypes.arrival_timestamp;
      assert.equal(ourArrival, 'date');
      await engine.http('DELETE', `/${next}`);
    });
  }
);

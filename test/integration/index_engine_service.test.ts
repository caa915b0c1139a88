/**
 * The index engine through its services, on the real OpenSearch node: the seed's failure (events indexed
 * before the template -> long timestamps) is found index by index, apply installs the template and the index
 * pattern idempotently, a changed template is never overwritten without asking, and once the indices are
 * repaired the report is clean.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { buildIndexTemplate, templateName } from '../../common/template';
import { fingerprint, flattenComposableTemplate } from '../../common/template_normalize';
import { findCheck } from '../../common/check';
import type { IndexCheck, ValidationReport } from '../../common/report';
import { ConflictError } from '../../server/errors';
import { applySetup, buildReport } from '../../server/services/index_engine';
import { countingClient, uniquePrefix } from '../support/counting_client';
import { FakeSavedObjects, FakeUiSettings } from '../support/fake_saved_objects';
import {
  cleanupPrefix,
  putSeedLegacyTemplate,
  seedBeforeTemplate,
  simulateRepair,
} from '../support/index_engine_fixtures';

const client = countingClient();
const prefix = uniquePrefix('svc');
const savedObjects = new FakeSavedObjects();
const uiSettings = new FakeUiSettings();
const deps = { client, savedObjects, uiSettings };
const options = {
  prefix,
  template: true,
  overwrite: false,
  indexPattern: false,
  makeDefault: false,
};
let seeded: string[] = [];

function finding<Id extends IndexCheck['id']>(
  report: ValidationReport,
  id: Id
): Extract<IndexCheck, { id: Id }> {
  const f = findCheck(report.checks, id);
  assert.ok(f, `check ${id} missing; have ${report.checks.map((x) => x.id).join(', ')}`);
  return f;
}

function statuses(report: ValidationReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((f) => [f.id, f.status]));
}

describe('index engine services (real OpenSearch)', () => {
  beforeAll(async () => {
    await cleanupPrefix(client, prefix);
    seeded = await seedBeforeTemplate(client, prefix, { days: 3, perDay: 120 });
    await putSeedLegacyTemplate(client, prefix);
  });
  afterAll(async () => {
    await cleanupPrefix(client, prefix);
  });

  it('reports the seed failure: no template, the next index mis-mapped, every pre-template index listed', async () => {
    const report = await buildReport(deps, prefix);
    assert.equal(report.status, 'fail');
    assert.equal(finding(report, 'template').status, 'fail');
    assert.deepEqual(finding(report, 'template').remedy?.fix, { kind: 'install_template' });

    // The seed's legacy template maps arrival_timestamp only: the next index still gets a long event_timestamp.
    const effective = finding(report, 'template.effective');
    assert.equal(effective.status, 'fail');
    assert.match(effective.message, /event_timestamp/);
    assert.equal(effective.evidence.dateFieldTypes.arrival_timestamp, 'date');

    const ts = finding(report, 'indices.timestamps');
    assert.equal(ts.status, 'fail');
    assert.equal(ts.evidence.badCount, seeded.length);
    const bad = ts.evidence.bad;
    assert.deepEqual(
      bad.map((b) => b.index),
      seeded
    );
    for (const b of bad) {
      assert.equal(b.dateFieldTypes.arrival_timestamp, 'long');
      assert.equal(b.dateFieldTypes.event_timestamp, 'long');
    }
    // Today's index is still written by Firehose: offered for repair once its day (and the late window) ends.
    const today = seeded[seeded.length - 1];
    assert.deepEqual(ts.remedy?.fix, { kind: 'repair_indices', indices: seeded.slice(0, -1) });
    assert.match(ts.remedy?.text ?? '', new RegExp(`${today} can be repaired after`));
    assert.equal(finding(report, 'data.freshness').status, 'pass');
    assert.equal(finding(report, 'index_pattern.exists').status, 'fail');
  });

  it('installs the template, and a second apply changes nothing and says so', async () => {
    const first = await applySetup(deps, options);
    assert.equal(first.changed, true);
    assert.equal(first.steps[0].action, 'created');
    const second = await applySetup(deps, options);
    assert.equal(second.changed, false);
    assert.deepEqual(
      second.steps.map((s) => s.action),
      ['unchanged']
    );

    const report = await buildReport(deps, prefix);
    assert.equal(finding(report, 'template').status, 'pass');
    assert.equal(finding(report, 'template.effective').status, 'pass');
    // The seed's legacy template no longer applies once a composable template matches.
    const overlapping = finding(report, 'template.overlapping');
    assert.equal(overlapping.status, 'pass');
    assert.equal((overlapping.evidence.legacy as Array<{ applies: boolean }>)[0].applies, false);
    // Existing indices keep their mapping: the template does not fix them.
    assert.equal(finding(report, 'indices.timestamps').evidence.badCount, seeded.length);
  });

  it('refuses to overwrite a template someone changed, shows the field, and overwrites only when asked', async () => {
    const name = templateName(prefix);
    const edited = buildIndexTemplate(prefix);
    edited.template.mappings.properties = {
      ...(edited.template.mappings.properties as Record<string, unknown>),
      event_type: { type: 'text' },
    };
    await client.transport.request({
      method: 'PUT',
      path: `/_index_template/${name}`,
      body: edited,
    });

    const report = await buildReport(deps, prefix);
    const t = finding(report, 'template');
    assert.equal(t.status, 'warn');
    assert.equal(t.evidence.state, 'modified');
    assert.deepEqual(t.evidence.diff, [
      { path: 'mappings.properties.event_type.ignore_above', ours: '1024' },
      { path: 'mappings.properties.event_type.type', ours: 'keyword', installed: 'text' },
    ]);
    assert.deepEqual(t.remedy?.fix, { kind: 'update_template', overwrite: true });

    await assert.rejects(applySetup(deps, options), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal((error.details?.diff as unknown[]).length, 2);
      return true;
    });
    const still = await client.transport.request<{
      index_templates: Array<{ index_template: typeof edited }>;
    }>({
      method: 'GET',
      path: `/_index_template/${name}`,
    });
    assert.deepEqual(
      (
        still.body.index_templates[0].index_template.template.mappings.properties as Record<
          string,
          unknown
        >
      ).event_type,
      { type: 'text' }
    );

    const overwritten = await applySetup(deps, { ...options, overwrite: true });
    assert.equal(overwritten.steps[0].action, 'updated');
    assert.equal(finding(await buildReport(deps, prefix), 'template').status, 'pass');
  });

  it('updates an unedited older version of ours without overwrite', async () => {
    const older = buildIndexTemplate(prefix);
    older.version = 0;
    const body = {
      ...older,
      template: { ...older.template, settings: { 'index.mapping.total_fields.limit': 1500 } },
    };
    const meta = {
      ...older._meta,
      template_version: 0,
      content_hash: fingerprint(flattenComposableTemplate(body)),
    };
    body.template.mappings = { ...body.template.mappings, _meta: meta };
    await client.transport.request({
      method: 'PUT',
      path: `/_index_template/${templateName(prefix)}`,
      body: { ...body, _meta: meta },
    });

    const t = finding(await buildReport(deps, prefix), 'template');
    assert.equal(t.evidence.state, 'outdated');
    assert.deepEqual(t.remedy?.fix, { kind: 'update_template', overwrite: false });
    const result = await applySetup(deps, options);
    assert.equal(result.steps[0].action, 'updated');
  });

  it('names a composable template of higher priority that would shadow ours', async () => {
    const other = `${prefix}_other`;
    await client.transport.request({
      method: 'PUT',
      path: `/_index_template/${other}`,
      body: {
        index_patterns: [`${prefix}-*`],
        priority: 999,
        template: { mappings: { properties: { x: { type: 'keyword' } } } },
      },
    });
    try {
      const report = await buildReport(deps, prefix);
      const effective = finding(report, 'template.effective');
      assert.equal(effective.status, 'fail');
      assert.match(effective.message, new RegExp(`${other} \\(priority 999\\) outranks`));
    } finally {
      await client.transport.request({ method: 'DELETE', path: `/_index_template/${other}` });
    }
  });

  it('creates the index pattern with a fixed id and arrival_timestamp, makes it default, idempotently', async () => {
    const withPattern = { ...options, indexPattern: true, makeDefault: true };
    const first = await applySetup(deps, withPattern);
    assert.deepEqual(
      first.steps.map((s) => s.action),
      ['unchanged', 'created', 'updated']
    );
    const saved = await savedObjects.get<{ title: string; timeFieldName: string; fields: string }>(
      'index-pattern',
      `${prefix}-events`
    );
    assert.equal(saved.attributes.title, `${prefix}*`);
    assert.equal(saved.attributes.timeFieldName, 'arrival_timestamp');
    assert.ok(
      JSON.parse(saved.attributes.fields).some((f: { name: string }) => f.name === 'event_type')
    );
    assert.equal(await uiSettings.get('defaultIndex'), `${prefix}-events`);

    const writes = savedObjects.writes + uiSettings.writes;
    const second = await applySetup(deps, withPattern);
    assert.equal(second.changed, false);
    assert.equal(savedObjects.writes + uiSettings.writes, writes);

    const report = await buildReport(deps, prefix);
    for (const id of [
      'index_pattern.exists',
      'index_pattern.title',
      'index_pattern.time_field',
      'index_pattern.fields',
      'index_pattern.default',
    ] as const) {
      assert.equal(finding(report, id).status, 'pass', `${id}: ${finding(report, id).message}`);
    }
  });

  it('flags a stale field list and a wrong time field on the stored index pattern', async () => {
    await savedObjects.update('index-pattern', `${prefix}-events`, {
      timeFieldName: 'event_timestamp',
      fields: '[]',
    });
    const report = await buildReport(deps, prefix);
    assert.equal(finding(report, 'index_pattern.time_field').status, 'warn');
    assert.equal(finding(report, 'index_pattern.fields').status, 'warn');
    assert.deepEqual(finding(report, 'index_pattern.fields').remedy?.fix, {
      kind: 'update_index_pattern',
    });
    const result = await applySetup(deps, { ...options, template: false, indexPattern: true });
    assert.equal(result.steps[0].action, 'updated');
    assert.match(result.steps[0].detail, /timeFieldName/);
  });

  it('is clean once every pre-template index is repaired', async () => {
    for (const index of seeded) await simulateRepair(client, index);
    // The repaired copies bring date fields: refresh the stored field list (types changed from number to date).
    const before = await buildReport(deps, prefix);
    assert.equal(finding(before, 'indices.timestamps').status, 'pass');
    assert.equal(finding(before, 'indices.conflicts').status, 'pass');
    await applySetup(deps, { ...options, template: false, indexPattern: true });
    const report = await buildReport(deps, prefix);
    assert.deepEqual(
      report.checks.filter((f) => f.status !== 'pass').map((f) => `${f.id}: ${f.message}`),
      []
    );
    assert.equal(report.status, 'pass');
    assert.deepEqual(statuses(report)['indices.timestamps'], 'pass');
  });
});

/**
 * The shipped ndjson file, read the way Dashboards' import reads it: the committed file is what the generator
 * writes; every line is a 2.x export object with 2.19's migration stamps; every reference resolves inside the
 * file; every field a visualization aggregates on is in the index pattern and, unless scripted, in the
 * template with an aggregatable type; panels that count events say so in their titles.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNdjson } from '../../../dev/host/saved_objects/import_objects';
import { eventMappings } from '../../../common/event_mappings';
import { NDJSON_FILE_NAME, toNdjson } from '../../../common/saved_objects/ndjson';
import { SCRIPTED_FIELD_INPUTS } from '../../../common/saved_objects/scripted_fields';
import {
  MIGRATION_VERSIONS,
  type AggConfig,
  type VisState,
} from '../../../common/saved_objects/types';
import { walkMapping, type IndexMappingBody } from '../index_engine/mapping_walk';
import { shippedObjects } from './shipped_objects';

const FILE = join(__dirname, '..', '..', '..', 'common', 'saved_objects', NDJSON_FILE_NAME);
const text = readFileSync(FILE, 'utf8');
const objects = parseNdjson(text);
const SAFE_TYPES = new Set([
  'metric',
  'table',
  'pie',
  'line',
  'area',
  'histogram',
  'markdown',
  'input_control_vis',
]);
const AGGREGATABLE = new Set([
  'keyword',
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'date',
  'boolean',
  'ip',
]);
const META_FIELDS = new Set(['_index']);

type Attrs = Record<string, unknown> & { kibanaSavedObjectMeta?: { searchSourceJSON: string } };
const byType = (type: string) => objects.filter((o) => o.type === type);
const visStateOf = (o: { attributes: Attrs }) =>
  JSON.parse(String(o.attributes.visState)) as VisState;

function templateLeaves(): Map<string, { type: string; docValues: boolean }> {
  const mapping = eventMappings() as IndexMappingBody;
  const out = new Map<string, { type: string; docValues: boolean }>();
  const docValuesOff = new Set<string>();
  const visit = (props: Record<string, Record<string, unknown>> | undefined, prefix: string) => {
    for (const [name, node] of Object.entries(props ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (node.doc_values === false) docValuesOff.add(path);
      visit(node.properties as Record<string, Record<string, unknown>>, path);
    }
  };
  visit(mapping.properties as Record<string, Record<string, unknown>>, '');
  for (const [path, type] of walkMapping(mapping).types) {
    out.set(path, { type, docValues: !docValuesOff.has(path) });
  }
  return out;
}

describe('the shipped ndjson file', () => {
  it('is what scripts/generate_saved_objects.ts writes (run it after changing a definition)', () => {
    expect(text).toBe(toNdjson(shippedObjects()));
  });

  it('ends with the export summary Dashboards writes, counting every object', () => {
    const last = JSON.parse(text.trim().split('\n').pop()!);
    expect(last).toEqual({
      exportedCount: objects.length,
      missingRefCount: 0,
      missingReferences: [],
    });
    expect(objects.length).toBeGreaterThanOrEqual(20);
  });

  it('holds 2.x export objects: exactly seven keys, 2.19 stamps, ids without underscores, no duplicates', () => {
    const seen = new Set<string>();
    for (const o of objects) {
      expect(Object.keys(o).sort()).toEqual([
        'attributes',
        'id',
        'migrationVersion',
        'references',
        'type',
        'updated_at',
        'version',
      ]);
      expect(Object.keys(MIGRATION_VERSIONS)).toContain(o.type);
      expect(o.migrationVersion).toEqual({
        [o.type]: MIGRATION_VERSIONS[o.type as keyof typeof MIGRATION_VERSIONS],
      });
      expect(o.id).toMatch(/^[a-z0-9-]+$/);
      expect(seen.has(`${o.type}:${o.id}`)).toBe(false);
      seen.add(`${o.type}:${o.id}`);
    }
  });

  it('has the index pattern on arrival_timestamp and the four dashboards', () => {
    const [pattern] = byType('index-pattern');
    expect(pattern.id).toBe('pinpoint-events');
    expect(pattern.attributes).toMatchObject({
      title: 'pinpoint*',
      timeFieldName: 'arrival_timestamp',
    });
    expect(byType('dashboard').map((d) => d.attributes.title)).toEqual([
      'Pinpoint: Campaign overview',
      'Pinpoint: Email deliverability',
      'Pinpoint: SMS delivery and spend',
      'Pinpoint: Pipeline health',
    ]);
  });

  it('stores JSON attributes as strings that parse, and dashboards with relative, restored time ranges', () => {
    for (const v of byType('visualization')) {
      const attrs = v.attributes as Attrs;
      expect(typeof attrs.visState).toBe('string');
      expect(JSON.parse(String(attrs.uiStateJSON))).toEqual({});
      JSON.parse(attrs.kibanaSavedObjectMeta!.searchSourceJSON);
      expect(visStateOf(v).title).toBe(attrs.title);
      expect(SAFE_TYPES.has(visStateOf(v).type)).toBe(true);
    }
    for (const d of byType('dashboard')) {
      const attrs = d.attributes as Attrs;
      expect(Array.isArray(JSON.parse(String(attrs.panelsJSON)))).toBe(true);
      JSON.parse(String(attrs.optionsJSON));
      expect(attrs).toMatchObject({
        timeRestore: true,
        timeTo: 'now',
        refreshInterval: { pause: true, value: 0 },
      });
      expect(String(attrs.timeFrom)).toMatch(/^now-\d+[dh]$/);
    }
  });

  it('resolves every reference inside the file, and every reference name is used', () => {
    const ids = new Set(objects.map((o) => `${o.type}:${o.id}`));
    for (const o of objects) {
      for (const ref of o.references) expect(ids.has(`${ref.type}:${ref.id}`)).toBe(true);
      const names = new Set(o.references.map((r) => r.name));
      const attrs = o.attributes as Attrs;
      if (o.type === 'visualization') {
        const source = JSON.parse(attrs.kibanaSavedObjectMeta!.searchSourceJSON);
        const controls = (visStateOf(o).params.controls ?? []) as Array<{
          indexPatternRefName: string;
        }>;
        const used = [source.indexRefName, ...controls.map((c) => c.indexPatternRefName)].filter(
          Boolean
        );
        expect(new Set(used)).toEqual(names);
      }
      if (o.type === 'dashboard') {
        const panels = JSON.parse(String(attrs.panelsJSON)) as Array<{ panelRefName: string }>;
        expect(new Set(panels.map((p) => p.panelRefName))).toEqual(names);
      }
    }
  });

  it('aggregates only on fields of the pattern that the template maps with doc values', () => {
    const patternFields = new Map(
      (
        JSON.parse(String(byType('index-pattern')[0].attributes.fields)) as Array<{
          name: string;
          scripted: boolean;
          aggregatable: boolean;
        }>
      ).map((f) => [f.name, f])
    );
    const leaves = templateLeaves();
    const checkTemplateField = (name: string) => {
      const leaf = leaves.get(name);
      expect({ name, type: leaf?.type, docValues: leaf?.docValues }).toEqual({
        name,
        type: expect.stringMatching(new RegExp(`^(${[...AGGREGATABLE].join('|')})$`)),
        docValues: true,
      });
    };
    const aggregated: string[] = [];
    for (const v of byType('visualization')) {
      const state = visStateOf(v);
      for (const agg of state.aggs as AggConfig[]) {
        if (typeof agg.params.field === 'string') aggregated.push(agg.params.field);
      }
      for (const c of (state.params.controls ?? []) as Array<{ fieldName: string }>)
        aggregated.push(c.fieldName);
    }
    expect(aggregated.length).toBeGreaterThan(20);
    for (const name of aggregated) {
      const field = patternFields.get(name);
      expect({ name, aggregatable: field?.aggregatable }).toEqual({ name, aggregatable: true });
      if (META_FIELDS.has(name)) continue;
      if (field!.scripted) SCRIPTED_FIELD_INPUTS[name].forEach(checkTemplateField);
      else checkTemplateField(name);
    }
  });

  it('titles every panel that counts events as an event count', () => {
    for (const v of byType('visualization')) {
      const state = visStateOf(v);
      if (state.aggs.some((a) => a.type === 'count' && a.schema === 'metric')) {
        expect(String(v.attributes.title)).toMatch(/events/i);
      }
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { EVENT_DATE_FIELDS } from './event_mappings';
import {
  buildIndexTemplate,
  buildLegacyTemplate,
  templateFlavorFor,
  templateName,
  templatePriority,
  TOTAL_FIELDS_LIMIT,
} from './template';
import {
  diffFlatTemplates,
  fingerprint,
  flattenComposableTemplate,
  flattenLegacyTemplate,
} from './template_normalize';

type Props = Record<
  string,
  { type?: string; format?: string; properties?: Props; enabled?: boolean; index?: boolean }
>;

function at(props: Props, path: string) {
  const parts = path.split('.');
  let node = props[parts[0]];
  for (const p of parts.slice(1)) node = node.properties![p];
  return node;
}

describe('buildIndexTemplate', () => {
  const t = buildIndexTemplate('pinpoint');
  const props = t.template.mappings.properties as Props;

  it('covers the prefix pattern under a name derived from it', () => {
    assert.deepEqual(t.index_patterns, ['pinpoint*']);
    assert.equal(templateName('pinpoint'), 'pinpoint-events');
  });

  it('maps every epoch-millisecond timestamp as a date with epoch_millis', () => {
    for (const field of EVENT_DATE_FIELDS) {
      assert.deepEqual(at(props, field), { type: 'date', format: 'epoch_millis' }, field);
    }
  });

  it('maps ids and enumerations as keywords', () => {
    for (const field of [
      'event_type',
      'application.app_id',
      'client.client_id',
      'attributes.campaign_id',
      'attributes.treatment_id',
      'attributes.journey_id',
      'attributes.record_status',
    ]) {
      assert.equal(at(props, field).type, 'keyword', field);
    }
    assert.equal(at(props, 'metrics.price_in_millicents_usd').type, 'double');
  });

  it('keeps custom attributes single keywords, metrics doubles, and JSON strings unparsed', () => {
    const dyn = t.template.mappings.dynamic_templates as Array<
      Record<
        string,
        { path_match?: string; match_mapping_type?: string; mapping: { type: string } }
      >
    >;
    const attr = dyn.map((d) => Object.values(d)[0]).find((d) => d.path_match === 'attributes.*');
    assert.deepEqual([attr?.match_mapping_type, attr?.mapping.type], ['string', 'keyword']);
    const metrics = dyn.map((d) => Object.values(d)[0]).filter((d) => d.path_match === 'metrics.*');
    assert.deepEqual(
      metrics.map((m) => [m.match_mapping_type, m.mapping.type]),
      [
        ['long', 'double'],
        ['double', 'double'],
      ]
    );
    assert.equal(at(props, 'client_context.custom').enabled, false);
    assert.equal(at(props, 'attributes.customer_context').index, false);
    assert.equal(t.template.mappings.date_detection, false);
  });

  it('guards the field count and records who installed it', () => {
    assert.equal(t.template.settings['index.mapping.total_fields.limit'], TOTAL_FIELDS_LIMIT);
    assert.equal(t.template.mappings._meta.managed_by, 'pinpoint-dashboards');
    assert.equal(
      t.template.mappings._meta.content_hash,
      fingerprint(flattenComposableTemplate(t as never))
    );
  });

  it('never ties priorities between prefixes whose patterns overlap', () => {
    assert.notEqual(templatePriority('pinpoint'), templatePriority('pinpoint_eu'));
    assert.ok(templatePriority('pinpoint_eu') > templatePriority('pinpoint'));
  });
});

describe('buildLegacyTemplate', () => {
  it('carries the same mapping, wrapped in a type name for Elasticsearch 6.x', () => {
    const legacy = buildLegacyTemplate('pinpoint');
    const six = buildLegacyTemplate('pinpoint', { typeName: '_doc' });
    assert.deepEqual(six.mappings, { _doc: legacy.mappings });
    assert.deepEqual(
      diffFlatTemplates(
        flattenLegacyTemplate(legacy as never),
        flattenLegacyTemplate(six as never)
      ),
      []
    );
    assert.equal(legacy.order, templatePriority('pinpoint'));
  });

  it('is chosen for Elasticsearch domains, the composable form for OpenSearch', () => {
    assert.equal(templateFlavorFor({ distribution: 'elasticsearch' }), 'legacy');
    assert.equal(templateFlavorFor({ distribution: 'opensearch' }), 'composable');
  });
});

describe('template comparison', () => {
  it('sees a template as OpenSearch returns it (nested, stringified settings) as identical', () => {
    const ours = buildIndexTemplate('p');
    const returned = {
      ...ours,
      composed_of: [],
      template: {
        ...ours.template,
        settings: { index: { mapping: { total_fields: { limit: '2000' } } } },
      },
    };
    assert.deepEqual(
      diffFlatTemplates(
        flattenComposableTemplate(ours as never),
        flattenComposableTemplate(returned as never)
      ),
      []
    );
  });

  it('reports a changed field by its path', () => {
    const ours = buildIndexTemplate('p');
    const changed = structuredClone(ours);
    (changed.template.mappings.properties as Props).arrival_timestamp = { type: 'long' };
    assert.deepEqual(
      diffFlatTemplates(
        flattenComposableTemplate(ours as never),
        flattenComposableTemplate(changed as never)
      ),
      [
        { path: 'mappings.properties.arrival_timestamp.format', ours: 'epoch_millis' },
        { path: 'mappings.properties.arrival_timestamp.type', ours: 'date', installed: 'long' },
      ]
    );
  });
});

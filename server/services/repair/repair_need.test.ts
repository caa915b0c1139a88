import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { buildIndexTemplate } from '../../../common/template';
import { mappedType, nonDateTimestampFields, repairNeed } from './repair_need';

/** What dynamic mapping makes of a Pinpoint event when no template exists (the seed's failure). */
const dynamicMapping = {
  properties: {
    arrival_timestamp: { type: 'long' },
    event_timestamp: { type: 'long' },
    event_type: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    session: { properties: { start_timestamp: { type: 'long' }, session_id: { type: 'text' } } },
  },
};

test('an index created before the template needs repair for its timestamps first, then its text fields', () => {
  const need = repairNeed(dynamicMapping);
  assert.deepEqual(need.slice(0, 3), [
    { field: 'arrival_timestamp', type: 'long', expected: 'date' },
    { field: 'event_timestamp', type: 'long', expected: 'date' },
    { field: 'session.start_timestamp', type: 'long', expected: 'date' },
  ]);
  assert.ok(
    need.some((m) => m.field === 'event_type' && m.type === 'text' && m.expected === 'keyword')
  );
});

test('an index made by the template needs nothing', () => {
  const mappings = buildIndexTemplate('pinpoint').template.mappings;
  assert.deepEqual(repairNeed(mappings), []);
  assert.equal(mappedType(mappings, 'arrival_timestamp'), 'date');
});

test('an index of ours judges only its timestamps; an unmapped field is no reason', () => {
  const ours = { ...dynamicMapping, _meta: { managed_by: 'pinpoint-dashboards' } };
  assert.deepEqual(
    repairNeed(ours).map((m) => m.field),
    ['arrival_timestamp', 'event_timestamp', 'session.start_timestamp']
  );
  assert.deepEqual(nonDateTimestampFields({ properties: { other: { type: 'long' } } }), []);
  assert.deepEqual(repairNeed({}), []);
});

test('Elasticsearch 6 mappings under a type name are read too', () => {
  assert.equal(nonDateTimestampFields({ _doc: dynamicMapping }).length, 3);
});

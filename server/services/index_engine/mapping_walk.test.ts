import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { eventMappings } from '../../../common/event_mappings';
import { fieldType, unwrapTypeName, walkMapping } from './mapping_walk';

describe('walkMapping', () => {
  it('lists leaf types with multi-fields and counts what the field limit counts', () => {
    const { types, fieldCount } = walkMapping({
      properties: {
        a: { type: 'keyword' },
        o: {
          properties: {
            b: { type: 'long' },
            s: { type: 'text', fields: { keyword: { type: 'keyword' } } },
          },
        },
        off: { type: 'object', enabled: false },
      },
    });
    assert.deepEqual(Object.fromEntries(types), {
      a: 'keyword',
      'o.b': 'long',
      'o.s': 'text',
      'o.s.keyword': 'keyword',
    });
    // a, o, o.b, o.s, o.s.keyword, off
    assert.equal(fieldCount, 6);
  });

  it('keeps our own mapping well under the limit the template sets', () => {
    const { fieldCount } = walkMapping(eventMappings() as never);
    assert.ok(fieldCount > 80 && fieldCount < 400, String(fieldCount));
  });

  it('reads Elasticsearch 6.x mappings wrapped in a type name', () => {
    const m = unwrapTypeName({ _doc: { properties: { arrival_timestamp: { type: 'long' } } } });
    assert.equal(fieldType(m, 'arrival_timestamp'), 'long');
    assert.equal(
      fieldType(unwrapTypeName({ properties: { x: { properties: {} } } }), 'x'),
      'object'
    );
    assert.equal(fieldType(m, 'missing.path'), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { buildIndexTemplate } from '../../../common/template';
import { fingerprint, flattenComposableTemplate } from '../../../common/template_normalize';
import { templateStatus } from './template_status';

const target = { prefix: 'p', flavor: 'composable' as const };
const catalogWith = (body: unknown) => ({
  composable: [{ name: 'p-events', body: body as never }],
  legacy: [],
});

describe('templateStatus', () => {
  it('absent, identical', () => {
    assert.equal(templateStatus({ composable: [], legacy: [] }, target).state, 'absent');
    assert.equal(templateStatus(catalogWith(buildIndexTemplate('p')), target).state, 'identical');
  });

  it('tells an edited template (modified) from an older untouched one of ours (outdated) and a stranger (foreign)', () => {
    const edited = buildIndexTemplate('p');
    edited.priority = 1;
    assert.equal(templateStatus(catalogWith(edited), target).state, 'modified');

    const older = structuredClone(buildIndexTemplate('p'));
    older.priority = 1;
    older.template.mappings._meta = {
      ...older.template.mappings._meta,
      content_hash: fingerprint(flattenComposableTemplate(older as never)),
    };
    assert.equal(templateStatus(catalogWith(older), target).state, 'outdated');

    const stranger = {
      index_patterns: ['p*'],
      priority: 5,
      template: { mappings: { properties: {} } },
    };
    const status = templateStatus(catalogWith(stranger), target);
    assert.equal(status.state, 'foreign');
    assert.ok(
      status.diff.some(
        (d) => d.path === 'mappings.properties.arrival_timestamp.type' && d.installed === undefined
      )
    );
  });
});

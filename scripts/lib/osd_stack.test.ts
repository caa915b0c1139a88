import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { osdUiStack } from './osd_stack';

test('React 18 from Dashboards 3.6, OUI 1.22 from 3.5, 2.19 keeps React 16 and OUI 1.19', () => {
  assert.deepEqual(osdUiStack('2.19.3'), { react: '16.14', oui: '1.19', aliases: {} });
  assert.deepEqual(osdUiStack('3.5.0'), {
    react: '16.14',
    oui: '1.22',
    aliases: { '@elastic/eui': 'oui122' },
  });
  assert.deepEqual(osdUiStack('3.6.0').aliases, {
    react: 'react18',
    'react-dom': 'react-dom18',
    '@elastic/eui': 'oui122',
  });
  assert.equal(osdUiStack('4.0.0').react, '18.2');
});

import '../public/features/pipeline/__tests__/dom_env';
import { test } from 'node:test';
import React from 'react';
import { render } from '@testing-library/react';
import { EuiButton } from '@elastic/eui';
test('x', () => {
  const v = render(<div><EuiButton size="s" data-test-subj="repairButton" onClick={() => {}}>Repair</EuiButton></div>);
  console.log(v.container.innerHTML);
});

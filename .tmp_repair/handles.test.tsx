import '../public/features/pipeline/__tests__/dom_env';
import { after, test } from 'node:test';
import React from 'react';
import { render, cleanup } from '@testing-library/react';
import { EuiButton } from '@elastic/eui';
test('x', () => {
  render(<div><EuiButton size="s" onClick={() => {}}>Repair</EuiButton></div>);
  cleanup();
});
after(() => {
  setTimeout(() => {
    const p = process as unknown as { _getActiveHandles(): unknown[]; _getActiveRequests(): unknown[] };
    console.log('handles', p._getActiveHandles().map((h) => (h as object).constructor?.name));
  }, 500);
});

import React from 'react';
import { EuiBasicTable } from '@elastic/eui';
import type { TemplateDiffEntry } from '../../../../common/template_normalize';

/** The field-level difference between our template and the installed one. */
export function TemplateDiff({ diff }: { diff: readonly TemplateDiffEntry[] }): React.ReactElement {
  return (
    <EuiBasicTable<TemplateDiffEntry>
      data-test-subj="pinpointTemplateDiff"
      items={[...diff]}
      compressed
      columns={[
        { field: 'path', name: 'Field', truncateText: false },
        { field: 'installed', name: 'Installed', render: (v?: string | null) => v ?? '(absent)' },
        { field: 'ours', name: 'Ours', render: (v?: string | null) => v ?? '(absent)' },
      ]}
    />
  );
}

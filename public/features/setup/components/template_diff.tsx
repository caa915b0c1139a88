import React from 'react';
import { EuiBasicTable, EuiText } from '@elastic/eui';
import type { IndexEvidence, LegacyTemplateDifference } from '../../../../common/report';
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

type LegacyTemplates = IndexEvidence['template.overlapping']['legacy'];
type LegacyRow = LegacyTemplateDifference & { template: string };

const EFFECT_TEXT: Record<LegacyTemplateDifference['effect'], string> = {
  ours: 'Ours wins (higher order)',
  theirs: 'Theirs wins (higher order)',
  undecided: 'Same order: either may win',
  added: 'Applies (ours does not set it)',
  ignored: 'Not applied (a composable template matches)',
};

/**
 * What other legacy templates (the walkthrough's default_template, a team's own) set differently from ours,
 * and what a new index gets for each field.
 */
export function LegacyTemplateDiff({ legacy }: { legacy: LegacyTemplates }): React.ReactElement {
  const rows: LegacyRow[] = legacy.flatMap((t) =>
    t.differences.map((d) => ({ ...d, template: `${t.name} (order ${t.order})` }))
  );
  const hidden = legacy.reduce((n, t) => n + t.differenceCount - t.differences.length, 0);
  return (
    <>
      <EuiBasicTable<LegacyRow>
        data-test-subj="pinpointLegacyTemplateDiff"
        items={rows}
        compressed
        columns={[
          { field: 'template', name: 'Template' },
          { field: 'path', name: 'Field', truncateText: false },
          { field: 'theirs', name: 'Theirs' },
          { field: 'ours', name: 'Ours', render: (v: string | null) => v ?? '(not set)' },
          {
            field: 'effect',
            name: 'New indices get',
            render: (v: LegacyTemplateDifference['effect']) => EFFECT_TEXT[v],
          },
        ]}
      />
      {hidden > 0 && (
        <EuiText size="xs" color="subdued">
          <p>and {hidden} more (the JSON evidence of the report has the first 50 per template)</p>
        </EuiText>
      )}
    </>
  );
}

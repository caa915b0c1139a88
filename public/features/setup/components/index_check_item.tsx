/** One check of the index report: the shared CheckItem, with the template's diff and the plugin's fix buttons. */
import React from 'react';
import type { IndexCheck } from '../../../../common/report';
import { CheckItem } from '../../../components/checks';
import { FixControls, type RunApply } from './fix_controls';
import { LegacyTemplateDiff, TemplateDiff } from './template_diff';

export interface IndexCheckItemProps {
  check: IndexCheck;
  busy: boolean;
  runApply: RunApply;
  renderRepairs?: (indices: readonly string[]) => React.ReactNode;
  notice?: React.ReactNode;
}

export function IndexCheckItem({
  check,
  busy,
  runApply,
  renderRepairs,
  notice,
}: IndexCheckItemProps): React.ReactElement {
  const fix = check.remedy?.fix;
  const evidence =
    check.id === 'template' && check.evidence.diff.length > 0 ? (
      <TemplateDiff diff={check.evidence.diff} />
    ) : check.id === 'template.overlapping' &&
      check.evidence.legacy.some((t) => t.differenceCount > 0) ? (
      <LegacyTemplateDiff legacy={check.evidence.legacy} />
    ) : undefined;
  return (
    <CheckItem
      check={check}
      evidence={evidence}
      notice={notice}
      actions={
        fix && (
          <FixControls
            check={check}
            fix={fix}
            busy={busy}
            runApply={runApply}
            renderRepairs={renderRepairs}
          />
        )
      }
    />
  );
}

/**
 * The fixes the plugin can make, as buttons. A template update first shows the field-level diff; replacing a
 * template someone changed says that their changes go. Repairs are the repair feature's own control.
 */
import React, { useState } from 'react';
import {
  EuiButton,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import type { Finding, FixAction } from '../../../../common/report';
import type { TemplateDiffEntry } from '../../../../common/template_normalize';
import { TemplateDiff } from './template_diff';

export type RunApply = (options: {
  template?: boolean;
  overwrite?: boolean;
  indexPattern?: boolean;
  makeDefault?: boolean;
}) => void;

export interface FixControlsProps {
  finding: Finding;
  fix: FixAction;
  busy: boolean;
  runApply: RunApply;
  renderRepair?: (index: string) => React.ReactNode;
}

/** How many per-index repair controls to show before pointing to the command line. */
const MAX_REPAIR_BUTTONS = 20;

function TemplateFix({ finding, fix, busy, runApply }: FixControlsProps): React.ReactElement {
  const [confirming, setConfirming] = useState(false);
  const diff = (finding.evidence.diff ?? []) as unknown as TemplateDiffEntry[];
  const overwrite = fix.kind === 'update_template' && fix.overwrite;
  const label =
    fix.kind === 'install_template'
      ? 'Install template'
      : overwrite
        ? 'Replace with ours…'
        : 'Update template…';
  const apply = () => runApply({ template: true, overwrite });
  return (
    <>
      <EuiButton
        size="s"
        fill={!overwrite}
        color={overwrite ? 'danger' : 'primary'}
        isLoading={busy}
        data-test-subj="pinpointFixTemplate"
        onClick={() => (fix.kind === 'install_template' ? apply() : setConfirming(true))}
      >
        {label}
      </EuiButton>
      {confirming && (
        <EuiConfirmModal
          title={overwrite ? 'Replace the installed template?' : 'Update the template?'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            apply();
          }}
          cancelButtonText="Cancel"
          confirmButtonText={overwrite ? 'Replace' : 'Update'}
          buttonColor={overwrite ? 'danger' : 'primary'}
          data-test-subj="pinpointTemplateConfirm"
        >
          <EuiText size="s">
            <p>
              {overwrite
                ? 'The installed template differs from ours. Replacing it discards these changes; indices that already exist keep their mapping.'
                : 'These fields change. Indices that already exist keep their mapping; the next daily index gets the new one.'}
            </p>
          </EuiText>
          <EuiSpacer size="s" />
          <TemplateDiff diff={diff} />
        </EuiConfirmModal>
      )}
    </>
  );
}

export function FixControls(props: FixControlsProps): React.ReactElement | null {
  const { fix, busy, runApply, renderRepair } = props;
  switch (fix.kind) {
    case 'install_template':
    case 'update_template':
      return <TemplateFix {...props} />;
    case 'create_index_pattern':
    case 'update_index_pattern':
      return (
        <EuiButton
          size="s"
          fill
          isLoading={busy}
          data-test-subj="pinpointFixIndexPattern"
          onClick={() => runApply({ template: false, indexPattern: true })}
        >
          {fix.kind === 'create_index_pattern' ? 'Create index pattern' : 'Update index pattern'}
        </EuiButton>
      );
    case 'make_default':
      return (
        <EuiButton
          size="s"
          isLoading={busy}
          data-test-subj="pinpointFixDefault"
          onClick={() => runApply({ template: false, makeDefault: true })}
        >
          Make default
        </EuiButton>
      );
    case 'repair_indices': {
      if (!renderRepair) return null;
      const shown = fix.indices.slice(0, MAX_REPAIR_BUTTONS);
      return (
        <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="pinpointRepairList">
          {shown.map((index) => (
            <EuiFlexItem key={index} grow={false}>
              <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
                <EuiFlexItem grow={false} style={{ minWidth: 220 }}>
                  <code>{index}</code>
                </EuiFlexItem>
                <EuiFlexItem>{renderRepair(index)}</EuiFlexItem>
              </EuiFlexGroup>
            </EuiFlexItem>
          ))}
          {fix.indices.length > shown.length && (
            <EuiFlexItem grow={false}>
              <EuiText size="s">
                <p>
                  and {fix.indices.length - shown.length} more: repair them from the command line
                  below.
                </p>
              </EuiText>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      );
    }
  }
}

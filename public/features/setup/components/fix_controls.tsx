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
import { plural } from '../../../../common/plural';
import type { FixAction, IndexCheck } from '../../../../common/report';
import { TemplateDiff } from './template_diff';

export type RunApply = (options: {
  template?: boolean;
  overwrite?: boolean;
  indexPattern?: boolean;
  makeDefault?: boolean;
}) => void;

export interface FixControlsProps {
  check: IndexCheck;
  fix: FixAction;
  busy: boolean;
  runApply: RunApply;
  /** The repair controls for these indices (the repair feature's RepairControls). */
  renderRepairs?: (indices: readonly string[]) => React.ReactNode;
}

/** A button as wide as its text, never stretched by the layout around it. */
function Sized({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <EuiFlexGroup gutterSize="s" responsive={false} wrap>
      <EuiFlexItem grow={false}>{children}</EuiFlexItem>
    </EuiFlexGroup>
  );
}

/** How many per-index repair controls to show before pointing to the command line. */
const MAX_REPAIR_BUTTONS = 20;

function TemplateFix({ check, fix, busy, runApply }: FixControlsProps): React.ReactElement {
  const [confirming, setConfirming] = useState(false);
  const diff = check.id === 'template' ? check.evidence.diff : [];
  const overwrite = fix.kind === 'update_template' && fix.overwrite;
  const label =
    fix.kind === 'install_template'
      ? 'Install template'
      : overwrite
        ? 'Replace with ours…'
        : 'Update template…';
  const apply = () => runApply({ template: true, overwrite });
  return (
    <Sized>
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
    </Sized>
  );
}

export function FixControls(props: FixControlsProps): React.ReactElement | null {
  const { fix, busy, runApply, renderRepairs } = props;
  switch (fix.kind) {
    case 'install_template':
    case 'update_template':
      return <TemplateFix {...props} />;
    case 'create_index_pattern':
    case 'update_index_pattern':
      return (
        <Sized>
          <EuiButton
            size="s"
            fill
            isLoading={busy}
            data-test-subj="pinpointFixIndexPattern"
            onClick={() => runApply({ template: false, indexPattern: true })}
          >
            {fix.kind === 'create_index_pattern' ? 'Create index pattern' : 'Update index pattern'}
          </EuiButton>
        </Sized>
      );
    case 'make_default':
      return (
        <Sized>
          <EuiButton
            size="s"
            isLoading={busy}
            data-test-subj="pinpointFixDefault"
            onClick={() => runApply({ template: false, makeDefault: true })}
          >
            Make default
          </EuiButton>
        </Sized>
      );
    case 'repair_indices': {
      if (!renderRepairs) return null;
      const shown = fix.indices.slice(0, MAX_REPAIR_BUTTONS);
      const rest = fix.indices.length - shown.length;
      return (
        <>
          {renderRepairs(shown)}
          {rest > 0 && (
            <EuiText size="s">
              <p>
                And {plural(rest, 'more index', 'more indices')}: repair them from the command line
                below.
              </p>
            </EuiText>
          )}
        </>
      );
    }
  }
}

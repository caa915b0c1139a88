/**
 * The one UI component for a check (common/check.ts), for every report the app shows: status and title,
 * the message, the fix in every form we know (the plugin's own button passed in as `actions`, the command,
 * the console path, the Dev Tools request, the docs), and the evidence as labelled values on demand.
 * A report may draw some evidence its own way (`evidence`, e.g. the template's field diff).
 */
import React from 'react';
import {
  EuiAccordion,
  EuiCallOut,
  EuiCodeBlock,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { Check, FixRights } from '../../../common/check';
import { EvidenceList } from './evidence_list';
import { STATUS_COLOR, STATUS_LABEL } from './status';

export interface CheckItemProps<C extends Check = Check> {
  check: C;
  /** The fix the plugin can make (buttons), shown under the remedy's words. */
  actions?: React.ReactNode;
  /** This check's evidence drawn another way; undefined: labelled values. */
  evidence?: React.ReactNode;
  /** Something to show whatever the status (e.g. a finished repair's outcome). */
  notice?: React.ReactNode;
}

/**
 * What the fix needs of the user and whether the current one has it. A fix the user may not make shows why
 * instead of a button that would only earn a 403.
 */
function RightsNote({ rights }: { rights: FixRights }): React.ReactElement {
  if (rights.allowed === false) {
    return (
      <>
        <EuiSpacer size="s" />
        <EuiCallOut
          size="s"
          color="warning"
          iconType="lock"
          title="You may not make this fix"
          data-test-subj="pinpointFixDenied"
        >
          <p>
            Missing: {(rights.missing.length > 0 ? rights.missing : rights.needs).join(', ')}.{' '}
            {rights.basis} Someone with more rights can make it, or give your role these
            permissions.
          </p>
        </EuiCallOut>
      </>
    );
  }
  return (
    <EuiText size="xs" color="subdued" data-test-subj="pinpointFixNeeds">
      <p>
        Needs {rights.needs.join(', ')}
        {rights.allowed === true ? ': you have them.' : `. ${rights.basis}`}
      </p>
    </EuiText>
  );
}

export function CheckItem<C extends Check>({
  check,
  actions,
  evidence,
  notice,
}: CheckItemProps<C>): React.ReactElement {
  const remedy = check.remedy;
  const key = `${check.id}${check.subject ? `-${check.subject}` : ''}`.replace(
    /[^A-Za-z0-9_-]/g,
    '_'
  );
  const quiet = check.status === 'pass' || check.status === 'skipped';
  return (
    <EuiPanel
      paddingSize="m"
      hasBorder
      data-test-subj={`pinpointCheck-${check.id}`}
      data-status={check.status}
    >
      <EuiFlexGroup alignItems="baseline" gutterSize="m" responsive={false}>
        <EuiFlexItem grow={false} style={{ minWidth: 90 }}>
          <EuiHealth color={STATUS_COLOR[check.status]}>{STATUS_LABEL[check.status]}</EuiHealth>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3>
              {check.title}
              {check.subject ? ` (${check.subject})` : ''}
              <span className="euiScreenReaderOnly">: {STATUS_LABEL[check.status]}</span>
            </h3>
          </EuiTitle>
          <EuiText size="s">
            <p>{check.message}</p>
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      {notice && (
        <>
          <EuiSpacer size="s" />
          {notice}
        </>
      )}
      {remedy && (
        <div data-test-subj="pinpointRemedy">
          <EuiSpacer size="s" />
          <EuiText size="s" color={quiet ? 'subdued' : 'default'}>
            <p>
              <strong>{quiet ? 'Optional:' : 'Fix:'}</strong> {remedy.text}
            </p>
            {remedy.console && (
              <p>
                <strong>Console:</strong> {remedy.console}
              </p>
            )}
            {remedy.docs && (
              <p>
                <EuiLink href={remedy.docs} target="_blank" external>
                  Documentation
                </EuiLink>
              </p>
            )}
          </EuiText>
          {remedy.rights && <RightsNote rights={remedy.rights} />}
          {actions && remedy.rights?.allowed !== false && (
            <>
              <EuiSpacer size="s" />
              {actions}
            </>
          )}
          {remedy.command && (
            <>
              <EuiSpacer size="s" />
              <EuiCodeBlock language="bash" fontSize="s" paddingSize="s" isCopyable>
                {remedy.command}
              </EuiCodeBlock>
            </>
          )}
          {remedy.request && (
            <>
              <EuiSpacer size="s" />
              <EuiText size="xs" color="subdued">
                <p>In Dev Tools:</p>
              </EuiText>
              <EuiCodeBlock language="json" fontSize="s" paddingSize="s" isCopyable>
                {remedy.request}
              </EuiCodeBlock>
            </>
          )}
        </div>
      )}
      <EuiSpacer size="s" />
      <EuiAccordion
        id={`pinpoint-evidence-${key}`}
        buttonContent="Evidence"
        buttonProps={{ 'aria-label': `Evidence for ${check.title}` }}
        paddingSize="s"
        data-test-subj="pinpointEvidenceToggle"
      >
        {evidence ?? <EvidenceList evidence={check.evidence} id={`pinpoint-evidence-${key}`} />}
      </EuiAccordion>
    </EuiPanel>
  );
}

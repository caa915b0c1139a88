/** One line of the setup checklist: status, what was found, the evidence, and the fix (a button or instructions). */
import React from 'react';
import {
  EuiAccordion,
  EuiCodeBlock,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { Finding } from '../../../../common/report';
import type { TemplateDiffEntry } from '../../../../common/template_normalize';
import { STATUS_COLOR, STATUS_LABEL } from '../utils/status';
import { FixControls, type RunApply } from './fix_controls';
import { TemplateDiff } from './template_diff';

export interface FindingItemProps {
  finding: Finding;
  busy: boolean;
  runApply: RunApply;
  renderRepair?: (index: string) => React.ReactNode;
}

function Evidence({ finding }: { finding: Finding }): React.ReactElement {
  const diff = finding.evidence.diff as unknown as TemplateDiffEntry[] | undefined;
  if (finding.id === 'template' && diff && diff.length > 0) return <TemplateDiff diff={diff} />;
  return (
    <EuiCodeBlock language="json" fontSize="s" paddingSize="s" overflowHeight={240} isCopyable>
      {JSON.stringify(finding.evidence, null, 2)}
    </EuiCodeBlock>
  );
}

export function FindingItem({
  finding,
  busy,
  runApply,
  renderRepair,
}: FindingItemProps): React.ReactElement {
  const remedy = finding.remedy;
  // An ok finding may still carry an optional fix (e.g. make this pattern the default): offer it quietly.
  const showRemedy = remedy !== undefined;
  return (
    <EuiPanel
      paddingSize="m"
      hasBorder
      data-test-subj={`pinpointFinding-${finding.id}`}
      data-status={finding.status}
    >
      <EuiFlexGroup alignItems="baseline" gutterSize="m" responsive={false}>
        <EuiFlexItem grow={false} style={{ minWidth: 90 }}>
          <EuiHealth color={STATUS_COLOR[finding.status]}>{STATUS_LABEL[finding.status]}</EuiHealth>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3>{finding.title}</h3>
          </EuiTitle>
          <EuiText size="s">
            <p>{finding.summary}</p>
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      {showRemedy && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="s" color={finding.status === 'ok' ? 'subdued' : 'default'}>
            <p>
              <strong>Fix:</strong> {remedy.text}
            </p>
          </EuiText>
          {remedy.fix && (
            <>
              <EuiSpacer size="s" />
              <FixControls
                finding={finding}
                fix={remedy.fix}
                busy={busy}
                runApply={runApply}
                renderRepair={renderRepair}
              />
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
        </>
      )}
      <EuiSpacer size="s" />
      <EuiAccordion id={`pinpoint-evidence-${finding.id}`} buttonContent="Evidence" paddingSize="s">
        <Evidence finding={finding} />
      </EuiAccordion>
    </EuiPanel>
  );
}

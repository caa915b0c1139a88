import React from 'react';
import { EuiAccordion, EuiCodeBlock, EuiHealth, EuiSpacer, EuiText } from '@elastic/eui';
import type { WiringCheck } from '../../../../common/wiring_types';
import { STATUS_COLOR, STATUS_LABEL } from '../utils/status';
import { EvidenceView } from './evidence_view';

/** One check: status and title; opened, what was found, the values read, and the fix. */
export function CheckItem({ check }: { check: WiringCheck }): React.ReactElement {
  const open = check.status === 'fail' || check.status === 'warn';
  return (
    <EuiAccordion
      id={`${check.id}-${check.subject ?? ''}`}
      initialIsOpen={open}
      paddingSize="s"
      data-test-subj="pinpointWiringCheck"
      data-check={check.id}
      data-status={check.status}
      buttonContent={
        <EuiHealth color={STATUS_COLOR[check.status]} title={STATUS_LABEL[check.status]}>
          <EuiText size="s">
            <span>
              {check.title}
              <span className="euiScreenReaderOnly"> ({STATUS_LABEL[check.status]})</span>
            </span>
          </EuiText>
        </EuiHealth>
      }
    >
      <EuiText size="s">
        <p>{check.message}</p>
      </EuiText>
      <EuiSpacer size="xs" />
      <EvidenceView evidence={check.evidence} />
      {check.remedy ? (
        <div data-test-subj="pinpointWiringRemedy">
          <EuiSpacer size="s" />
          <EuiText size="s">
            <p>
              <strong>Fix:</strong> {check.remedy.summary}
            </p>
            {check.remedy.console ? (
              <p>
                <strong>Console:</strong> {check.remedy.console}
              </p>
            ) : null}
          </EuiText>
          {check.remedy.cli ? (
            <EuiCodeBlock language="bash" fontSize="s" paddingSize="s" isCopyable>
              {check.remedy.cli}
            </EuiCodeBlock>
          ) : null}
        </div>
      ) : null}
    </EuiAccordion>
  );
}

/**
 * The selected hop at full width: its checks with the one CheckItem every report uses, grouped by the
 * application or stream they are about when the hop covers several.
 */
import React from 'react';
import { EuiHealth, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { WiringCheck, WiringHop } from '../../../../common/wiring_types';
import { CheckItem, STATUS_COLOR, STATUS_LABEL } from '../../../components/checks';

function bySubject(checks: WiringCheck[]): Array<[string | undefined, WiringCheck[]]> {
  const groups = new Map<string | undefined, WiringCheck[]>();
  for (const check of checks)
    groups.set(check.subject, [...(groups.get(check.subject) ?? []), check]);
  return [...groups];
}

export interface HopDetailsProps {
  hop: WiringHop;
  position: number;
  idPrefix: string;
}

export function HopDetails({ hop, position, idPrefix }: HopDetailsProps): React.ReactElement {
  const groups = bySubject(hop.checks);
  // One subject for the whole hop (one stream, one project): said once in the heading, not in every check.
  const only = groups.length === 1 ? groups[0][0] : undefined;
  return (
    <div
      role="tabpanel"
      id={`${idPrefix}-panel`}
      aria-labelledby={`${idPrefix}-tab-${hop.id}`}
      tabIndex={0}
      data-test-subj="pinpointWiringHopDetails"
      data-hop={hop.id}
    >
      <EuiTitle size="xs">
        <h3 style={{ overflowWrap: 'anywhere' }}>
          {position}. {hop.title}
          {only ? ` — ${only}` : ''}
        </h3>
      </EuiTitle>
      <EuiHealth color={STATUS_COLOR[hop.status]}>
        <EuiText size="s">
          <span>
            {STATUS_LABEL[hop.status]}
            {hop.finished ? '' : ' (the time limit ended this hop)'} ·{' '}
            {(hop.durationMs / 1000).toFixed(1)} s
          </span>
        </EuiText>
      </EuiHealth>
      <EuiSpacer size="s" />
      {groups.map(([subject, checks]) => (
        <div key={subject ?? '-'} data-test-subj="pinpointWiringSubject">
          {subject && groups.length > 1 ? (
            <EuiText size="s" color="subdued">
              <h4 style={{ overflowWrap: 'anywhere' }}>{subject}</h4>
            </EuiText>
          ) : null}
          {checks.map((check, i) => (
            <div key={`${check.id}-${i}`} style={{ marginBottom: 8 }}>
              <CheckItem check={only ? { ...check, subject: undefined } : check} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

import React from 'react';
import { EuiHealth, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { WiringCheck, WiringHop } from '../../../../common/wiring_types';
import { STATUS_COLOR, STATUS_LABEL } from '../utils/status';
import { CheckItem } from './check_item';

function bySubject(checks: WiringCheck[]): Array<[string | undefined, WiringCheck[]]> {
  const groups = new Map<string | undefined, WiringCheck[]>();
  for (const check of checks)
    groups.set(check.subject, [...(groups.get(check.subject) ?? []), check]);
  return [...groups];
}

/** One hop of the pipeline with its checks, grouped by application or stream when it covers several. */
export function HopCard({
  hop,
  position,
}: {
  hop: WiringHop;
  position: number;
}): React.ReactElement {
  const groups = bySubject(hop.checks);
  return (
    <EuiPanel
      paddingSize="s"
      // Ids, ARNs and metric names are long single words in a narrow card.
      style={{ overflowWrap: 'anywhere' }}
      data-test-subj="pinpointWiringHop"
      data-hop={hop.id}
      data-status={hop.status}
    >
      <EuiTitle size="xxs">
        <h4>
          {position}. {hop.title}
        </h4>
      </EuiTitle>
      <EuiHealth color={STATUS_COLOR[hop.status]}>
        <EuiText size="xs">
          <span>
            {STATUS_LABEL[hop.status]}
            {hop.finished ? '' : ' (unfinished)'}
          </span>
        </EuiText>
      </EuiHealth>
      <EuiSpacer size="s" />
      {groups.map(([subject, checks]) => (
        <div key={subject ?? '-'}>
          {subject && groups.length > 0 ? (
            <EuiText size="xs" color="subdued">
              <p style={{ wordBreak: 'break-all' }}>{subject}</p>
            </EuiText>
          ) : null}
          {checks.map((check, i) => (
            <CheckItem key={`${check.id}-${i}`} check={check} />
          ))}
        </div>
      ))}
    </EuiPanel>
  );
}

import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiIcon } from '@elastic/eui';
import type { WiringReport } from '../../../../common/wiring_types';
import { HopCard } from './hop_card';

/** The hops left to right, as the events travel; scrolls sideways on narrow screens rather than wrapping. */
export function PipelineView({ report }: { report: WiringReport }): React.ReactElement {
  return (
    <div style={{ overflowX: 'auto' }} data-test-subj="pinpointWiringPipeline">
      <EuiFlexGroup gutterSize="xs" responsive={false} alignItems="flexStart" wrap={false}>
        {report.hops.map((hop, i) => (
          <React.Fragment key={hop.id}>
            {i > 0 ? (
              // Beside the hop titles: a tall hop (an open fix) must not push the arrows out of sight.
              <EuiFlexItem grow={false} style={{ paddingTop: 10 }}>
                <EuiIcon type="sortRight" aria-hidden="true" />
              </EuiFlexItem>
            ) : null}
            <EuiFlexItem style={{ minWidth: 160, maxWidth: 360 }}>
              <HopCard hop={hop} position={i + 1} />
            </EuiFlexItem>
          </React.Fragment>
        ))}
      </EuiFlexGroup>
    </div>
  );
}

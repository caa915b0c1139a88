/**
 * The report: the hops at a glance left to right, and the selected hop's checks below at full width. It opens
 * on the first hop that needs attention, so the reason a pipeline is not wired is on screen without a click.
 */
import React, { useEffect, useState } from 'react';
import { EuiSpacer } from '@elastic/eui';
import type { HopId, WiringReport } from '../../../../common/wiring_types';
import { firstHopToRead } from '../utils/hop_line';
import { HopDetails } from './hop_details';
import { HopStrip } from './hop_strip';

const ID_PREFIX = 'pinpointWiring';

export function PipelineView({ report }: { report: WiringReport }): React.ReactElement | null {
  const [selected, setSelected] = useState<HopId | undefined>(
    () => firstHopToRead(report.hops) as HopId | undefined
  );
  // A new report (another run) opens where its attention is.
  useEffect(() => setSelected(firstHopToRead(report.hops) as HopId | undefined), [report]);
  const index = report.hops.findIndex((h) => h.id === selected);
  if (index < 0) return null;
  return (
    <div>
      <HopStrip
        hops={report.hops}
        selected={report.hops[index].id}
        onSelect={setSelected}
        idPrefix={ID_PREFIX}
      />
      <EuiSpacer size="m" />
      <HopDetails hop={report.hops[index]} position={index + 1} idPrefix={ID_PREFIX} />
    </div>
  );
}

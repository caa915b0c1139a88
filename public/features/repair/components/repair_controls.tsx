/**
 * The repair controls of one check: one job list read for all of them (not one per button), then a Repair
 * button per index, each starting from the job the list holds for it.
 */
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLoadingSpinner, EuiText } from '@elastic/eui';
import type { RepairJob } from '../../../../common/repair';
import type { RepairApi } from '../../../api/repair';
import { useLoad } from '../../../hooks/use_fetch';
import { RepairIndexButton } from './repair_index_button';

export interface RepairControlsProps {
  api: RepairApi;
  indices: readonly string[];
  /** The archive's prefix (the setup page's). */
  prefix?: string;
  onDone?: (job: RepairJob) => void;
  pollMs?: number;
  doneDelayMs?: number;
}

export function RepairControls({
  api,
  indices,
  prefix,
  onDone,
  pollMs,
  doneDelayMs,
}: RepairControlsProps): React.ReactElement {
  const jobs = useLoad((signal) => api.list(signal), [api]);
  if (jobs.state.phase === 'loading' && !jobs.data) return <EuiLoadingSpinner size="m" />;
  // A failed list only means we do not know of earlier jobs: starting one resumes it anyway.
  const byIndex = new Map((jobs.data ?? []).map((job) => [job.index, job]));
  return (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="pinpointRepairList">
      {indices.map((index) => (
        <EuiFlexItem key={index} grow={false}>
          <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false} wrap>
            <EuiFlexItem grow={false} style={{ minWidth: 220 }}>
              <EuiText size="s">
                <code>{index}</code>
              </EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <RepairIndexButton
                api={api}
                index={index}
                prefix={prefix}
                job={byIndex.get(index)}
                onDone={onDone}
                pollMs={pollMs}
                doneDelayMs={doneDelayMs}
              />
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}

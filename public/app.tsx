import React, { useEffect, useMemo } from 'react';
import { EuiPage, EuiPageBody, EuiPageHeader, EuiTitle, EuiText } from '@elastic/eui';
import { PLUGIN_NAME } from '../common/constants';
import type { CoreStart, ScopedHistory } from './osd_port';
import { createIndexEngineApi } from './api/index_engine';
import { createRepairApi } from './api/repair';
import { DashboardsSection } from './features/dashboards';
import { FailedRecordsSection } from './features/failed_records';
import { PipelineSection } from './features/pipeline';
import { RepairControls, repairedWords } from './features/repair';
import { SetupPage, applyToast } from './features/setup';

export interface PinpointAppProps {
  core: CoreStart;
  history: ScopedHistory;
}

export function PinpointApp({ core }: PinpointAppProps): React.ReactElement {
  useEffect(() => {
    core.chrome.setBreadcrumbs([{ text: PLUGIN_NAME }]);
  }, [core]);
  const indexEngineApi = useMemo(() => createIndexEngineApi(core.http), [core]);
  const repairApi = useMemo(() => createRepairApi(core.http), [core]);
  return (
    <EuiPage data-test-subj="pinpointApp">
      <EuiPageBody>
        <EuiPageHeader>
          <EuiTitle size="l">
            <h1>{PLUGIN_NAME}</h1>
          </EuiTitle>
        </EuiPageHeader>
        <EuiText>
          <p>Amazon Pinpoint event analytics for OpenSearch Dashboards.</p>
        </EuiText>
        <SetupPage
          api={indexEngineApi}
          renderRepairs={(indices, onDone, prefix) => (
            <RepairControls api={repairApi} indices={indices} prefix={prefix} onDone={onDone} />
          )}
          repairedWords={repairedWords}
          onApplied={(result) => core.notifications.toasts.addSuccess(applyToast(result))}
        >
          <PipelineSection http={core.http} />
          <FailedRecordsSection http={core.http} />
          <DashboardsSection http={core.http} />
        </SetupPage>
      </EuiPageBody>
    </EuiPage>
  );
}

import React, { useMemo } from 'react';
import { EuiText } from '@elastic/eui';
import type { CoreStart, ScopedHistory } from './osd_port';
import { AppRouter } from './app_router';
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

/** The app: the router shell (app_router.tsx) with the setup page as its /setup route. */
export function PinpointApp({ core, history }: PinpointAppProps): React.ReactElement {
  return <AppRouter core={core} history={history} setup={<SetupRoute core={core} />} />;
}

function SetupRoute({ core }: { core: CoreStart }): React.ReactElement {
  const indexEngineApi = useMemo(() => createIndexEngineApi(core.http), [core]);
  const repairApi = useMemo(() => createRepairApi(core.http), [core]);
  return (
    <>
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
    </>
  );
}

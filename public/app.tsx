import React, { useEffect } from 'react';
import { EuiPage, EuiPageBody, EuiPageHeader, EuiTitle, EuiText } from '@elastic/eui';
import { PLUGIN_NAME } from '../common/constants';
import type { CoreStart, ScopedHistory } from './osd_port';

export interface PinpointAppProps {
  core: CoreStart;
  history: ScopedHistory;
}

export function PinpointApp({ core }: PinpointAppProps): React.ReactElement {
  useEffect(() => {
    core.chrome.setBreadcrumbs([{ text: PLUGIN_NAME }]);
  }, [core]);
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
      </EuiPageBody>
    </EuiPage>
  );
}

/**
 * "Names" next to the campaigns list's export: a flyout to import names from CSV and to read them from
 * Pinpoint while its API answers. `onChanged` lets the list reload to show the new names.
 */
import React, { useState } from 'react';
import {
  EuiButton,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiHorizontalRule,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { NamesApi } from '../../../api/names';
import { NamesImport } from './names_import';
import { NamesRefresh } from './names_refresh';

export interface NamesButtonProps {
  api: Pick<NamesApi, 'importCsv' | 'refresh'>;
  onChanged?: () => void;
}

export function NamesButton(props: NamesButtonProps): React.ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <>
      <EuiButton iconType="tag" onClick={() => setOpen(true)} data-test-subj="pinpointNamesButton">
        Names
      </EuiButton>
      {open && (
        <EuiFlyout
          size="m"
          ownFocus
          onClose={() => setOpen(false)}
          aria-labelledby="pinpointNamesFlyoutTitle"
          data-test-subj="pinpointNamesFlyout"
        >
          <EuiFlyoutHeader hasBorder>
            <EuiTitle size="s">
              <h2 id="pinpointNamesFlyoutTitle">Campaign and journey names</h2>
            </EuiTitle>
            <EuiText size="s" color="subdued">
              <p>
                Events carry only ids. Names are kept in the cluster, so they stay after Pinpoint's
                API has gone.
              </p>
            </EuiText>
          </EuiFlyoutHeader>
          <EuiFlyoutBody>
            <EuiTitle size="xs">
              <h3>Import a CSV file</h3>
            </EuiTitle>
            <NamesImport api={props.api} onImported={props.onChanged} />
            <EuiHorizontalRule />
            <EuiTitle size="xs">
              <h3>Read names from Pinpoint</h3>
            </EuiTitle>
            <EuiText size="s" color="subdued">
              <p>
                While the API still answers (its support ended on 2026-10-30). Uses the Dashboards
                server's AWS credentials; names imported or typed here are kept.
              </p>
            </EuiText>
            <NamesRefresh api={props.api} onRefreshed={props.onChanged} />
          </EuiFlyoutBody>
        </EuiFlyout>
      )}
    </>
  );
}

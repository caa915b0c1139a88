/**
 * Read names from Pinpoint's API (GetCampaigns / ListJourneys) into the cluster while the API still answers.
 * The server's AWS identity makes the calls; names typed or imported stay. After the end of support the
 * answer says the API no longer answers and that the stored names are unchanged.
 */
import React, { useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSpacer,
} from '@elastic/eui';
import type { NamesApi, NamesRefreshResult } from '../../../api/names';
import { useFetch } from '../../../hooks/use_fetch';

/** "a, b c" -> ["a", "b", "c"]: application ids pasted from anywhere. */
export function splitAppIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface NamesRefreshProps {
  api: Pick<NamesApi, 'refresh'>;
  defaultRegion?: string;
  defaultAppIds?: string[];
  onRefreshed?: (result: NamesRefreshResult) => void;
}

export function NamesRefresh(props: NamesRefreshProps): React.ReactElement {
  const [region, setRegion] = useState(props.defaultRegion ?? '');
  const [appIds, setAppIds] = useState((props.defaultAppIds ?? []).join(', '));
  const refreshCall = useFetch(
    (signal, chosenRegion: string, chosenIds: string[]): Promise<NamesRefreshResult> =>
      props.api.refresh(chosenRegion, chosenIds, signal),
    { onDone: (answer) => props.onRefreshed?.(answer) }
  );
  const { state } = refreshCall;
  const busy = state.phase === 'loading';
  const error = state.phase === 'error' ? state.error.message : undefined;
  const result = state.phase === 'done' ? state.data : undefined;

  const ids = splitAppIds(appIds);
  const submit = async () => {
    await refreshCall.run(region.trim(), ids);
  };

  return (
    <div data-test-subj="pinpointNamesRefresh">
      <EuiFlexGroup gutterSize="s" alignItems="flexEnd" wrap>
        <EuiFlexItem grow={false}>
          <EuiFormRow label="AWS region">
            <EuiFieldText
              compressed
              placeholder="us-east-1"
              value={region}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRegion(e.target.value)}
              data-test-subj="pinpointNamesRegion"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow
            label="Pinpoint project (application) ids"
            helpText="Separated by commas or spaces."
          >
            <EuiFieldText
              compressed
              value={appIds}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAppIds(e.target.value)}
              data-test-subj="pinpointNamesAppIds"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            isLoading={busy}
            isDisabled={region.trim() === '' || ids.length === 0}
            onClick={() => void submit()}
            data-test-subj="pinpointNamesRefreshButton"
          >
            Read names from Pinpoint
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      {error && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="danger" iconType="alert" title="Nothing was read" role="alert">
            <p>{error}</p>
          </EuiCallOut>
        </>
      )}
      {result && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            color={result.pinpointAnswered ? 'success' : 'warning'}
            iconType={result.pinpointAnswered ? 'check' : 'help'}
            title={result.message}
            role="status"
            data-test-subj="pinpointNamesRefreshResult"
          >
            <ul>
              {result.applications.map((a) => (
                <li key={a.applicationId}>
                  <code>{a.applicationId}</code>:{' '}
                  {a.error ?? `${a.campaigns} campaigns, ${a.journeys} journeys`}
                </li>
              ))}
            </ul>
          </EuiCallOut>
        </>
      )}
    </div>
  );
}

import React from 'react';
import { EuiCallOut, EuiLink, EuiText } from '@elastic/eui';
import type { ReportSources } from '../../../../common/campaigns/types';

/** Where the numbers come from: summary days (history that outlives raw index deletion) and excluded indices. */
export function SourcesNote(props: {
  sources: ReportSources;
  onSetup: () => void;
  /** False where the summaries' own line (public/features/summaries) already says which days they cover. */
  showSummaryDays?: boolean;
}): React.ReactElement | null {
  const { summaryDays, excluded, rawIndices } = props.sources;
  return (
    <>
      {props.showSummaryDays !== false && summaryDays.length > 0 && (
        <EuiText size="xs" color="subdued" data-test-subj="pinpointSummaryDays">
          <p>
            {summaryDays.length} day{summaryDays.length === 1 ? '' : 's'} ({summaryDays[0]} …{' '}
            {summaryDays[summaryDays.length - 1]}) read from the plugin&apos;s summaries;{' '}
            {rawIndices.length} raw
            {rawIndices.length === 1 ? ' index' : ' indices'} read directly. Summaries keep a
            campaign&apos;s history even after its raw daily indices are deleted.
          </p>
        </EuiText>
      )}
      {excluded.length > 0 && (
        <EuiCallOut
          size="s"
          color="warning"
          iconType="alert"
          title={`${excluded.length} ${excluded.length === 1 ? 'index is' : 'indices are'} left out of these numbers`}
          data-test-subj="pinpointExcludedIndices"
        >
          <p>
            {excluded
              .slice(0, 5)
              .map((e) => e.index)
              .join(', ')}
            {excluded.length > 5 ? ` and ${excluded.length - 5} more` : ''}: {excluded[0].reason}.{' '}
            <EuiLink onClick={props.onSetup}>Open the setup page</EuiLink>
          </p>
        </EuiCallOut>
      )}
    </>
  );
}

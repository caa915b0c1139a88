import React from 'react';
import { EuiButton, EuiCallOut, EuiText } from '@elastic/eui';

/**
 * The seed's "Last 15 minutes" trap: an empty range says where the data is and goes there in one click.
 */
export function EmptyRange(props: {
  dataSpan: { first: string; latest: string } | null;
  onGo: (range: { from: string; to: string }) => void;
  what: string;
}): React.ReactElement {
  const span = props.dataSpan;
  return (
    <EuiCallOut
      title={`No ${props.what} sent in this time range`}
      iconType="search"
      data-test-subj="pinpointEmptyRange"
    >
      {span ? (
        <>
          <EuiText size="s">
            <p>
              The archive holds events from <strong>{new Date(span.first).toUTCString()}</strong> to{' '}
              <strong>{new Date(span.latest).toUTCString()}</strong>.
            </p>
          </EuiText>
          <EuiButton
            size="s"
            data-test-subj="pinpointGoToData"
            onClick={() =>
              props.onGo({
                from: span.first,
                to: new Date(Date.parse(span.latest) + 1).toISOString(),
              })
            }
          >
            Show that range
          </EuiButton>
        </>
      ) : (
        <EuiText size="s">
          <p>The archive holds no events yet: check the setup page and the AWS pipeline.</p>
        </EuiText>
      )}
    </EuiCallOut>
  );
}

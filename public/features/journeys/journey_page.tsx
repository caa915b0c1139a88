/** One journey: its totals and each activity's funnel and send statuses. */
import React from 'react';
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiCallOut,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { useHistory, useParams } from 'react-router-dom';
import { DEFAULT_RANGE } from '../../../common/campaigns/query';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { linkSearch } from '../campaigns/utils/link_search';
import type { ActivityReport } from '../../../common/campaigns/types';
import type { CampaignsApi } from '../../api/campaigns';
import { EmptyRange } from '../campaigns/components/empty_range';
import { Funnel } from '../campaigns/components/funnel';
import { TimeRangeBar } from '../campaigns/components/time_range_bar';
import { useFetch } from '../campaigns/hooks/use_fetch';
import { useUrlState } from '../campaigns/hooks/use_url_state';
import { count, percent } from '../campaigns/utils/format';

export function JourneyPage(props: { api: CampaignsApi }): React.ReactElement {
  const { id } = useParams<{ id: string }>();
  const history = useHistory();
  const [state, update] = useUrlState({
    prefix: DEFAULT_INDEX_PREFIX,
    from: DEFAULT_RANGE.from,
    to: DEFAULT_RANGE.to,
  });
  const result = useFetch(`${id}|${state.prefix}|${state.from}|${state.to}`, (signal) =>
    props.api.journey(id, { prefix: state.prefix, from: state.from, to: state.to }, signal)
  );
  const journey = result.data?.journey;
  return (
    <div data-test-subj="pinpointJourneyPage">
      <EuiButtonEmpty
        iconType="arrowLeft"
        size="xs"
        onClick={() =>
          history.push({
            pathname: '/',
            search: linkSearch(state),
          })
        }
      >
        All campaigns
      </EuiButtonEmpty>
      <EuiTitle size="m">
        <h2>{journey?.name ?? id}</h2>
      </EuiTitle>
      <EuiText size="xs" color="subdued">
        <p>Journey {id}</p>
      </EuiText>
      <TimeRangeBar
        range={{ from: state.from, to: state.to }}
        onChange={update}
        onRefresh={result.reload}
        isLoading={result.loading}
      />
      <EuiSpacer size="m" />
      {result.error && (
        <EuiCallOut color="danger" title="Could not read this journey" iconType="alert">
          <p>{result.error}</p>
        </EuiCallOut>
      )}
      {result.data && !journey && (
        <EmptyRange what="messages of this journey" dataSpan={result.data.dataSpan} onGo={update} />
      )}
      {journey && (
        <>
          <Funnel metrics={journey} />
          <EuiSpacer size="l" />
          <EuiTitle size="s">
            <h3>Per activity</h3>
          </EuiTitle>
          <EuiBasicTable<ActivityReport>
            data-test-subj="pinpointActivities"
            items={journey.activities}
            itemId="activityId"
            columns={[
              { field: 'activityId', name: 'Activity' },
              {
                name: 'Sent',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.sent + a.sms.sent),
              },
              {
                name: 'Delivered',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.delivered + a.sms.delivered),
              },
              {
                name: 'Opened',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.opened),
              },
              {
                name: 'Open rate',
                align: 'right',
                render: (a: ActivityReport) => percent(a.email.openRate),
              },
              {
                name: 'Clicked',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.clicked),
              },
              {
                name: 'Bounced',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.hardBounced + a.email.softBounced),
              },
              {
                name: 'Complained',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.complained),
              },
              {
                name: 'Unsubscribed',
                align: 'right',
                render: (a: ActivityReport) => count(a.email.unsubscribed),
              },
              {
                name: 'Send statuses',
                render: (a: ActivityReport) =>
                  Object.entries(a.sendStatuses)
                    .map(([s, n]) => `${s} ${count(n)}`)
                    .join(', ') || '—',
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

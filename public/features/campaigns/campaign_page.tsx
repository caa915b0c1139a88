/** One campaign: funnel, treatments, charts (a lazy chunk), links, domains, SMS, not-sent reasons. */
import React, { Suspense, useState } from 'react';
import {
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiLoadingChart,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { useHistory, useParams } from 'react-router-dom';
import { DEFAULT_RANGE } from '../../../common/campaigns/query';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { campaignOverviewPath } from '../../../common/saved_objects/dashboard_url';
import { linkSearch } from './utils/link_search';
import type { CampaignsApi } from '../../api/campaigns';
import { BreakdownTables } from './components/breakdown_tables';
import { EmptyRange } from './components/empty_range';
import { Funnel } from './components/funnel';
import { NameInlineEdit } from '../names';
import { SourcesNote } from './components/sources_note';
import { TimeRangeBar } from './components/time_range_bar';
import { Treatments } from './components/treatments';
import { useFetch } from './hooks/use_fetch';
import { useUrlState } from './hooks/use_url_state';

const CampaignCharts = React.lazy(() => import('./components/charts'));

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function CampaignPage(props: {
  api: CampaignsApi;
  /** An app path under Dashboards' base path (core.http.basePath.prepend); absent: no dashboard link. */
  appHref?: (path: string) => string;
}): React.ReactElement {
  const { id } = useParams<{ id: string }>();
  const history = useHistory();
  const [state, update] = useUrlState({
    prefix: DEFAULT_INDEX_PREFIX,
    from: DEFAULT_RANGE.from,
    to: DEFAULT_RANGE.to,
  });
  const [renamed, setRenamed] = useState<string | null>(null);
  const timeZone = browserZone();
  const result = useFetch(`${id}|${state.prefix}|${state.from}|${state.to}`, (signal) =>
    props.api.campaign(
      id,
      { prefix: state.prefix, from: state.from, to: state.to, timeZone },
      signal
    )
  );
  const detail = result.data;
  const campaign = detail?.campaign;
  const name = renamed ?? campaign?.name ?? null;
  return (
    <div data-test-subj="pinpointCampaignPage">
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
      <EuiFlexGroup alignItems="center" wrap>
        <EuiFlexItem grow={false}>
          <EuiTitle size="m">
            <h2 data-test-subj="pinpointCampaignTitle">{name ?? id}</h2>
          </EuiTitle>
          <EuiText size="xs" color="subdued">
            <p>
              Campaign {id}
              {campaign ? ` · ${campaign.channels.join(', ') || 'no messages'}` : ''}
            </p>
          </EuiText>
          <NameInlineEdit
            id={id}
            name={name}
            showName={false}
            api={props.api}
            onSaved={(entry) => setRenamed(entry.name)}
          />
        </EuiFlexItem>
        <EuiFlexItem>
          <TimeRangeBar
            range={{ from: state.from, to: state.to }}
            onChange={(r) => update(r)}
            onRefresh={result.reload}
            isLoading={result.loading}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {result.error && (
        <EuiCallOut color="danger" title="Could not read this campaign" iconType="alert">
          <p>{result.error}</p>
        </EuiCallOut>
      )}
      {detail && <SourcesNote sources={detail.sources} onSetup={() => history.push('/setup')} />}
      {props.appHref && (
        <EuiText size="xs">
          <p>
            <EuiLink
              href={props.appHref(
                campaignOverviewPath({ campaignId: id, time: { from: state.from, to: state.to } })
              )}
              data-test-subj="pinpointCampaignDashboardLink"
            >
              Open this campaign in the Campaign overview dashboard
            </EuiLink>{' '}
            (the dashboard counts events that arrived in this range; the numbers here count the
            messages sent in it).
          </p>
        </EuiText>
      )}
      {detail && !campaign && (
        <EmptyRange what="messages of this campaign" dataSpan={detail.dataSpan} onGo={update} />
      )}
      {detail && campaign && (
        <>
          <Funnel metrics={campaign} />
          <EuiSpacer size="l" />
          <Treatments campaign={campaign} />
          <EuiSpacer size="l" />
          <Suspense fallback={<EuiLoadingChart size="l" />}>
            <CampaignCharts detail={detail} />
          </Suspense>
          <EuiSpacer size="l" />
          <BreakdownTables detail={detail} />
        </>
      )}
    </div>
  );
}

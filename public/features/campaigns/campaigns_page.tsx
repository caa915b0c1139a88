/**
 * Campaigns: every campaign and journey with messages sent in the range — sortable, searchable, paginated,
 * exportable as CSV — with the time picker, and help when the range holds nothing. State lives in the URL.
 */
import React, { useEffect } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiCallOut,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useHistory } from 'react-router-dom';
import type { CampaignListRow } from '../../../common/campaigns/list';
import {
  CAMPAIGN_SORT_KEYS,
  DEFAULT_RANGE,
  type CampaignSortKey,
} from '../../../common/campaigns/query';
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import type { CampaignsApi } from '../../api/campaigns';
import type { NamesApi } from '../../api/names';
import { NamesButton } from '../names';
import { SummariesLine, type SummariesApi } from '../summaries';
import { EmptyRange } from './components/empty_range';
import { SourcesNote } from './components/sources_note';
import { TimeRangeBar } from './components/time_range_bar';
import { useFetch } from './hooks/use_fetch';
import { linkSearch } from './utils/link_search';
import { useUrlState } from './hooks/use_url_state';
import { count, percent, usd } from './utils/format';

const DEFAULTS = {
  prefix: DEFAULT_INDEX_PREFIX,
  from: DEFAULT_RANGE.from,
  to: DEFAULT_RANGE.to,
  sort: 'sent',
  order: 'desc',
  page: '0',
  perPage: '20',
  search: '',
};

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

export function CampaignsPage(props: {
  api: CampaignsApi;
  /** Import and refresh of names (the names feature); absent: no Names button. */
  namesApi?: NamesApi;
  /** The summaries (their line and Build button); absent: not shown. */
  summariesApi?: SummariesApi;
}): React.ReactElement {
  const history = useHistory();
  const [state, update, explicitRange] = useUrlState(DEFAULTS);
  const query = {
    prefix: state.prefix,
    from: state.from,
    to: state.to,
    sort: state.sort as CampaignSortKey,
    order: state.order as 'asc' | 'desc',
    page: Number(state.page),
    perPage: Number(state.perPage),
    search: state.search,
  };
  const key = JSON.stringify(query);
  const result = useFetch(key, (signal) => props.api.list(query, signal));
  const data = result.data;

  // The default range is one that finds the data: with no range in the URL and nothing in the last 30
  // days, go to the 30 days that end with the latest event.
  useEffect(() => {
    if (explicitRange || !data || data.total > 0 || !data.dataSpan || query.search) return;
    const latest = Date.parse(data.dataSpan.latest);
    update(
      {
        from: new Date(
          Math.max(Date.parse(data.dataSpan.first), latest - 30 * 86_400_000)
        ).toISOString(),
        to: new Date(latest + 1).toISOString(),
      },
      true
    );
  }, [data, explicitRange]);

  const open = (row: CampaignListRow) =>
    history.push({
      pathname: `/${row.kind === 'journey' ? 'journeys' : 'campaigns'}/${row.id}`,
      search: linkSearch(state),
    });

  const sortable = (field: CampaignSortKey) =>
    (CAMPAIGN_SORT_KEYS as readonly string[]).includes(field);
  const columns: Array<EuiBasicTableColumn<CampaignListRow>> = [
    {
      field: 'name',
      name: 'Campaign',
      sortable: true,
      width: '22%',
      render: (_: unknown, row: CampaignListRow) => (
        <EuiLink onClick={() => open(row)} data-test-subj={`pinpointCampaignLink-${row.id}`}>
          {row.name ?? row.id}
          {row.kind === 'journey' ? ' (journey)' : ''}
        </EuiLink>
      ),
    },
    { field: 'channel', name: 'Channel', sortable: true },
    ...(
      [
        ['sent', 'Sent'],
        ['delivered', 'Delivered'],
        ['opened', 'Opened'],
        ['clicked', 'Clicked'],
        ['bounced', 'Bounces'],
        ['complained', 'Complaints'],
        ['unsubscribed', 'Unsubscribes'],
      ] as const
    ).map(([field, name]) => ({
      field,
      name,
      sortable: sortable(field),
      align: 'right' as const,
      render: (v: number) => count(v),
    })),
    ...(
      [
        ['deliveryRate', 'Delivery rate'],
        ['openRate', 'Open rate'],
        ['clickRate', 'Click rate'],
      ] as const
    ).map(([field, name]) => ({
      field,
      name,
      sortable: true,
      align: 'right' as const,
      render: (v: number | null) => percent(v),
    })),
    {
      field: 'smsSpend',
      name: 'SMS spend',
      sortable: true,
      align: 'right',
      render: (v: number) => usd(v),
    },
  ];

  return (
    <div data-test-subj="pinpointCampaignsPage">
      <EuiFlexGroup alignItems="center" wrap>
        <EuiFlexItem grow={false}>
          <EuiTitle size="m">
            <h2>Campaigns</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem>
          <TimeRangeBar
            range={{ from: state.from, to: state.to }}
            onChange={(r) => update({ ...r, page: '0' })}
            onRefresh={result.reload}
            isLoading={result.loading}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiText size="s" color="subdued">
        <p>
          Messages sent in the range and everything that happened to them since. Every count is
          exact (per message, no estimates).
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFlexGroup>
        <EuiFlexItem>
          <EuiFieldSearch
            placeholder="Search by name or id"
            aria-label="Search campaigns by name or id"
            defaultValue={state.search}
            onSearch={(search: string) => update({ search, page: '0' })}
            isClearable
            fullWidth
            data-test-subj="pinpointCampaignSearch"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton
            iconType="exportAction"
            data-test-subj="pinpointExportCsv"
            isDisabled={!data || data.total === 0}
            onClick={async () => download(await props.api.csv(query), 'pinpoint-campaigns.csv')}
          >
            Export CSV
          </EuiButton>
        </EuiFlexItem>
        {props.namesApi && (
          <EuiFlexItem grow={false}>
            <NamesButton api={props.namesApi} onChanged={result.reload} />
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {result.error && (
        <EuiCallOut color="danger" title="Could not read the campaigns" iconType="alert">
          <p>{result.error}</p>
        </EuiCallOut>
      )}
      {data && (
        <SourcesNote
          sources={data.sources}
          onSetup={() => history.push('/setup')}
          showSummaryDays={!props.summariesApi}
        />
      )}
      {data && props.summariesApi && (
        <SummariesLine
          api={props.summariesApi}
          prefix={query.prefix}
          from={data.from}
          to={data.to}
          summaryDays={data.sources.summaryDays}
          onBuilt={result.reload}
        />
      )}
      {data && data.total === 0 && !query.search ? (
        <EmptyRange
          what="campaign messages"
          dataSpan={data.dataSpan}
          onGo={(r) => update({ ...r, page: '0' })}
        />
      ) : (
        <EuiBasicTable<CampaignListRow>
          data-test-subj="pinpointCampaignsTable"
          items={data?.rows ?? []}
          itemId="id"
          columns={columns}
          loading={result.loading}
          rowProps={(row: CampaignListRow) => ({
            'data-test-subj': `pinpointCampaignRow-${row.id}`,
          })}
          sorting={{ sort: { field: query.sort, direction: query.order } }}
          pagination={{
            pageIndex: data?.page ?? 0,
            pageSize: query.perPage,
            totalItemCount: data?.total ?? 0,
            pageSizeOptions: [10, 20, 50, 100],
          }}
          onChange={({
            page,
            sort,
          }: {
            page?: { index: number; size: number };
            sort?: { field: string; direction: string };
          }) =>
            update({
              page: String(page?.index ?? 0),
              perPage: String(page?.size ?? query.perPage),
              ...(sort ? { sort: String(sort.field), order: sort.direction } : {}),
            })
          }
        />
      )}
    </div>
  );
}

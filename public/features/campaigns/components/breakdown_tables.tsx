import React from 'react';
import {
  EuiBasicTable,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type {
  CampaignDetail,
  CountryRow,
  DomainRow,
} from '../../../../common/campaigns/detail_types';
import { count, percent, usd } from '../utils/format';

function Section(props: {
  title: string;
  id: string;
  children: React.ReactNode;
}): React.ReactElement {
  return (
    <section aria-labelledby={props.id}>
      <EuiTitle size="xs">
        <h3 id={props.id}>{props.title}</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {props.children}
      <EuiSpacer size="m" />
    </section>
  );
}

/** Top links, deliverability by domain, SMS by country and failures, not-sent reasons. */
export function BreakdownTables(props: { detail: CampaignDetail }): React.ReactElement {
  const { detail } = props;
  const c = detail.campaign;
  const notSent = Object.entries(c?.notSent ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <EuiFlexGroup>
        {detail.links.rows.length > 0 && (
          <EuiFlexItem>
            <Section
              title={`Top clicked links${detail.links.approximate ? ' (≈ approximate)' : ''}`}
              id="pinpointLinksTitle"
            >
              <EuiBasicTable<{ link: string; clicks: number }>
                data-test-subj="pinpointTopLinks"
                items={detail.links.rows}
                columns={[
                  { field: 'link', name: 'Link', truncateText: true },
                  {
                    field: 'clicks',
                    name: 'Clicks',
                    align: 'right',
                    render: (n: number) => count(n),
                  },
                ]}
              />
            </Section>
          </EuiFlexItem>
        )}
        {notSent.length > 0 && (
          <EuiFlexItem>
            <Section title="Not sent, by reason" id="pinpointNotSentTitle">
              <EuiBasicTable<{ status: string; n: number }>
                data-test-subj="pinpointNotSent"
                items={notSent.map(([status, n]) => ({ status, n }))}
                columns={[
                  { field: 'status', name: 'campaign_send_status' },
                  {
                    field: 'n',
                    name: 'Endpoints',
                    align: 'right',
                    render: (n: number) => count(n),
                  },
                ]}
              />
              <EuiText size="xs" color="subdued">
                <p>
                  HOLDOUT is the A/B test&apos;s holdout group: endpoints deliberately not sent to.
                </p>
              </EuiText>
            </Section>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      {detail.domains.length > 0 && (
        <Section title="Deliverability by recipient domain" id="pinpointDomainsTitle">
          <EuiBasicTable<DomainRow>
            data-test-subj="pinpointDomains"
            items={detail.domains}
            columns={[
              { field: 'domain', name: 'Domain' },
              { field: 'sent', name: 'Sent', align: 'right', render: count },
              { field: 'delivered', name: 'Delivered', align: 'right', render: count },
              {
                field: 'deliveryRate',
                name: 'Delivery rate',
                align: 'right',
                render: (v: number | null) => percent(v),
              },
              { field: 'hardBounced', name: 'Hard bounces', align: 'right', render: count },
              { field: 'softBounced', name: 'Soft bounces', align: 'right', render: count },
              { field: 'complained', name: 'Complaints', align: 'right', render: count },
              { field: 'opened', name: 'Opened', align: 'right', render: count },
            ]}
          />
        </Section>
      )}
      {detail.smsCountries.length > 0 && (
        <EuiFlexGroup>
          <EuiFlexItem>
            <Section title="SMS by country" id="pinpointSmsCountriesTitle">
              <EuiBasicTable<CountryRow>
                data-test-subj="pinpointSmsCountries"
                items={detail.smsCountries}
                columns={[
                  { field: 'country', name: 'Country' },
                  { field: 'sent', name: 'Sent', align: 'right', render: count },
                  { field: 'delivered', name: 'Delivered', align: 'right', render: count },
                  { field: 'failed', name: 'Failed', align: 'right', render: count },
                  { field: 'parts', name: 'Parts', align: 'right', render: count },
                  { field: 'spendUsd', name: 'Spend', align: 'right', render: usd },
                ]}
              />
            </Section>
          </EuiFlexItem>
          <EuiFlexItem>
            <Section title="SMS failures by record_status" id="pinpointSmsFailuresTitle">
              <EuiBasicTable<{ status: string; n: number }>
                data-test-subj="pinpointSmsFailures"
                items={Object.entries(detail.smsFailures).map(([status, n]) => ({ status, n }))}
                columns={[
                  { field: 'status', name: 'record_status' },
                  { field: 'n', name: 'Messages', align: 'right', render: (n: number) => count(n) },
                ]}
              />
            </Section>
          </EuiFlexItem>
        </EuiFlexGroup>
      )}
    </>
  );
}

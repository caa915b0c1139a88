import React from 'react';
import { EuiFlexGrid, EuiFlexItem, EuiPanel, EuiStat } from '@elastic/eui';
import type { MetricGroups } from '../../../../common/campaigns/types';
import { count, percent, usd } from '../utils/format';

interface StatProps {
  id: string;
  title: string;
  value: string;
  note?: string;
}

function Stat({ id, title, value, note }: StatProps): React.ReactElement {
  return (
    <EuiFlexItem>
      <EuiPanel paddingSize="s" data-test-subj={`pinpointStat-${id}`}>
        <EuiStat title={value} description={title} titleSize="s">
          {note && <span data-test-subj={`pinpointStatNote-${id}`}>{note}</span>}
        </EuiStat>
      </EuiPanel>
    </EuiFlexItem>
  );
}

/** The funnel of each channel the campaign used, each stage with its rate per the contract. */
export function Funnel(props: { metrics: MetricGroups }): React.ReactElement {
  const { email, sms, push } = props.metrics;
  return (
    <>
      {email.sent > 0 && (
        <EuiFlexGrid columns={4} data-test-subj="pinpointEmailFunnel" aria-label="Email funnel">
          <Stat id="email.sent" title="Emails sent" value={count(email.sent)} />
          <Stat
            id="email.delivered"
            title="Delivered"
            value={count(email.delivered)}
            note={`${percent(email.deliveryRate)} of sent`}
          />
          <Stat
            id="email.opened"
            title="Opened (unique)"
            value={count(email.opened)}
            note={`${percent(email.openRate)} of delivered · ${count(email.opens)} opens`}
          />
          <Stat
            id="email.clicked"
            title="Clicked (unique)"
            value={count(email.clicked)}
            note={`${percent(email.clickRate)} of delivered · ${percent(email.clickToOpenRate)} of opened`}
          />
          <Stat
            id="email.hardBounced"
            title="Hard bounces"
            value={count(email.hardBounced)}
            note={`${percent(email.hardBounceRate, 2)} of sent · ${count(email.softBounced)} soft`}
          />
          <Stat
            id="email.complained"
            title="Complaints"
            value={count(email.complained)}
            note={`${percent(email.complaintRate, 2)} of sent`}
          />
          <Stat
            id="email.unsubscribed"
            title="Unsubscribes"
            value={count(email.unsubscribed)}
            note={`${percent(email.unsubscribeRate, 2)} of delivered`}
          />
          <Stat id="email.rejected" title="Rejected" value={count(email.rejected)} />
        </EuiFlexGrid>
      )}
      {sms.sent > 0 && (
        <EuiFlexGrid columns={4} data-test-subj="pinpointSmsFunnel" aria-label="SMS funnel">
          <Stat id="sms.sent" title="SMS sent" value={count(sms.sent)} />
          <Stat
            id="sms.delivered"
            title="Delivered"
            value={count(sms.delivered)}
            note={`${percent(sms.deliveryRate)} of sent`}
          />
          <Stat id="sms.failed" title="Failed" value={count(sms.failed)} />
          <Stat id="sms.optedOut" title="Opted out" value={count(sms.optedOut)} />
          <Stat
            id="sms.spendUsd"
            title="Spend"
            value={usd(sms.spendUsd)}
            note={`${count(sms.parts)} message parts`}
          />
        </EuiFlexGrid>
      )}
      {(push.sent > 0 || push.opened > 0) && (
        <EuiFlexGrid columns={4} data-test-subj="pinpointPushFunnel" aria-label="Push funnel">
          <Stat id="push.sent" title="Push sent" value={count(push.sent)} />
          <Stat id="push.opened" title="Opened (endpoints)" value={count(push.opened)} />
        </EuiFlexGrid>
      )}
      <EuiFlexGrid columns={4}>
        <Stat
          id="endpointsTargeted"
          title="Endpoints targeted"
          value={count(props.metrics.endpointsTargeted)}
        />
      </EuiFlexGrid>
    </>
  );
}

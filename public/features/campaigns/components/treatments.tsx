import React from 'react';
import { EuiBasicTable, EuiCallOut, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { CampaignReport, TreatmentReport } from '../../../../common/campaigns/types';
import { comparisonSentence, count, percent } from '../utils/format';

/** Treatments side by side, treatment 0 the baseline, and each comparison in words: winner or noise. */
export function Treatments(props: { campaign: CampaignReport }): React.ReactElement | null {
  const { treatments, comparisons } = props.campaign;
  if (treatments.length < 2) return null;
  return (
    <section aria-labelledby="pinpointTreatmentsTitle" data-test-subj="pinpointTreatments">
      <EuiTitle size="s">
        <h3 id="pinpointTreatmentsTitle">Treatments (A/B test)</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiBasicTable<TreatmentReport>
        items={treatments}
        itemId="treatmentId"
        rowProps={(t: TreatmentReport) => ({
          'data-test-subj': `pinpointTreatment-${t.treatmentId}`,
        })}
        columns={[
          {
            field: 'treatmentId',
            name: 'Treatment',
            render: (id: string) => (id === '0' ? '0 (baseline)' : id),
          },
          { field: 'endpointsTargeted', name: 'Endpoints targeted', align: 'right', render: count },
          {
            name: 'Held out',
            align: 'right',
            render: (t: TreatmentReport) => count(t.notSent.HOLDOUT ?? 0),
          },
          {
            name: 'Sent',
            align: 'right',
            render: (t: TreatmentReport) => count(t.email.sent + t.sms.sent + t.push.sent),
          },
          {
            name: 'Delivered',
            align: 'right',
            render: (t: TreatmentReport) => count(t.email.delivered + t.sms.delivered),
          },
          { name: 'Opened', align: 'right', render: (t: TreatmentReport) => count(t.email.opened) },
          {
            name: 'Open rate',
            align: 'right',
            render: (t: TreatmentReport) => percent(t.email.openRate),
          },
          {
            name: 'Clicked',
            align: 'right',
            render: (t: TreatmentReport) => count(t.email.clicked),
          },
          {
            name: 'Click rate',
            align: 'right',
            render: (t: TreatmentReport) => percent(t.email.clickRate),
          },
          {
            name: 'Unsubscribed',
            align: 'right',
            render: (t: TreatmentReport) => count(t.email.unsubscribed),
          },
        ]}
      />
      <EuiSpacer size="s" />
      {comparisons.map((c) => (
        <EuiCallOut
          key={`${c.treatmentId}-${c.metric}`}
          size="s"
          color={c.significant ? (c.difference! > 0 ? 'success' : 'warning') : 'primary'}
          iconType={c.significant ? 'check' : 'iInCircle'}
          title={comparisonSentence(c)}
          data-test-subj={`pinpointComparison-${c.treatmentId}-${c.metric}`}
        />
      ))}
      <EuiText size="xs" color="subdued">
        <p>
          Difference of proportions with a 95% confidence interval (Newcombe&apos;s hybrid score
          method) and the two-sided p-value of the pooled two-proportion z-test. Rates over
          delivered messages.
        </p>
      </EuiText>
    </section>
  );
}

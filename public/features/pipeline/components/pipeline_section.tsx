import React, { useMemo } from 'react';
import { EuiCallOut, EuiLoadingSpinner, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { WiringReport } from '../../../../common/wiring_types';
import { createWiringApi, type WiringApi } from '../../../api/wiring';
import { calloutColor } from '../../../components/checks';
import type { HttpSetup } from '../../../osd_port';
import { useWiringCheck } from '../hooks/use_wiring_check';
import { useWiringSettings } from '../hooks/use_wiring_settings';
import { PipelineView } from './pipeline_view';
import { WiringForm } from './wiring_form';

export interface PipelineSectionProps {
  http: HttpSetup;
  /** For tests and hosts that build the API themselves. */
  api?: WiringApi;
}

/** The verdict in words (never "wired" when nothing was confirmed) and what to do first. */
function Summary({ report }: { report: WiringReport }): React.ReactElement {
  const checks = report.hops.flatMap((h) => h.checks);
  const next =
    checks.find((c) => c.status === 'fail' && c.remedy) ??
    checks.find((c) => c.status === 'warn' && c.remedy) ??
    checks.find((c) => c.status === 'unknown' && c.remedy);
  return (
    <EuiCallOut
      title={report.headline}
      color={calloutColor(report.status)}
      size="s"
      data-test-subj="pinpointWiringSummary"
      data-status={report.status}
    >
      {next?.remedy ? (
        <p data-test-subj="pinpointWiringNext">
          <strong>First:</strong> {next.remedy.text} ({next.title})
        </p>
      ) : null}
      <p>
        Checked in {(report.durationMs / 1000).toFixed(1)} s.
        {report.complete
          ? ''
          : ` Stopped at the ${report.deadlineMs / 1000} s limit: unfinished hops say so.`}
      </p>
    </EuiCallOut>
  );
}

/**
 * The setup page's Pipeline section: Pinpoint event stream -> Firehose -> this cluster, checked on the server
 * with its AWS credentials (they never reach the browser). The region and application ids are remembered.
 */
export function PipelineSection({ http, api }: PipelineSectionProps): React.ReactElement {
  const wiring = useMemo(() => api ?? createWiringApi(http), [api, http]);
  const settings = useWiringSettings(wiring);
  const { view, run } = useWiringCheck(wiring);
  return (
    <section data-test-subj="pinpointPipelineSection">
      <EuiTitle size="s">
        <h2>Pipeline</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          Pinpoint event stream → Kinesis Data Firehose → this OpenSearch domain, checked hop by hop
          with the Dashboards server’s AWS credentials.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      {settings.phase === 'loading' ? (
        <EuiLoadingSpinner size="m" />
      ) : (
        <>
          {settings.phase === 'error' ? (
            <EuiCallOut size="s" color="warning" title="Saved inputs could not be loaded">
              <p>{settings.message}</p>
            </EuiCallOut>
          ) : null}
          <WiringForm initial={settings.form} running={view.phase === 'running'} onSubmit={run} />
        </>
      )}
      <EuiSpacer size="m" />
      {view.phase === 'error' ? (
        <EuiCallOut
          color="danger"
          title="The check could not run"
          data-test-subj="pinpointWiringError"
        >
          <p>{view.message}</p>
        </EuiCallOut>
      ) : null}
      {view.phase === 'done' ? (
        <>
          <Summary report={view.report} />
          {view.saveError ? (
            <EuiText size="xs" color="subdued">
              <p>The inputs were not remembered: {view.saveError}</p>
            </EuiText>
          ) : null}
          <EuiSpacer size="m" />
          <PipelineView report={view.report} />
        </>
      ) : null}
    </section>
  );
}

/**
 * The app's first page: the validation report as a checklist. Each finding shows its status, evidence and
 * fix; what the plugin can fix is a button (template, index pattern, default, repair), the rest exact
 * instructions. Further sections (the AWS pipeline check) come in as children.
 */
import React, { useCallback, useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { DEFAULT_INDEX_PREFIX } from '../../../../common/constants';
import { validateIndexPrefix } from '../../../../common/index_naming';
import type { ApplyResult, ValidationReport } from '../../../../common/report';
import { InvalidInputError } from '../../../../common/validation';
import type { IndexEngineApi } from '../../../api/index_engine';
import { useApply } from '../hooks/use_apply';
import { useReport } from '../hooks/use_report';
import { STATUS_COLOR } from '../utils/status';
import { FindingItem } from './finding_item';
import type { RunApply } from './fix_controls';
import { TemplateDiff } from './template_diff';

export interface SetupPageProps {
  api: IndexEngineApi;
  /** The repair control for one index (the repair feature's RepairIndexButton); `onDone` reloads the report. */
  renderRepair?: (index: string, onDone: () => void) => React.ReactNode;
  /** Called after a fix was applied, e.g. for a toast. */
  onApplied?: (result: ApplyResult) => void;
  initialPrefix?: string;
  children?: React.ReactNode;
}

function Summary({ report }: { report: ValidationReport }): React.ReactElement {
  const counts = { ok: 0, warn: 0, fail: 0 };
  for (const f of report.findings) counts[f.status] += 1;
  const title =
    report.status === 'ok'
      ? `Ready: ${report.pattern} is set up`
      : report.status === 'fail'
        ? `${counts.fail} thing${counts.fail === 1 ? '' : 's'} to fix for ${report.pattern}`
        : `Set up, with ${counts.warn} thing${counts.warn === 1 ? '' : 's'} to look at`;
  return (
    <EuiCallOut
      title={title}
      color={STATUS_COLOR[report.status]}
      data-test-subj="pinpointSetupSummary"
      data-status={report.status}
    >
      <p>
        {report.cluster.distribution} {report.cluster.version} ({report.cluster.clusterName}),{' '}
        {report.flavor} template {report.templateName}, next index {report.nextIndex}. {counts.ok}{' '}
        ok, {counts.warn} warnings, {counts.fail} failing.
      </p>
      {report.skipped.map((s) => (
        <p key={s.id}>{s.reason}</p>
      ))}
    </EuiCallOut>
  );
}

function PrefixForm({
  prefix,
  onChange,
}: {
  prefix: string;
  onChange(p: string): void;
}): React.ReactElement {
  const [text, setText] = useState(prefix);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = () => {
    try {
      onChange(validateIndexPrefix(text, 'Index prefix'));
      setError(undefined);
    } catch (e) {
      setError(e instanceof InvalidInputError ? e.message : String(e));
    }
  };
  return (
    <EuiFlexGroup alignItems="flexEnd" gutterSize="s" responsive={false}>
      <EuiFlexItem grow={false} style={{ minWidth: 280 }}>
        <EuiFormRow
          label="Index prefix (Firehose IndexName)"
          isInvalid={error !== undefined}
          error={error}
        >
          <EuiFieldText
            value={text}
            isInvalid={error !== undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit()}
            data-test-subj="pinpointPrefixInput"
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButton onClick={submit} data-test-subj="pinpointPrefixCheck">
          Check
        </EuiButton>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

export function SetupPage({
  api,
  renderRepair,
  onApplied,
  initialPrefix,
  children,
}: SetupPageProps): React.ReactElement {
  const [prefix, setPrefix] = useState(initialPrefix ?? DEFAULT_INDEX_PREFIX);
  const { state, reload } = useReport(api, prefix);
  const applied = useCallback(
    (result: ApplyResult) => {
      onApplied?.(result);
      reload();
    },
    [onApplied, reload]
  );
  const { state: applyState, run } = useApply(api, applied);
  const runApply = useCallback<RunApply>((options) => run({ ...options, prefix }), [run, prefix]);

  const report =
    state.phase === 'loaded'
      ? state.report
      : state.phase === 'loading'
        ? state.previous
        : undefined;
  const repair = renderRepair ? (index: string) => renderRepair(index, reload) : undefined;
  return (
    <div data-test-subj="pinpointSetupPage">
      <EuiTitle size="m">
        <h2>Setup</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          Firehose writes Pinpoint events to daily indices named after this prefix. The checks below
          cover the index template, the indices already there, the latest event and the index
          pattern.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      <PrefixForm prefix={prefix} onChange={(p) => (p === prefix ? reload() : setPrefix(p))} />
      <EuiSpacer size="m" />
      {state.phase === 'error' && (
        <EuiCallOut
          title="Could not check the cluster"
          color="danger"
          iconType="alert"
          data-test-subj="pinpointReportError"
        >
          <p>{state.message}</p>
        </EuiCallOut>
      )}
      {applyState.phase === 'error' && (
        <>
          <EuiCallOut
            title="The fix was not applied"
            color="danger"
            data-test-subj="pinpointApplyError"
          >
            <p>{applyState.message}</p>
            {applyState.diff && applyState.diff.length > 0 && (
              <TemplateDiff diff={applyState.diff} />
            )}
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      {state.phase === 'loading' && !report && <EuiLoadingSpinner size="l" />}
      {report && (
        <>
          <Summary report={report} />
          <EuiSpacer size="m" />
          <EuiFlexGroup direction="column" gutterSize="s">
            {report.findings.map((finding) => (
              <EuiFlexItem key={finding.id} grow={false}>
                <FindingItem
                  finding={finding}
                  busy={applyState.phase === 'running'}
                  runApply={runApply}
                  renderRepair={repair}
                />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <EuiButton
            size="s"
            iconType="refresh"
            onClick={reload}
            isLoading={state.phase === 'loading'}
            data-test-subj="pinpointReportReload"
          >
            Check again
          </EuiButton>
        </>
      )}
      {children && (
        <>
          <EuiSpacer size="xl" />
          {children}
        </>
      )}
    </div>
  );
}

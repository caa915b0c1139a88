/**
 * The app's first page: the validation report as a checklist. At the top, the verdict and what to do next;
 * then each check (the shared CheckItem) with its fix: what the plugin can do is a button (template, index
 * pattern, default, repair), the rest exact instructions. A repair's outcome stays on the page after the
 * report reloads. Further sections (the AWS pipeline check) come in as children.
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
import type { RepairJob } from '../../../../common/repair';
import type { ApplyResult, IndexCheck, ValidationReport } from '../../../../common/report';
import { InvalidInputError } from '../../../../common/validation';
import type { IndexEngineApi } from '../../../api/index_engine';
import { calloutColor } from '../../../components/checks';
import { diffOf, useApply } from '../hooks/use_apply';
import { useReport } from '../hooks/use_report';
import { IndexCheckItem } from './index_check_item';
import type { RunApply } from './fix_controls';
import { TemplateDiff } from './template_diff';

export interface SetupPageProps {
  api: IndexEngineApi;
  /** The repair controls for some indices (the repair feature's RepairControls); `onDone` after each. */
  renderRepairs?: (
    indices: readonly string[],
    onDone: (job: RepairJob) => void,
    prefix: string
  ) => React.ReactNode;
  /** Words for a finished repair (the repair feature's repairedWords). */
  repairedWords?: (job: RepairJob) => string;
  /** Called after a fix was applied, e.g. for a toast. */
  onApplied?: (result: ApplyResult) => void;
  initialPrefix?: string;
  children?: React.ReactNode;
}

/**
 * The checks to act on, worst first: the summary's "what to do next". A fix the user may not make is not a
 * step for them; the rights check says whom to ask instead.
 */
function nextSteps(checks: readonly IndexCheck[]): IndexCheck[] {
  const order = { fail: 0, warn: 1, unknown: 2 } as const;
  return checks
    .filter(
      (c): c is IndexCheck & { status: keyof typeof order } =>
        c.status in order && !!c.remedy && c.remedy.rights?.allowed !== false
    )
    .sort((a, b) => order[a.status] - order[b.status]);
}

function Summary({ report }: { report: ValidationReport }): React.ReactElement {
  const steps = nextSteps(report.checks).slice(0, 3);
  return (
    <EuiCallOut
      title={report.summary.headline}
      color={calloutColor(report.status)}
      data-test-subj="pinpointSetupSummary"
      data-status={report.status}
    >
      {steps.length > 0 ? (
        <>
          <p>
            <strong>What to do next:</strong>
          </p>
          <ol data-test-subj="pinpointNextSteps">
            {steps.map((c) => (
              <li key={c.id}>
                <a href={`#pinpoint-check-${c.id}`}>{c.title}</a>: {c.remedy?.text}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>Nothing to do: new events will be mapped and shown correctly.</p>
      )}
      <p>
        {report.cluster.distribution} {report.cluster.version} ({report.cluster.clusterName}),{' '}
        {report.flavor} template {report.templateName}, next index {report.nextIndex}.
      </p>
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
  renderRepairs,
  repairedWords,
  onApplied,
  initialPrefix,
  children,
}: SetupPageProps): React.ReactElement {
  const [prefix, setPrefix] = useState(initialPrefix ?? DEFAULT_INDEX_PREFIX);
  const reportLoad = useReport(api, prefix);
  const { reload } = reportLoad;
  const applied = useCallback(
    (result: ApplyResult) => {
      onApplied?.(result);
      reload();
    },
    [onApplied, reload]
  );
  const apply = useApply(api, applied);
  const { run } = apply;
  const runApply = useCallback<RunApply>(
    (options) => void run({ ...options, prefix }),
    [run, prefix]
  );

  // Finished repairs of this visit: their outcome stays although the reloaded report no longer lists them.
  const [repaired, setRepaired] = useState<RepairJob[]>([]);
  const repairDone = useCallback(
    (job: RepairJob) => {
      setRepaired((list) => [...list.filter((j) => j.index !== job.index), job]);
      reload();
    },
    [reload]
  );
  const repairs = renderRepairs
    ? (indices: readonly string[]) => renderRepairs(indices, repairDone, prefix)
    : undefined;
  const repairedNotice =
    repaired.length > 0 ? (
      <EuiCallOut
        size="s"
        color="success"
        title="Repaired on this visit"
        data-test-subj="pinpointRepaired"
      >
        <ul>
          {repaired.map((job) => (
            <li key={job.index}>
              <code>{job.index}</code>: {repairedWords ? repairedWords(job) : 'repaired.'}
            </li>
          ))}
        </ul>
      </EuiCallOut>
    ) : undefined;

  const state = reportLoad.state;
  const report = reportLoad.data;
  const busy = apply.state.phase === 'loading';
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
          <p>{state.error.message}</p>
        </EuiCallOut>
      )}
      {apply.state.phase === 'error' && (
        <>
          <EuiCallOut
            title="The fix was not applied"
            color="danger"
            data-test-subj="pinpointApplyError"
          >
            <p>{apply.state.error.message}</p>
            {diffOf(apply.state.error).length > 0 && (
              <TemplateDiff diff={diffOf(apply.state.error)} />
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
          {repairedNotice && !report.checks.some((c) => c.id === 'indices.timestamps') && (
            <>
              {repairedNotice}
              <EuiSpacer size="m" />
            </>
          )}
          <EuiFlexGroup direction="column" gutterSize="s">
            {report.checks.map((check) => (
              <EuiFlexItem key={check.id} grow={false} id={`pinpoint-check-${check.id}`}>
                <IndexCheckItem
                  check={check}
                  busy={busy}
                  runApply={runApply}
                  renderRepairs={repairs}
                  notice={check.id === 'indices.timestamps' ? repairedNotice : undefined}
                />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <EuiFlexGroup gutterSize="s" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                iconType="refresh"
                onClick={reload}
                isLoading={state.phase === 'loading'}
                data-test-subj="pinpointReportReload"
              >
                Check again
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
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

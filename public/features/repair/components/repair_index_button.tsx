import React, { useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiProgress,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import { plural } from '../../../../common/plural';
import { REPAIR_STEP_LABELS, type RepairJob } from '../../../../common/repair';
import type { RepairApi } from '../../../api/repair';
import { useRepairJob } from '../hooks/use_repair_job';

export interface RepairIndexButtonProps {
  api: RepairApi;
  index: string;
  /** The archive's prefix the index belongs to (default pinpoint). */
  prefix?: string;
  /** The job the page's one job list holds for this index (undefined: never repaired). */
  job?: RepairJob;
  /** Called once the repair is done (e.g. to reload the setup report), `doneDelayMs` after it shows. */
  onDone?: (job: RepairJob) => void;
  pollMs?: number;
  /** Default 1.5 s: the page keeps the outcome after its report reloads, so this need not be long. */
  doneDelayMs?: number;
}

const number = (n: number): string => n.toLocaleString('en-US');

/** What a finished repair did, in one sentence (the page repeats it after its report reloads). */
export function repairedWords(job: RepairJob): string {
  const count = job.targetCount ?? job.sourceCount ?? 0;
  return `${plural(count, 'document')} copied and verified. ${job.index} is now an alias of ${job.target}, whose timestamps are dates.`;
}

function RepairProgressView({ job }: { job: RepairJob }): React.ReactElement {
  const docs = job.docs;
  return (
    <div data-test-subj="repairProgress" data-step={job.step}>
      <EuiText size="s">
        <p>
          Step {job.stepNumber} of {job.stepCount}: {REPAIR_STEP_LABELS[job.step]}
          {docs ? ` (${number(docs.copied)} of ${plural(docs.total, 'document')})` : ''}
        </p>
      </EuiText>
      <EuiProgress
        size="s"
        color="primary"
        value={docs && docs.total > 0 ? docs.copied : job.stepNumber}
        max={docs && docs.total > 0 ? docs.total : job.stepCount}
      />
    </div>
  );
}

/**
 * Repairs one index from the setup page: a confirmation that says what will happen, then the job's progress
 * until it is done, and the outcome. A repair already under way (another tab, the CLI) is shown as it is.
 */
export function RepairIndexButton({
  api,
  index,
  prefix,
  job,
  onDone,
  pollMs,
  doneDelayMs = 1500,
}: RepairIndexButtonProps): React.ReactElement {
  const { view, start } = useRepairJob(api, index, {
    prefix,
    initialJob: job,
    pollMs,
    onDone,
    doneDelayMs,
  });
  const [confirming, setConfirming] = useState(false);

  const confirmModal = confirming ? (
    <EuiConfirmModal
      title={`Repair ${index}?`}
      onCancel={() => setConfirming(false)}
      onConfirm={() => {
        setConfirming(false);
        start();
      }}
      cancelButtonText="Cancel"
      confirmButtonText="Repair"
      defaultFocusedButton="confirm"
      data-test-subj="repairConfirmModal"
    >
      <EuiText size="s">
        <p>
          {index} becomes read-only while its documents are copied into a correctly mapped index.
          The copy is verified (document counts and content); only then is the original removed and
          its name made an alias of the copy, so searches and dashboards keep working. Nothing is
          lost if the repair is interrupted: repairing again resumes it.
        </p>
      </EuiText>
    </EuiConfirmModal>
  ) : null;

  // Sized to its text, and named with its index: a screen reader lists "Repair pinpoint-2026-11-28".
  const button = (label: string, testSubj = 'repairButton') => (
    <EuiFlexGroup gutterSize="none" responsive={false}>
      <EuiFlexItem grow={false}>
        <EuiButton
          size="s"
          onClick={() => setConfirming(true)}
          isLoading={view.phase === 'starting'}
          aria-label={`${label} ${index}`}
          data-test-subj={testSubj}
        >
          {label}
        </EuiButton>
      </EuiFlexItem>
    </EuiFlexGroup>
  );

  let body: React.ReactElement;
  switch (view.phase) {
    case 'idle':
    case 'starting':
      body = button('Repair');
      break;
    case 'running':
      body = <RepairProgressView job={view.job} />;
      break;
    case 'stalled':
      body = (
        <EuiCallOut
          size="s"
          color="warning"
          title="This repair is paused"
          data-test-subj="repairStalled"
        >
          <RepairProgressView job={view.job} />
          {view.job.lastError ? <p>Last error: {view.job.lastError}</p> : null}
          <EuiSpacer size="s" />
          {button('Resume repair', 'repairResumeButton')}
        </EuiCallOut>
      );
      break;
    case 'done':
      body = (
        <EuiCallOut size="s" color="success" title="Repaired" data-test-subj="repairDone">
          <p>{repairedWords(view.job)}</p>
        </EuiCallOut>
      );
      break;
    case 'failed':
      body = (
        <EuiCallOut size="s" color="danger" title="Repair failed" data-test-subj="repairFailed">
          <p>{view.job.failure}</p>
          <p>The original index was left as it was; no document was removed.</p>
          {button('Try again', 'repairRetryButton')}
        </EuiCallOut>
      );
      break;
    case 'error':
      body = (
        <EuiCallOut size="s" color="danger" title="Cannot repair" data-test-subj="repairError">
          <p>{view.message}</p>
          {button('Try again', 'repairRetryButton')}
        </EuiCallOut>
      );
      break;
  }

  return (
    <EuiFlexGroup
      direction="column"
      alignItems="flexStart"
      gutterSize="s"
      data-test-subj={`repairIndex-${index}`}
    >
      <EuiFlexItem grow={false}>{body}</EuiFlexItem>
      {confirmModal}
    </EuiFlexGroup>
  );
}

/**
 * The setup page's Dashboards item: which shipped saved objects the chosen tenant has, which are missing,
 * which a user edited since we installed them; install or update per object or all at once (ours and
 * unedited only), replace an edited one only after asking; links to each installed dashboard.
 */
import React, { useMemo, useState } from 'react';
import {
  EuiAccordion,
  EuiButton,
  EuiCallOut,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { dashboardAppPath } from '../../../../common/saved_objects/dashboard_url';
import { tenantWritable } from '../../../../common/saved_objects/install_types';
import type {
  DashboardsStatus,
  InstallResult,
  ObjectStatus,
} from '../../../../common/saved_objects/install_types';
import { createDashboardsApi, type DashboardsApi } from '../../../api/dashboards';
import type { HttpSetup } from '../../../osd_port';
import { useDashboards } from '../hooks/use_dashboards';
import { ObjectsTable } from './objects_table';
import { TenantPicker } from './tenant_picker';

export interface DashboardsSectionProps {
  http: HttpSetup;
  /** For tests and hosts that build the API themselves. */
  api?: DashboardsApi;
}

function Counts({ status }: { status: DashboardsStatus }) {
  const c = status.counts;
  const parts = [
    `${c.current} installed`,
    c.outdated && `${c.outdated} with an update`,
    c.missing && `${c.missing} not installed`,
    c.edited && `${c.edited} edited by someone`,
  ].filter(Boolean);
  return (
    <EuiText size="s" data-test-subj="pinpointDashboardsCounts">
      <p>
        {status.objects.length} saved objects: {parts.join(', ')}.
        {status.record === 'absent' && c.current + c.outdated + c.edited > 0
          ? ' No install record in this tenant yet: objects that differ count as edited.'
          : ''}
      </p>
    </EuiText>
  );
}

function ResultCallout({ result }: { result: InstallResult }) {
  const kept = result.outcomes.filter((o) => o.action === 'kept');
  const short = result.verified.found < result.verified.expected;
  return (
    <EuiCallOut
      size="s"
      color={short ? 'danger' : result.changed ? 'success' : 'primary'}
      title={result.summary}
      data-test-subj="pinpointDashboardsResult"
      data-changed={String(result.changed)}
    >
      {result.verified.expected > 0 && (
        <p>
          Read back from {result.tenant.label}: {result.verified.found} of{' '}
          {result.verified.expected} written objects are there.
        </p>
      )}
      {kept.length > 0 && (
        <p>Kept because someone edited them: {kept.map((o) => o.title).join(', ')}.</p>
      )}
    </EuiCallOut>
  );
}

export function DashboardsSection({ http, api }: DashboardsSectionProps): React.ReactElement {
  const dashboards = useMemo(() => api ?? createDashboardsApi(http), [api, http]);
  const { tenant, chooseTenant, status, install } = useDashboards(dashboards);
  const [confirm, setConfirm] = useState<ObjectStatus | undefined>(undefined);
  const data = status.data;
  const busy = install.state.phase === 'loading' || status.state.phase === 'loading';
  // The security plugin says this tenant is read-only for the user: every install would be a 403.
  const readOnly = data !== undefined && tenantWritable(data.tenant) === false;
  const hrefFor = (o: ObjectStatus) =>
    o.type === 'dashboard' && o.state !== 'missing'
      ? http.basePath.prepend(dashboardAppPath(o.id))
      : undefined;
  const table = (objects: ObjectStatus[], testSubj: string) => (
    <ObjectsTable
      objects={objects}
      busy={busy || readOnly}
      hrefFor={hrefFor}
      onInstall={(ref) => void install.run({ objects: [ref] })}
      onReplace={setConfirm}
      testSubj={testSubj}
    />
  );
  const main = data?.objects.filter((o) => o.type !== 'visualization') ?? [];
  const visualizations = data?.objects.filter((o) => o.type === 'visualization') ?? [];
  const pending = data ? data.counts.missing + data.counts.outdated : 0;
  return (
    <section data-test-subj="pinpointDashboardsSection">
      <EuiTitle size="s">
        <h2>Dashboards</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          Campaign overview, email deliverability, SMS delivery and spend, and pipeline health, as
          saved objects of Dashboards itself. Installing never deletes anything and never overwrites
          an object someone edited unless you say so.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <TenantPicker tenant={data?.tenant} choice={tenant} busy={busy} onChoose={chooseTenant} />
      <EuiSpacer size="s" />
      {status.state.phase === 'error' && (
        <EuiCallOut
          color="danger"
          size="s"
          title="Could not read the dashboards"
          data-test-subj="pinpointDashboardsError"
        >
          <p>{status.state.error.message}</p>
        </EuiCallOut>
      )}
      {install.state.phase === 'error' && (
        <EuiCallOut
          color="danger"
          size="s"
          title="Nothing was installed"
          data-test-subj="pinpointDashboardsInstallError"
        >
          <p>{install.state.error.message}</p>
        </EuiCallOut>
      )}
      {install.state.phase === 'done' && <ResultCallout result={install.state.data} />}
      {!data && status.state.phase === 'loading' && <EuiLoadingSpinner size="m" />}
      {data && (
        <>
          <EuiSpacer size="s" />
          <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButton
                fill={pending > 0}
                size="s"
                iconType="importAction"
                isLoading={install.state.phase === 'loading'}
                isDisabled={busy || readOnly}
                onClick={() => void install.run({})}
                data-test-subj="pinpointDashboardsInstallAll"
              >
                {pending > 0 ? `Install and update (${pending})` : 'Check and install'}
              </EuiButton>
            </EuiFlexItem>
            <EuiFlexItem>
              <Counts status={data} />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          {table(main, 'pinpointDashboardsTable')}
          <EuiSpacer size="s" />
          <EuiAccordion
            id="pinpointDashboardsVisualizations"
            buttonContent={`Visualizations (${visualizations.length})`}
            data-test-subj="pinpointDashboardsVisualizations"
          >
            {table(visualizations, 'pinpointDashboardsVisTable')}
          </EuiAccordion>
        </>
      )}
      {confirm && (
        <EuiConfirmModal
          title={`Replace "${confirm.title}"?`}
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => {
            const ref = { type: confirm.type, id: confirm.id };
            setConfirm(undefined);
            void install.run({ objects: [ref], replaceEdited: [ref] });
          }}
          cancelButtonText="Keep the edited one"
          confirmButtonText="Replace with the shipped version"
          buttonColor="danger"
          data-test-subj="pinpointDashboardsConfirmReplace"
        >
          <p>
            Why it counts as edited: {confirm.detail}. Replacing it loses those changes in{' '}
            {data?.tenant.label}.
          </p>
        </EuiConfirmModal>
      )}
    </section>
  );
}

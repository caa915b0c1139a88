/**
 * One row per shipped object: its title (a link into the Dashboards app once a dashboard is installed), its
 * state and why, and what can be done with it alone: install or update ours, replace an edited one (asks).
 */
import React from 'react';
import { EuiBadge, EuiBasicTable, EuiButtonEmpty, EuiLink, EuiText } from '@elastic/eui';
import type { ObjectRef, ObjectStatus } from '../../../../common/saved_objects/install_types';
import { STATE_BADGE, TYPE_WORDS } from '../utils/states';

export interface ObjectsTableProps {
  objects: ObjectStatus[];
  busy: boolean;
  /** Where the Dashboards app shows this dashboard, basePath included. */
  hrefFor(o: ObjectStatus): string | undefined;
  onInstall(ref: ObjectRef): void;
  onReplace(o: ObjectStatus): void;
  testSubj: string;
}

function RowAction({
  o,
  busy,
  onInstall,
  onReplace,
}: { o: ObjectStatus; busy: boolean } & Pick<ObjectsTableProps, 'onInstall' | 'onReplace'>) {
  const ref = { type: o.type, id: o.id };
  if (o.state === 'missing' || o.state === 'outdated') {
    return (
      <EuiButtonEmpty
        size="xs"
        isDisabled={busy}
        onClick={() => onInstall(ref)}
        data-test-subj={`pinpointDashboardsInstall-${o.id}`}
      >
        {o.state === 'missing' ? 'Install' : 'Update'}
      </EuiButtonEmpty>
    );
  }
  if (o.state === 'edited') {
    return (
      <EuiButtonEmpty
        size="xs"
        color="danger"
        isDisabled={busy}
        onClick={() => onReplace(o)}
        data-test-subj={`pinpointDashboardsReplace-${o.id}`}
      >
        Replace…
      </EuiButtonEmpty>
    );
  }
  return null;
}

export function ObjectsTable({
  objects,
  busy,
  hrefFor,
  onInstall,
  onReplace,
  testSubj,
}: ObjectsTableProps): React.ReactElement {
  const columns = [
    {
      field: 'title',
      name: 'Saved object',
      render: (_title: string, o: ObjectStatus) => {
        const href = hrefFor(o);
        return href ? (
          <EuiLink href={href} data-test-subj={`pinpointDashboardsLink-${o.id}`}>
            {o.title}
          </EuiLink>
        ) : (
          o.title
        );
      },
    },
    { field: 'type', name: 'Type', width: '120px', render: (t: string) => TYPE_WORDS[t] ?? t },
    {
      field: 'state',
      name: 'State',
      render: (_s: string, o: ObjectStatus) => (
        <div data-test-subj={`pinpointDashboardsState-${o.id}`} data-state={o.state}>
          <EuiBadge color={STATE_BADGE[o.state].color}>{STATE_BADGE[o.state].text}</EuiBadge>
          <EuiText size="xs" color="subdued">
            {o.detail}
          </EuiText>
        </div>
      ),
    },
    {
      name: '',
      width: '110px',
      render: (o: ObjectStatus) => (
        <RowAction o={o} busy={busy} onInstall={onInstall} onReplace={onReplace} />
      ),
    },
  ];
  return (
    <EuiBasicTable
      items={objects}
      itemId={(o: ObjectStatus) => `${o.type}:${o.id}`}
      columns={columns}
      tableLayout="auto"
      data-test-subj={testSubj}
    />
  );
}

/**
 * Where an install lands, said before it happens. With the security plugin's multi-tenancy, saved objects go
 * to the user's current tenant (often Private, which nobody else sees); Global is one click away.
 */
import React from 'react';
import { EuiButtonGroup, EuiCallOut, EuiSpacer } from '@elastic/eui';
import { tenantWritable, type TenantInfo } from '../../../../common/saved_objects/install_types';
import type { TenantChoice } from '../../../api/dashboards';

export interface TenantPickerProps {
  tenant?: TenantInfo;
  choice: TenantChoice;
  busy: boolean;
  onChoose(choice: TenantChoice): void;
}

function privateWarning(tenant: TenantInfo): string | undefined {
  return tenant.tenant === '__user__'
    ? ' Objects in a Private tenant are visible to you alone: choose Global to share them with your team.'
    : undefined;
}

/** The security plugin's authinfo says the tenant is read-only for this user: installing would be a 403. */
function readOnlyWarning(tenant: TenantInfo): string | undefined {
  return tenantWritable(tenant) === false
    ? ` ${tenant.label} is read-only for you: an install there is refused; ask for write access to it, or choose a tenant you can write to${tenant.writable?.length ? ` (${tenant.writable.join(', ')})` : ''}.`
    : undefined;
}

export function TenantPicker({ tenant, choice, busy, onChoose }: TenantPickerProps) {
  if (!tenant) return null;
  if (!tenant.multitenancy) {
    return (
      <EuiCallOut
        size="s"
        iconType="iInCircle"
        data-test-subj="pinpointDashboardsTenant"
        title="No tenants"
      >
        <p>
          Objects go to the shared saved objects of this Dashboards (multi-tenancy is not in use).
        </p>
      </EuiCallOut>
    );
  }
  return (
    <EuiCallOut
      size="s"
      iconType="user"
      color={
        tenant.tenant === '__user__' || tenantWritable(tenant) === false ? 'warning' : 'primary'
      }
      title={`Installs go to the ${tenant.label} tenant`}
      data-test-subj="pinpointDashboardsTenant"
      data-tenant={tenant.label}
    >
      <p>
        The states below are those in {tenant.label}.{privateWarning(tenant)}
        {readOnlyWarning(tenant)}
      </p>
      <EuiSpacer size="s" />
      <EuiButtonGroup
        legend="Tenant to install into"
        idSelected={choice}
        isDisabled={busy}
        onChange={(id) => onChoose(id as TenantChoice)}
        options={[
          { id: 'current', label: 'My current tenant', 'data-test-subj': 'pinpointTenantCurrent' },
          { id: 'global', label: 'Global', 'data-test-subj': 'pinpointTenantGlobal' },
        ]}
        buttonSize="compressed"
      />
    </EuiCallOut>
  );
}

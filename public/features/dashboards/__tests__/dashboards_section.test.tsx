/** @jest-environment jsdom */
/**
 * The Dashboards item against a fake API: it says which tenant installs go to before anything is written and
 * reloads in Global when asked (the request carries the choice), shows each object's state, installs and then
 * shows the result and the new states, links installed dashboards into the Dashboards app, asks before
 * replacing an edited object and sends exactly that object to replace, and shows a 403's reason.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import type {
  DashboardsStatus,
  InstallRequest,
  InstallResult,
  ObjectState,
  TenantInfo,
} from '../../../../common/saved_objects/install_types';
import { shippedObjectInfos } from '../../../../common/saved_objects/catalog';
import type { DashboardsApi, TenantChoice } from '../../../api/dashboards';
import type { HttpSetup } from '../../../osd_port';
import { DashboardsSection } from '../index';

configure({ testIdAttribute: 'data-test-subj' });
afterEach(cleanup);

const http = { basePath: { get: () => '/base', prepend: (p: string) => `/base${p}` } } as HttpSetup;
const PRIVATE: TenantInfo = { multitenancy: true, tenant: '__user__', label: 'Private (alice)' };
const GLOBAL: TenantInfo = { multitenancy: true, tenant: '', label: 'Global' };

function status(tenant: TenantInfo, state: (id: string) => ObjectState): DashboardsStatus {
  const objects = shippedObjectInfos().map((o) => ({
    ...o,
    state: state(o.id),
    detail: `why ${o.id}`,
  }));
  const counts = { missing: 0, current: 0, outdated: 0, edited: 0 };
  for (const o of objects) counts[o.state] += 1;
  return { objects, tenant, record: 'present', counts };
}

class FakeApi implements DashboardsApi {
  calls: Array<{ what: string; tenant: TenantChoice; request?: InstallRequest }> = [];
  installed = false;
  fail?: { body: { statusCode: number; message: string } };
  async status(tenant: TenantChoice) {
    this.calls.push({ what: 'status', tenant });
    const t = tenant === 'global' ? GLOBAL : PRIVATE;
    return status(t, (id) =>
      this.installed ? (id === 'pinpoint-top-campaigns' ? 'edited' : 'current') : 'missing'
    );
  }
  async install(request: InstallRequest, tenant: TenantChoice): Promise<InstallResult> {
    this.calls.push({ what: 'install', tenant, request });
    if (this.fail) throw Object.assign(new Error('Forbidden'), this.fail);
    this.installed = true;
    return {
      changed: true,
      outcomes: [],
      tenant: tenant === 'global' ? GLOBAL : PRIVATE,
      verified: { expected: 25, found: 25 },
      summary: 'Installed into Global: 25 created',
    };
  }
}

describe('DashboardsSection', () => {
  it('a tenant that is read-only for the user says so, and offers no install', async () => {
    const api = new FakeApi();
    api.status = async (tenant: TenantChoice) => {
      api.calls.push({ what: 'status', tenant });
      return status({ ...GLOBAL, writable: ['Private (alice)'] }, () => 'missing');
    };
    const view = render(<DashboardsSection http={http} api={api} />);
    const callout = await view.findByTestId('pinpointDashboardsTenant');
    await waitFor(() =>
      assert.match(
        callout.textContent ?? '',
        /Global is read-only for you: an install there is refused; .*\(Private \(alice\)\)/
      )
    );
    const installAll = view.getByTestId('pinpointDashboardsInstallAll') as HTMLButtonElement;
    assert.equal(installAll.disabled, true);
    fireEvent.click(installAll);
    assert.equal(api.calls.filter((c) => c.what === 'install').length, 0);
  });

  it('names the tenant before installing, and switches to Global on request', async () => {
    const api = new FakeApi();
    const view = render(<DashboardsSection http={http} api={api} />);
    const tenant = await view.findByTestId('pinpointDashboardsTenant');
    assert.match(tenant.textContent ?? '', /Installs go to the Private \(alice\) tenant/);
    assert.match(tenant.textContent ?? '', /visible to you alone/);
    fireEvent.click(view.getByTestId('pinpointTenantGlobal'));
    await waitFor(() =>
      assert.equal(view.getByTestId('pinpointDashboardsTenant').dataset.tenant, 'Global')
    );
    assert.deepEqual(
      api.calls.map((c) => `${c.what}:${c.tenant}`),
      ['status:current', 'status:global']
    );
  });

  it('installs everything into the chosen tenant, shows the result and the new states with links', async () => {
    const api = new FakeApi();
    const view = render(<DashboardsSection http={http} api={api} />);
    const state = await view.findByTestId('pinpointDashboardsState-pinpoint-campaign-overview');
    assert.equal(state.dataset.state, 'missing');
    assert.equal(view.queryByTestId('pinpointDashboardsLink-pinpoint-campaign-overview'), null);
    fireEvent.click(view.getByTestId('pinpointTenantGlobal'));
    await waitFor(() => assert.equal(api.calls.length, 2));
    fireEvent.click(view.getByTestId('pinpointDashboardsInstallAll'));
    const result = await view.findByTestId('pinpointDashboardsResult');
    assert.match(result.textContent ?? '', /Installed into Global: 25 created/);
    assert.match(result.textContent ?? '', /25 of 25 written objects are there/);
    assert.deepEqual(api.calls[2], { what: 'install', tenant: 'global', request: {} });
    const link = await view.findByTestId('pinpointDashboardsLink-pinpoint-campaign-overview');
    assert.equal(
      link.getAttribute('href'),
      '/base/app/dashboards#/view/pinpoint-campaign-overview'
    );
  });

  it('asks before replacing an edited object, then replaces exactly that one', async () => {
    const api = new FakeApi();
    api.installed = true;
    const view = render(<DashboardsSection http={http} api={api} />);
    fireEvent.click(await view.findByTestId('pinpointDashboardsReplace-pinpoint-top-campaigns'));
    const modal = await view.findByTestId('pinpointDashboardsConfirmReplace');
    assert.match(modal.textContent ?? '', /why pinpoint-top-campaigns/);
    assert.equal(api.calls.filter((c) => c.what === 'install').length, 0);
    fireEvent.click(view.getByText('Replace with the shipped version'));
    await waitFor(() => assert.equal(api.calls.filter((c) => c.what === 'install').length, 1));
    const ref = { type: 'visualization', id: 'pinpoint-top-campaigns' };
    assert.deepEqual(api.calls.find((c) => c.what === 'install')!.request, {
      objects: [ref],
      replaceEdited: [ref],
    });
  });

  it('shows why nothing was installed when the user may not write', async () => {
    const api = new FakeApi();
    api.fail = {
      body: {
        statusCode: 403,
        message:
          'installing the Pinpoint dashboards in Global: the current user may not write saved objects there',
      },
    };
    const view = render(<DashboardsSection http={http} api={api} />);
    fireEvent.click(await view.findByTestId('pinpointDashboardsInstallAll'));
    const error = await view.findByTestId('pinpointDashboardsInstallError');
    assert.match(error.textContent ?? '', /may not write saved objects there/);
  });
});

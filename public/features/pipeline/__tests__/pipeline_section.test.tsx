/** @jest-environment jsdom */
/**
 * The Pipeline section against a fake wiring API: it opens with the remembered inputs, runs the check and
 * remembers what was checked, draws the hops left to right with each failing check's evidence and fix, and
 * shows a refused request's reason.
 */
import assert from 'node:assert/strict';
import { afterAll, afterEach, describe, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import {
  HOP_IDS,
  HOP_TITLES,
  type WiringCheck,
  type WiringReport,
  type WiringRequest,
  type WiringSettings,
} from '../../../../common/wiring_types';
import type { WiringApi } from '../../../api/wiring';
import type { HttpSetup } from '../../../osd_port';
import { PipelineSection } from '../index';

const APP = '0123456789abcdef0123456789abcdef';

function report(): WiringReport {
  return {
    request: { region: 'eu-west-1', appIds: [APP] },
    status: 'fail',
    counts: { pass: HOP_IDS.length - 1, warn: 0, fail: 1, unknown: 0, skipped: 0 },
    startedAt: '2026-11-25T00:00:00Z',
    durationMs: 900,
    complete: true,
    deadlineMs: 20000,
    hops: HOP_IDS.map((id) => ({
      id,
      title: HOP_TITLES[id],
      status: id === 'firehose' ? 'fail' : 'pass',
      durationMs: 10,
      finished: true,
      checks: [
        (id === 'firehose'
          ? {
              id: 'firehose.index_name',
              hop: id,
              title: 'Index names covered by the template',
              subject: 'ps',
              status: 'fail',
              message: 'Firehose writes to events-2026-11-25.',
              evidence: { indexName: 'events' },
              remedy: {
                summary: 'Set IndexName to pinpoint.',
                cli: 'aws firehose update-destination --delivery-stream-name ps',
              },
            }
          : {
              id: `${id}.ok`,
              hop: id,
              title: `${HOP_TITLES[id]} ok`,
              status: 'pass',
              message: 'fine',
              evidence: {},
            }) as WiringCheck,
      ],
    })),
  };
}

function fakeApi(
  saved: WiringSettings | null,
  check: (r: WiringRequest) => Promise<WiringReport> = async () => report()
) {
  const calls = { check: [] as WiringRequest[], save: [] as WiringSettings[] };
  const api: WiringApi = {
    loadSettings: async () => saved,
    saveSettings: async (s) => (calls.save.push(s), s),
    check: async (r) => (calls.check.push(r), check(r)),
  };
  return { api, calls };
}

const http = {} as HttpSetup;
// EUI and OSD tag elements with data-test-subj.
configure({ testIdAttribute: 'data-test-subj' });

describe('Pipeline section', () => {
  afterEach(cleanup);

  it('opens with the remembered inputs, checks and remembers them, and draws the hops left to right', async () => {
    const { api, calls } = fakeApi({ region: 'eu-west-1', appIds: [APP] });
    const view = render(<PipelineSection http={http} api={api} />);
    const region = (await waitFor(() =>
      view.getByTestId('pinpointWiringRegion')
    )) as HTMLInputElement;
    assert.equal(region.value, 'eu-west-1');
    assert.ok(view.getByText(APP));
    fireEvent.click(view.getByTestId('pinpointWiringRun'));
    await waitFor(() => view.getByTestId('pinpointWiringPipeline'));
    assert.deepEqual(calls.check, [{ region: 'eu-west-1', appIds: [APP] }]);
    assert.deepEqual(calls.save, [{ region: 'eu-west-1', appIds: [APP] }]);
    const hops = view.getAllByTestId('pinpointWiringHop').map((el) => el.getAttribute('data-hop'));
    assert.deepEqual(hops, [...HOP_IDS]);
    assert.equal(view.getByTestId('pinpointWiringSummary').getAttribute('data-status'), 'fail');
    // A failing check opens with its evidence and its fix.
    assert.ok(view.getByText('Firehose writes to events-2026-11-25.'));
    assert.ok(view.getByText('events'));
    assert.ok(view.getByText('Set IndexName to pinpoint.'));
    assert.match(
      view.getByTestId('pinpointWiringRemedy').textContent ?? '',
      /aws firehose update-destination --delivery-stream-name ps/
    );
  });

  it('refuses to send an invalid form, and says why beside the field', async () => {
    const { api, calls } = fakeApi(null);
    const view = render(<PipelineSection http={http} api={api} />);
    const region = (await waitFor(() =>
      view.getByTestId('pinpointWiringRegion')
    )) as HTMLInputElement;
    fireEvent.change(region, { target: { value: 'Ireland' } });
    fireEvent.click(view.getByTestId('pinpointWiringRun'));
    await waitFor(() => view.getByText(/not an AWS region code/));
    assert.ok(view.getByText(/at least one Pinpoint application id/));
    assert.equal(calls.check.length, 0);
  });

  it("shows the server's reason when the check is refused", async () => {
    const refused = Object.assign(new Error('Bad Request'), {
      body: { statusCode: 400, message: 'wiring check: region "x" is not an AWS region code' },
    });
    const { api } = fakeApi({ region: 'eu-west-1', appIds: [APP] }, async () => {
      throw refused;
    });
    const view = render(<PipelineSection http={http} api={api} />);
    fireEvent.click(await waitFor(() => view.getByTestId('pinpointWiringRun')));
    const error = await waitFor(() => view.getByTestId('pinpointWiringError'));
    assert.match(error.textContent ?? '', /is not an AWS region code/);
  });
});

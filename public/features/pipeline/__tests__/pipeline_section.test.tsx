/** @jest-environment jsdom */
/**
 * The Pipeline section against a fake wiring API: it opens with the remembered inputs, runs the check and
 * remembers what was checked, draws the hops as a keyboard-selectable strip with the first failing hop's
 * checks (evidence and fix) below, never calls an all-unknown report "wired", and shows a refused request's
 * reason.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import {
  HOP_IDS,
  summarizeWiring,
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

function withVerdict(base: Omit<WiringReport, 'status' | 'counts' | 'headline'>): WiringReport {
  const summary = summarizeWiring(base.hops.flatMap((h) => h.checks));
  return { ...base, status: summary.status, counts: summary.counts, headline: summary.headline };
}

function report(): WiringReport {
  return withVerdict({
    request: { region: 'eu-west-1', appIds: [APP] },
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
        id === 'firehose'
          ? {
              id: 'firehose.index_name',
              title: 'Index names covered by the template',
              subject: 'ps',
              status: 'fail',
              message: 'Firehose writes to events-2026-11-25.',
              evidence: { indexName: 'events' },
              remedy: {
                text: 'Set IndexName to pinpoint.',
                command: 'aws firehose update-destination --delivery-stream-name ps',
              },
            }
          : {
              id: `${id}.ok`,
              title: `${HOP_TITLES[id]} ok`,
              status: 'pass',
              message: `${id} is fine`,
              evidence: {},
            },
      ] as WiringCheck[],
    })),
  });
}

/** Bug 4: 0 passed and 3 unknown (Pinpoint gone, nothing else readable). */
function allUnknown(): WiringReport {
  const unknown = (id: string): WiringCheck => ({
    id,
    title: id,
    status: 'unknown',
    message: 'could not be read',
    evidence: {},
  });
  return withVerdict({
    request: { region: 'eu-west-1', appIds: [APP] },
    startedAt: '2026-11-25T00:00:00Z',
    durationMs: 900,
    complete: true,
    deadlineMs: 20000,
    hops: HOP_IDS.map((id, i) => ({
      id,
      title: HOP_TITLES[id],
      status: i < 3 ? 'unknown' : 'skipped',
      durationMs: 10,
      finished: true,
      checks:
        i < 3
          ? [unknown(`${id}.x`)]
          : [{ ...unknown(`${id}.skipped`), status: 'skipped' as const }],
    })),
  });
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
    assert.match(
      view.getByTestId('pinpointWiringNext').textContent ?? '',
      /Set IndexName to pinpoint/
    );
    // The first failing hop is the one open below the strip, with its evidence and its fix.
    const firehose = view.getAllByTestId('pinpointWiringHop')[3];
    assert.equal(firehose.getAttribute('aria-selected'), 'true');
    assert.equal(view.getByTestId('pinpointWiringHopDetails').getAttribute('data-hop'), 'firehose');
    assert.ok(view.getByText('Firehose writes to events-2026-11-25.'));
    assert.ok(view.getAllByText('Set IndexName to pinpoint.').length > 0);
    assert.match(
      view.getByTestId('pinpointRemedy').textContent ?? '',
      /aws firehose update-destination --delivery-stream-name ps/
    );
    // One line per hop in the strip; each tab is labelled with its number, title and status.
    assert.match(firehose.getAttribute('aria-label') ?? '', /^4\. Firehose stream: Failing\./);
  });

  it('selects hops with the keyboard: arrows, Home and End; one tab stop', async () => {
    const { api } = fakeApi({ region: 'eu-west-1', appIds: [APP] });
    const view = render(<PipelineSection http={http} api={api} />);
    fireEvent.click(await waitFor(() => view.getByTestId('pinpointWiringRun')));
    await waitFor(() => view.getByTestId('pinpointWiringPipeline'));
    const tabs = () => view.getAllByTestId('pinpointWiringHop');
    assert.deepEqual(
      tabs().map((t) => t.getAttribute('tabindex')),
      HOP_IDS.map((id) => (id === 'firehose' ? '0' : '-1'))
    );
    fireEvent.keyDown(tabs()[3], { key: 'ArrowRight' });
    assert.equal(
      view.getByTestId('pinpointWiringHopDetails').getAttribute('data-hop'),
      'failed_records'
    );
    assert.equal(document.activeElement, tabs()[4]);
    fireEvent.keyDown(tabs()[4], { key: 'Home' });
    assert.equal(view.getByTestId('pinpointWiringHopDetails').getAttribute('data-hop'), 'identity');
    assert.ok(view.getByText('identity is fine'));
    fireEvent.keyDown(tabs()[0], { key: 'ArrowLeft' });
    assert.equal(
      view.getByTestId('pinpointWiringHopDetails').getAttribute('data-hop'),
      'delivery_metrics'
    );
    fireEvent.keyDown(tabs()[6], { key: 'End' });
    fireEvent.click(tabs()[1]);
    assert.equal(
      view.getByTestId('pinpointWiringHopDetails').getAttribute('data-hop'),
      'event_stream'
    );
  });

  it('does not call a report of which nothing was confirmed "wired" (bug 4)', async () => {
    const { api } = fakeApi({ region: 'eu-west-1', appIds: [APP] }, async () => allUnknown());
    const view = render(<PipelineSection http={http} api={api} />);
    fireEvent.click(await waitFor(() => view.getByTestId('pinpointWiringRun')));
    const summary = await waitFor(() => view.getByTestId('pinpointWiringSummary'));
    assert.equal(summary.getAttribute('data-status'), 'unknown');
    assert.doesNotMatch(summary.textContent ?? '', /Wired/);
    assert.match(summary.textContent ?? '', /Could not find out/);
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

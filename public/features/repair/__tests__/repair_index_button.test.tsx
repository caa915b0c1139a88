/** @jest-environment jsdom */
/**
 * The repair control against a fake repair API: nothing starts without confirmation; once confirmed it
 * polls the job and shows the copy's progress, then the outcome; a refusal (today's index) shows the server's
 * reason; a repair already under way when the page opens is shown, not started again.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import type { RepairJob } from '../../../../common/repair';
import type { RepairApi } from '../../../api/repair';
import { RepairControls, RepairIndexButton } from '../index';

const INDEX = 'pinpoint-2026-11-20';

function job(step: RepairJob['step'], extra: Partial<RepairJob> = {}): RepairJob {
  return {
    index: INDEX,
    target: `${INDEX}-repaired`,
    jobId: 'j1',
    step,
    stepNumber: 1,
    stepCount: 8,
    active: step !== 'done' && step !== 'failed',
    createdAt: '2026-11-25T00:00:00Z',
    updatedAt: '2026-11-25T00:00:00Z',
    ...extra,
  };
}

function fakeApi(
  progress: RepairJob[],
  start: () => Promise<RepairJob>,
  existing: RepairJob[] = []
) {
  const calls = { start: 0, progress: 0, list: 0 };
  const api: RepairApi = {
    start: async () => {
      calls.start += 1;
      return start();
    },
    progress: async () => {
      const next = progress[Math.min(calls.progress, progress.length - 1)];
      calls.progress += 1;
      return next;
    },
    list: async () => {
      calls.list += 1;
      return existing;
    },
    candidates: async () => ({ prefix: 'pinpoint', candidates: [] }),
  };
  return { api, calls };
}

configure({ testIdAttribute: 'data-test-subj' });

describe('RepairIndexButton', () => {
  afterEach(cleanup);

  it('asks first, then follows the job to done and reports', async () => {
    const { api, calls } = fakeApi(
      [
        job('reindexing', { stepNumber: 4, docs: { total: 1000, copied: 400 } }),
        job('done', { stepNumber: 8, targetCount: 1000, docs: { total: 1000, copied: 1000 } }),
      ],
      async () => job('planned')
    );
    const done: RepairJob[] = [];
    const view = render(
      <RepairIndexButton
        api={api}
        index={INDEX}
        pollMs={5}
        doneDelayMs={20}
        onDone={(j) => done.push(j)}
      />
    );
    fireEvent.click(await waitFor(() => view.getByTestId('repairButton')));
    assert.equal(calls.start, 0, 'no repair before confirmation');
    fireEvent.click(await waitFor(() => view.getByTestId('confirmModalConfirmButton')));
    await waitFor(() => view.getByTestId('repairDone'));
    assert.equal(calls.start, 1);
    assert.match(
      view.getByTestId('repairDone').textContent ?? '',
      /1,000 documents copied and verified/
    );
    assert.equal(
      done.length,
      0,
      'the outcome shows before onDone (which may reload the page) is called'
    );
    await waitFor(() => assert.equal(done.length, 1));
  });

  it('shows the copy progress while the job runs', async () => {
    const { api } = fakeApi(
      [job('reindexing', { stepNumber: 4, docs: { total: 1000, copied: 400 } })],
      async () => job('planned')
    );
    const view = render(<RepairIndexButton api={api} index={INDEX} pollMs={5} />);
    fireEvent.click(await waitFor(() => view.getByTestId('repairButton')));
    fireEvent.click(await waitFor(() => view.getByTestId('confirmModalConfirmButton')));
    const progress = await waitFor(() => {
      const el = view.getByTestId('repairProgress');
      assert.match(el.textContent ?? '', /400 of 1,000 documents/);
      return el;
    });
    assert.match(progress.textContent ?? '', /Step 4 of 8: copying documents/);
  });

  it("shows the server's reason when the repair is refused", async () => {
    const refusal = Object.assign(new Error('Conflict'), {
      body: {
        statusCode: 409,
        message: `${INDEX} is the index Firehose is writing now; it can be repaired after 2026-11-26T00:20:00.000Z`,
      },
    });
    const { api } = fakeApi([], async () => {
      throw refusal;
    });
    const view = render(<RepairIndexButton api={api} index={INDEX} pollMs={5} />);
    fireEvent.click(await waitFor(() => view.getByTestId('repairButton')));
    fireEvent.click(await waitFor(() => view.getByTestId('confirmModalConfirmButton')));
    const error = await waitFor(() => view.getByTestId('repairError'));
    assert.match(error.textContent ?? '', /can be repaired after 2026-11-26T00:20:00/);
  });

  it('shows a repair already under way without starting one, and offers to resume a paused one', async () => {
    const { api, calls } = fakeApi([], async () => job('reindexing', { stepNumber: 4 }), [
      job('reindexing', { active: false, stepNumber: 4, lastError: 'connection lost' }),
      { ...job('done'), index: 'pinpoint-2026-11-19' },
    ]);
    const view = render(<RepairControls api={api} indices={[INDEX]} pollMs={5} />);
    const stalled = await waitFor(() => view.getByTestId('repairStalled'));
    assert.match(stalled.textContent ?? '', /connection lost/);
    assert.equal(calls.start, 0);
    assert.ok(view.getByTestId('repairResumeButton'));
  });

  // Before: each button listed the jobs itself, so a page with 7 buttons sent 7 identical list requests.
  it('reads the job list once for all the buttons of a check', async () => {
    const indices = Array.from({ length: 7 }, (_, i) => `pinpoint-2026-11-0${i + 1}`);
    const { api, calls } = fakeApi([], async () => job('planned'));
    const view = render(<RepairControls api={api} indices={indices} pollMs={5} />);
    await waitFor(() => assert.equal(view.getAllByTestId('repairButton').length, 7));
    assert.equal(calls.list, 1);
  });

  it('names each button for screen readers with its index', async () => {
    const { api } = fakeApi([], async () => job('planned'));
    const view = render(<RepairIndexButton api={api} index={INDEX} />);
    assert.ok(view.getByRole('button', { name: `Repair ${INDEX}` }));
  });
});

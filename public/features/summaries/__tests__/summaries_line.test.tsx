/** @jest-environment jsdom */
/**
 * The summaries line against a fake API: it says how many days came from summaries and how many from raw
 * events; "Build summaries" posts the prefix, shows what was summarised and reloads the report; a refused
 * build shows the server's message.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import type { SummariesApi, SummaryBuildResult } from '../../../api/summaries';
import { SummariesLine, daysInRange } from '../summaries_line';

configure({ testIdAttribute: 'data-test-subj' });
afterEach(cleanup);

const RANGE = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' };
const result: SummaryBuildResult = {
  built: ['2026-03-01', '2026-03-02'],
  kept: [],
  indices: ['pinpoint-2026-03-01'],
  events: 12345,
  tookMs: 10,
  eventsPerSecond: 1234500,
};

describe('SummariesLine', () => {
  it('counts the days of the range, none after now', () => {
    expect(daysInRange(RANGE.from, RANGE.to, Date.parse('2026-12-01T00:00:00Z'))).toBe(10);
    expect(daysInRange(RANGE.from, RANGE.to, Date.parse('2026-03-05T12:00:00Z'))).toBe(5);
    expect(daysInRange('2026-03-01T06:00:00Z', '2026-03-02T06:00:00Z', Infinity)).toBe(2);
  });

  it('says where the days came from; Build summaries posts the prefix and reloads', async () => {
    const posted: string[] = [];
    let reloads = 0;
    const api: SummariesApi = {
      status: () => Promise.reject(new Error('not used')),
      build: async (prefix) => {
        posted.push(prefix);
        return result;
      },
    };
    const view = render(
      <SummariesLine
        api={api}
        prefix="pinpoint"
        {...RANGE}
        summaryDays={['2026-03-01', '2026-03-02', '2026-03-03']}
        onBuilt={() => reloads++}
      />
    );
    expect(view.getByTestId('pinpointSummariesLine').textContent).toBe(
      '3 days from summaries (kept after raw indices are deleted), 7 days computed from raw events.'
    );
    fireEvent.click(view.getByTestId('pinpointBuildSummaries'));
    await waitFor(() =>
      expect(view.getByTestId('pinpointSummariesOutcome').textContent).toContain(
        '2 days summarised (12,345 events)'
      )
    );
    expect(posted).toEqual(['pinpoint']);
    expect(reloads).toBe(1);
  });

  it('a refused build shows the server message', async () => {
    const api: SummariesApi = {
      status: () => Promise.reject(new Error('not used')),
      build: () =>
        Promise.reject(
          Object.assign(new Error('Forbidden'), {
            body: { statusCode: 403, message: 'no permissions for [indices:data/write/bulk]' },
          })
        ),
    };
    const view = render(
      <SummariesLine api={api} prefix="pinpoint" {...RANGE} summaryDays={[]} onBuilt={() => {}} />
    );
    fireEvent.click(view.getByTestId('pinpointBuildSummaries'));
    await waitFor(() =>
      expect(view.getByTestId('pinpointSummariesOutcome').textContent).toContain(
        'Could not build the summaries'
      )
    );
  });
});

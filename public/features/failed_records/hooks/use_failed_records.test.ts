/** @jest-environment jsdom */
/**
 * The failed-records hook on the shared fetch hook: the phases the section draws (loading, loaded,
 * replaying over the listing on screen, replayed, error with the server's message), and a newer call
 * cancelling the one in flight.
 */
import { describe, expect, it } from '@jest/globals';
import React from 'react';
import { act, render, waitFor } from '@testing-library/react';
import type { FailedRecordsListing, ReplaySummary } from '../../../../common/failed_records';
import type { FailedRecordsApi } from '../../../api/failed_records';
import { useFailedRecords } from './use_failed_records';

const listing = (records: number): FailedRecordsListing => ({
  region: 'us-east-1',
  bucket: 'b',
  prefixes: [],
  files: 1,
  records,
  corrupt: [],
  groups: [],
});
const summary = { records: 2, written: 2 } as ReplaySummary;

/** The hook inside a component (this testing-library predates renderHook); `result.current` is its latest value. */
function renderHook<T>(hook: () => T): { result: { current: T } } {
  const result = { current: undefined as unknown as T };
  function Probe(): null {
    result.current = hook();
    return null;
  }
  render(React.createElement(Probe));
  return { result };
}

/** A call the test settles by hand, recording the signal it was given. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useFailedRecords', () => {
  it('loads, then replays over the listing on screen, then shows the replayed listing', async () => {
    const replayCall = deferred<{ listing: FailedRecordsListing; summary: ReplaySummary }>();
    const api: FailedRecordsApi = {
      list: async () => listing(2),
      replay: () => replayCall.promise,
    };
    const { result } = renderHook(() => useFailedRecords(api));
    expect(result.current.view.phase).toBe('idle');
    act(() => result.current.load({}));
    expect(result.current.view.phase).toBe('loading');
    await waitFor(() =>
      expect(result.current.view).toEqual({ phase: 'loaded', listing: listing(2) })
    );
    act(() => result.current.replay({}));
    expect(result.current.view).toEqual({ phase: 'replaying', listing: listing(2) });
    await act(async () => replayCall.resolve({ listing: listing(0), summary }));
    expect(result.current.view).toEqual({ phase: 'replayed', listing: listing(0), summary });
  });

  it("shows the server's message, and a newer load cancels the one in flight", async () => {
    const signals: AbortSignal[] = [];
    const first = deferred<FailedRecordsListing>();
    let calls = 0;
    const api: FailedRecordsApi = {
      list: (_request, signal) => {
        signals.push(signal!);
        calls += 1;
        if (calls === 1) return first.promise;
        return Promise.reject(
          Object.assign(new Error('Bad Request'), {
            body: { statusCode: 400, message: 'bucket: give the S3 bucket name' },
          })
        );
      },
      replay: async () => ({ listing: listing(0), summary }),
    };
    const { result } = renderHook(() => useFailedRecords(api));
    act(() => result.current.load({}));
    act(() => result.current.load({}));
    expect(signals[0].aborted).toBe(true);
    await waitFor(() =>
      expect(result.current.view).toEqual({
        phase: 'error',
        message: 'bucket: give the S3 bucket name',
      })
    );
    // The cancelled call answering late changes nothing.
    await act(async () => first.resolve(listing(5)));
    expect(result.current.view.phase).toBe('error');
  });
});

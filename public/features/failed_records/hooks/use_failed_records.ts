/**
 * Loads the grouped failed records for a source, and runs a replay; a newer call cancels the one in flight,
 * leaving the page cancels both (both run through the one fetch hook, public/hooks/use_fetch.ts). After a
 * replay the listing is the one the server read for it.
 */
import { useCallback, useRef, useState } from 'react';
import type {
  FailedRecordsListing,
  FailedRecordsRequest,
  ReplaySummary,
} from '../../../../common/failed_records';
import type { FailedRecordsApi } from '../../../api/failed_records';
import { useFetch, type FetchState } from '../../../hooks/use_fetch';

export type FailedRecordsView =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'loaded'; listing: FailedRecordsListing }
  | { phase: 'replaying'; listing: FailedRecordsListing }
  | { phase: 'replayed'; listing: FailedRecordsListing; summary: ReplaySummary }
  | { phase: 'error'; message: string; listing?: FailedRecordsListing };

type Operation = 'load' | 'replay';

interface Outcome {
  listing: FailedRecordsListing;
  /** Present after a replay. */
  summary?: ReplaySummary;
}

/** What the latest call was, and the listing on screen when a replay started (shown while it runs). */
interface Pending {
  operation: Operation;
  before?: FailedRecordsListing;
}

function viewOf(state: FetchState<Outcome>, pending: Pending | undefined): FailedRecordsView {
  switch (state.phase) {
    case 'idle':
      return { phase: 'idle' };
    case 'loading':
      return pending?.operation === 'replay'
        ? { phase: 'replaying', listing: pending.before ?? emptyListing() }
        : { phase: 'loading' };
    case 'done': {
      const { listing, summary } = state.data;
      return summary ? { phase: 'replayed', listing, summary } : { phase: 'loaded', listing };
    }
    case 'error':
      return { phase: 'error', message: state.error.message };
  }
}

export function useFailedRecords(api: FailedRecordsApi): {
  view: FailedRecordsView;
  load(source: Partial<FailedRecordsRequest>): void;
  replay(source: Partial<FailedRecordsRequest>): void;
} {
  const [pending, setPending] = useState<Pending>();
  const { state, run } = useFetch(
    (signal, operation: Operation, source: Partial<FailedRecordsRequest>): Promise<Outcome> =>
      operation === 'replay'
        ? api.replay(source, signal)
        : api.list(source, signal).then((listing) => ({ listing }))
  );
  const view = viewOf(state, pending);
  const viewRef = useRef(view);
  viewRef.current = view;

  const load = useCallback(
    (source: Partial<FailedRecordsRequest>) => {
      setPending({ operation: 'load' });
      void run('load', source);
    },
    [run]
  );
  const replay = useCallback(
    (source: Partial<FailedRecordsRequest>) => {
      const shown = viewRef.current;
      setPending({ operation: 'replay', before: 'listing' in shown ? shown.listing : undefined });
      void run('replay', source);
    },
    [run]
  );
  return { view, load, replay };
}

function emptyListing(): FailedRecordsListing {
  return { region: '', bucket: '', prefixes: [], files: 0, records: 0, corrupt: [], groups: [] };
}

/**
 * Loads the grouped failed records for a source, and runs a replay; a newer call cancels the one in flight,
 * leaving the page cancels both. After a replay the listing is the one the server read for it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  FailedRecordsListing,
  FailedRecordsRequest,
  ReplaySummary,
} from '../../../../common/failed_records';
import type { FailedRecordsApi } from '../../../api/failed_records';
import { errorMessage, isAbort } from '../../../utils/errors';

export type FailedRecordsView =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'loaded'; listing: FailedRecordsListing }
  | { phase: 'replaying'; listing: FailedRecordsListing }
  | { phase: 'replayed'; listing: FailedRecordsListing; summary: ReplaySummary }
  | { phase: 'error'; message: string; listing?: FailedRecordsListing };

export function useFailedRecords(api: FailedRecordsApi): {
  view: FailedRecordsView;
  load(source: Partial<FailedRecordsRequest>): void;
  replay(source: Partial<FailedRecordsRequest>): void;
} {
  const [view, setView] = useState<FailedRecordsView>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const fresh = () => {
    controller.current?.abort();
    controller.current = new AbortController();
    return controller.current;
  };
  const load = useCallback(
    (source: Partial<FailedRecordsRequest>) => {
      const own = fresh();
      setView({ phase: 'loading' });
      api.list(source, own.signal).then(
        (listing) => !own.signal.aborted && setView({ phase: 'loaded', listing }),
        (e: unknown) => !isAbort(e) && setView({ phase: 'error', message: errorMessage(e) })
      );
    },
    [api]
  );
  const replay = useCallback(
    (source: Partial<FailedRecordsRequest>) => {
      const own = fresh();
      setView((v) => ({
        phase: 'replaying',
        listing: 'listing' in v && v.listing ? v.listing : emptyListing(),
      }));
      api.replay(source, own.signal).then(
        ({ listing, summary }) =>
          !own.signal.aborted && setView({ phase: 'replayed', listing, summary }),
        (e: unknown) => !isAbort(e) && setView({ phase: 'error', message: errorMessage(e) })
      );
    },
    [api]
  );
  return { view, load, replay };
}

function emptyListing(): FailedRecordsListing {
  return { region: '', bucket: '', prefixes: [], files: 0, records: 0, corrupt: [], groups: [] };
}

/**
 * The grouping a person reads: by error code and message (the wiring check's grouping, with its kind, fix and
 * sample), plus what a replay needs to know: how many, over which dates, for which indices.
 */
import type { FailedRecordGroup, FailedRecordsListing } from '../../../common/failed_records';
import { groupFailures } from '../wiring/failed_record_decode';
import type { FailedFile } from './read';

const keyOf = (code: unknown, message: unknown) =>
  `${String(code ?? 'unknown')}\u0000${String(message ?? '').slice(0, 500)}`;

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

export function groupFailedRecords(files: FailedFile[]): FailedRecordGroup[] {
  const extra = new Map<string, { first?: number; last?: number; indices: Map<string, number> }>();
  for (const file of files) {
    for (const r of file.records) {
      const key = keyOf(r.errorCode, r.errorMessage);
      const e = extra.get(key) ?? { indices: new Map<string, number>() };
      const t = Number(r.arrivalTimestamp);
      if (Number.isFinite(t)) {
        e.first = e.first === undefined ? t : Math.min(e.first, t);
        e.last = e.last === undefined ? t : Math.max(e.last, t);
      }
      const index = r.esIndexName ?? '(none)';
      e.indices.set(index, (e.indices.get(index) ?? 0) + 1);
      extra.set(key, e);
    }
  }
  return groupFailures(files.filter((f) => f.records.length > 0)).map((g) => {
    const e = extra.get(keyOf(g.errorCode, g.errorMessage));
    return {
      errorCode: g.errorCode,
      errorMessage: g.errorMessage,
      kind: g.kind,
      count: g.count,
      indices: [...(e?.indices ?? new Map<string, number>()).entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([i]) => i),
      firstArrival: iso(e?.first),
      lastArrival: iso(e?.last),
      sampleKey: g.sampleKey,
      sampleDocument: g.sampleDocument,
      fix: g.fix,
    };
  });
}

export function listingOf(
  region: string,
  bucket: string,
  prefixes: string[],
  files: FailedFile[],
  corrupt: FailedRecordsListing['corrupt']
): FailedRecordsListing {
  const groups = groupFailedRecords(files);
  const firsts = groups
    .map((g) => g.firstArrival)
    .filter((t): t is string => Boolean(t))
    .sort();
  const lasts = groups
    .map((g) => g.lastArrival)
    .filter((t): t is string => Boolean(t))
    .sort();
  return {
    region,
    bucket,
    prefixes,
    files: files.length,
    records: files.reduce((n, f) => n + f.records.length, 0),
    corrupt,
    groups,
    firstArrival: firsts[0],
    lastArrival: lasts[lasts.length - 1],
  };
}

/**
 * Replaying failed records into the indices Firehose meant (esIndexName), after the cause is fixed.
 *
 * Idempotent: each document's id is derived from the record itself (a hash of the original event bytes), and
 * documents are written with op_type create, so a replay run twice writes nothing twice and never overwrites a
 * document already there. Records meant for an index outside the archive (the index prefix) are never written.
 */
import { createHash } from 'node:crypto';
import type { ReplayOutcome, ReplaySummary } from '../../../common/failed_records';
import { validateIndexName } from '../../../common/index_naming';
import type { OpenSearchClient } from '../../osd_port';
import type { FailedRecord } from '../wiring/failed_record_decode';

export interface ReplayOptions {
  indexPrefix: string;
  /** Documents per _bulk (default 1,000) and bytes per _bulk (default 5 MiB, Firehose's default buffer). */
  batchDocs?: number;
  batchBytes?: number;
  /** Bulk requests in flight (default 2). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

interface Doc {
  index: string;
  id: string;
  source: string;
}

/** The id a replayed record gets: the same record always gets the same id. */
export function replayDocumentId(rawData: string): string {
  return `fr-${createHash('sha256').update(rawData).digest('hex').slice(0, 40)}`;
}

function inArchive(index: string, prefix: string): boolean {
  return index === prefix || index.startsWith(prefix);
}

type Prepared = { doc: Doc } | { skip: string };

function prepare(record: FailedRecord, indexPrefix: string): Prepared {
  const index = record.esIndexName;
  if (!index) return { skip: 'no esIndexName in the record' };
  try {
    validateIndexName(index);
  } catch {
    return { skip: `esIndexName "${index.slice(0, 80)}" is not a valid index name` };
  }
  if (!inArchive(index, indexPrefix))
    return {
      skip: `meant for ${index}, outside the archive (${indexPrefix}*): pass its prefix to replay it`,
    };
  let text: string;
  try {
    text = Buffer.from(record.rawData ?? '', 'base64').toString('utf8');
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { skip: 'rawData is not a JSON object' };
  } catch {
    return { skip: 'rawData is not base64 JSON' };
  }
  return { doc: { index, id: replayDocumentId(record.rawData ?? ''), source: text } };
}

interface BulkItem {
  status: number;
  error?: { type?: string; reason?: string };
}

interface BulkBody {
  items: Array<Record<string, BulkItem>>;
}

function batches(docs: Doc[], maxDocs: number, maxBytes: number): Doc[][] {
  const out: Doc[][] = [];
  let current: Doc[] = [];
  let bytes = 0;
  for (const d of docs) {
    if (current.length && (current.length >= maxDocs || bytes + d.source.length > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(d);
    bytes += d.source.length + 100;
  }
  if (current.length) out.push(current);
  return out;
}

export async function replayFailedRecords(
  client: OpenSearchClient,
  records: FailedRecord[],
  options: ReplayOptions
): Promise<ReplaySummary> {
  const started = Date.now();
  const docs: Doc[] = [];
  const skipped = new Map<string, number>();
  for (const r of records) {
    const p = prepare(r, options.indexPrefix);
    if ('doc' in p) docs.push(p.doc);
    else skipped.set(p.skip, (skipped.get(p.skip) ?? 0) + 1);
  }
  // The same record backed up twice (a retry that failed again) is one document.
  const unique = [...new Map(docs.map((d) => [`${d.index}/${d.id}`, d])).values()];
  const byIndex = new Map<string, ReplayOutcome>();
  const failures = new Map<
    string,
    { type: string; reason: string; count: number; index: string }
  >();
  const outcome = (index: string) => {
    let o = byIndex.get(index);
    if (!o) byIndex.set(index, (o = { index, written: 0, alreadyPresent: 0, failedAgain: 0 }));
    return o;
  };
  const queue = batches(unique, options.batchDocs ?? 1000, options.batchBytes ?? 5 * 1024 * 1024);
  let done = 0;
  let next = 0;
  options.onProgress?.(0, unique.length);
  const worker = async () => {
    while (next < queue.length) {
      const batch = queue[next++];
      const body = batch
        .map((d) => `${JSON.stringify({ create: { _index: d.index, _id: d.id } })}\n${d.source}\n`)
        .join('');
      const { body: res } = await client.transport.request<BulkBody>({
        method: 'POST',
        path: '/_bulk',
        body,
      });
      res.items.forEach((item, i) => {
        const r = Object.values(item)[0];
        const o = outcome(batch[i].index);
        if (r.status >= 200 && r.status < 300) o.written += 1;
        else if (r.status === 409) o.alreadyPresent += 1;
        else {
          o.failedAgain += 1;
          const type = r.error?.type ?? String(r.status);
          const reason = (r.error?.reason ?? '').slice(0, 300);
          const key = `${type}\u0000${reason}\u0000${batch[i].index}`;
          const f = failures.get(key) ?? { type, reason, count: 0, index: batch[i].index };
          f.count += 1;
          failures.set(key, f);
        }
      });
      done += batch.length;
      options.onProgress?.(done, unique.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 2, queue.length) }, worker)
  );
  const totals = [...byIndex.values()].sort((a, b) => a.index.localeCompare(b.index));
  const sum = (k: keyof Omit<ReplayOutcome, 'index'>) => totals.reduce((n, o) => n + o[k], 0);
  const durationMs = Date.now() - started;
  const skippedCount =
    [...skipped.values()].reduce((a, b) => a + b, 0) + (docs.length - unique.length);
  if (docs.length > unique.length)
    skipped.set('duplicate of another failed record', docs.length - unique.length);
  return {
    records: records.length,
    written: sum('written'),
    alreadyPresent: sum('alreadyPresent'),
    failedAgain: sum('failedAgain'),
    skipped: skippedCount,
    skippedReasons: [...skipped.entries()].map(([reason, count]) => ({ reason, count })),
    byIndex: totals,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
    durationMs,
    docsPerSecond: durationMs > 0 ? Math.round((unique.length * 1000) / durationMs) : unique.length,
  };
}

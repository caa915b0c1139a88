/**
 * Which names a write changes, decided from what the index holds: pure, so the rules are tested without a
 * cluster. The rules:
 * - a refresh from Pinpoint's API never replaces a name a user typed or imported, and writes an API name only
 *   over the version it read (if_seq_no / if_primary_term; a create for a new id), so an edit made meanwhile wins;
 * - a CSV import or an edit replaces any name, keeping what the index knew of the id (kind, application);
 * - writing a name the index already holds from the same source writes nothing (asked-for writes are
 *   idempotent, and an unchanged name keeps its date).
 */
import type { NameEntry, NameKind, NameSource } from './names_index';

export interface IncomingName {
  id: string;
  name: string;
  kind?: NameKind;
  applicationId?: string;
}

export interface StoredName {
  entry: NameEntry;
  seqNo: number;
  primaryTerm: number;
}

export interface PlannedWrite {
  op: 'create' | 'index';
  doc: NameEntry;
  /** Optimistic concurrency for a refresh: the version the decision was made on. */
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
}

export interface WritePlan {
  writes: PlannedWrite[];
  /** Ids whose stored name is already this one. */
  unchanged: string[];
  /** Ids a refresh left alone because a user typed or imported their name. */
  kept: string[];
}

export function planWrites(
  incoming: readonly IncomingName[],
  stored: ReadonlyMap<string, StoredName>,
  source: NameSource,
  updatedAt: string
): WritePlan {
  const plan: WritePlan = { writes: [], unchanged: [], kept: [] };
  // The last occurrence of an id wins (the API lists an id once; the CSV parser refuses conflicting rows).
  const byId = new Map(incoming.map((row) => [row.id, row]));
  for (const row of byId.values()) {
    const current = stored.get(row.id);
    const kind = row.kind ?? current?.entry.kind;
    const applicationId = row.applicationId ?? current?.entry.applicationId;
    const doc: NameEntry = {
      id: row.id,
      name: row.name,
      source,
      ...(kind ? { kind } : {}),
      ...(applicationId ? { applicationId } : {}),
      updatedAt,
    };
    if (!current) {
      plan.writes.push({ op: source === 'pinpoint-api' ? 'create' : 'index', doc });
      continue;
    }
    const was = current.entry;
    if (source === 'pinpoint-api' && was.source !== 'pinpoint-api') {
      plan.kept.push(row.id);
      continue;
    }
    if (
      was.name === doc.name &&
      was.source === source &&
      was.kind === doc.kind &&
      was.applicationId === doc.applicationId
    ) {
      plan.unchanged.push(row.id);
      continue;
    }
    plan.writes.push(
      source === 'pinpoint-api'
        ? { op: 'index', doc, ifSeqNo: current.seqNo, ifPrimaryTerm: current.primaryTerm }
        : { op: 'index', doc }
    );
  }
  return plan;
}

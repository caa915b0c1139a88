/**
 * Checks about the existing indices: timestamps that are not dates (the repair), type conflicts, field counts,
 * freshness.
 *
 * The repair has one check, `indices.timestamps`, and only it offers Repair buttons: the type conflicts
 * between repaired and unrepaired indices are the same pending repair seen from another side, so the
 * conflicts check leaves them out (and names them in its evidence). An index Firehose may still write to
 * (today's) is never offered for repair: it is a warning with the time it becomes repairable.
 */
import { CRITICAL_DATE_FIELDS } from '../../../common/event_mappings';
import { plural } from '../../../common/plural';
import { REPAIR_TARGET_SUFFIX } from '../../../common/repair';
import type { IndexCheck, IndexEvidence } from '../../../common/report';
import { writeWindow } from '../../../common/rotation_window';
import { commands } from './commands';
import type { Freshness } from './freshness';
import { indicesNeedingRepair, type IndexScan } from './index_scan';

type CheckOf<Id extends keyof IndexEvidence> = Extract<IndexCheck, { id: Id }>;

/** Lists in evidence are cut here; counts are always complete. */
const SAMPLE = 50;
/** Warn when an index has used this share of its field limit. */
const FIELD_LIMIT_WARN = 0.8;
const HOUR = 3_600_000;
/** Firehose buffers at most 900 s; a day without events on an active project means the stream stopped. */
const STALE_AFTER = 24 * HOUR;
/** Amazon Pinpoint's end of support: after it, a static archive is expected. */
const PINPOINT_END_OF_SUPPORT = Date.UTC(2026, 9, 30);

const isRepairedCopy = (name: string): boolean => name.endsWith(REPAIR_TARGET_SUFFIX);

/** When Firehose stops writing `name` (ISO), or null when it can be repaired now. */
function repairableAfter(name: string, now: Date): string | null {
  const w = writeWindow(name, now);
  return w.state === 'open' ? w.repairableAfter.toISOString() : null;
}

/** `12:20 UTC on 2026-12-02`, for messages; evidence keeps the ISO time. */
function when(iso: string): string {
  return `${iso.slice(11, 16)} UTC on ${iso.slice(0, 10)}`;
}

export function timestampsCheck(
  prefix: string,
  scan: IndexScan,
  now: Date
): CheckOf<'indices.timestamps'> {
  const bad = indicesNeedingRepair(scan);
  const repairedCount = scan.indices.filter((ix) => isRepairedCopy(ix.name)).length;
  const title = `Timestamps of the ${prefix}* indices`;
  const after = new Map(bad.map((ix) => [ix.name, repairableAfter(ix.name, now)]));
  const evidence: IndexEvidence['indices.timestamps'] = {
    indexCount: scan.indices.length,
    badCount: bad.length,
    bad: bad.slice(0, SAMPLE).map((ix) => ({
      index: ix.name,
      dateFieldTypes: Object.fromEntries(
        CRITICAL_DATE_FIELDS.map((f) => [f, ix.dateFields[f] ?? null])
      ),
      repairableAfter: after.get(ix.name) ?? null,
    })),
    repairedCount,
  };
  const base = { id: 'indices.timestamps' as const, title, evidence };
  if (scan.indices.length === 0) {
    return { ...base, status: 'pass', message: `No index matches ${prefix}* yet.` };
  }
  if (bad.length === 0) {
    return {
      ...base,
      status: 'pass',
      message:
        repairedCount > 0
          ? `All ${plural(scan.indices.length, 'index', 'indices')} map ${CRITICAL_DATE_FIELDS.join(' and ')} as dates (${repairedCount} repaired).`
          : `All ${plural(scan.indices.length, 'index', 'indices')} map ${CRITICAL_DATE_FIELDS.join(' and ')} as dates.`,
    };
  }
  const now_ = bad.filter((ix) => after.get(ix.name) === null).map((ix) => ix.name);
  const later = bad.filter((ix) => after.get(ix.name) !== null);
  const waitText = later
    .map((ix) => `${ix.name} can be repaired after ${when(after.get(ix.name) ?? '')}`)
    .join('; ');
  const wait = later.length > 0 ? ` ${waitText} (Firehose may still write to it until then).` : '';
  const pending = repairedCount > 0 ? 'Repair pending: ' : '';
  const counted = `${bad.length} of ${plural(scan.indices.length, 'index', 'indices')}`;
  if (now_.length === 0) {
    // Only indices Firehose still writes: nothing the user can do today but install the template.
    return {
      ...base,
      status: 'warn',
      message: `${pending}${counted} ${bad.length === 1 ? 'maps' : 'map'} the timestamps as numbers, but cannot be repaired yet:${wait}`,
      remedy: {
        text: `Come back after ${when(later[0] ? (after.get(later[0].name) ?? '') : '')} to repair ${bad.length === 1 ? 'it' : 'them'}. Install the template now, so the indices Firehose creates from tomorrow on get date fields.`,
        command: commands.check(prefix),
      },
    };
  }
  return {
    ...base,
    status: 'fail',
    message:
      repairedCount > 0
        ? `${pending}${plural(now_.length, 'index', 'indices')} still ${now_.length === 1 ? 'maps' : 'map'} the timestamps as numbers (${repairedCount} already repaired); until they are repaired Dashboards shows these fields as conflicts.`
        : `${counted} map the timestamps as numbers (created before the template): Dashboards cannot filter or sort them by time.`,
    remedy: {
      text: `Repair ${now_.length === 1 ? 'this index' : `these ${now_.length} indices`}: each is copied into a correctly mapped index and its name kept as an alias, without losing a document. Install the template too, so that the indices Firehose creates from tomorrow on get date fields.${wait}`,
      fix: { kind: 'repair_indices', indices: now_ },
      command: commands.repair(now_),
    },
  };
}

export function conflictsCheck(scan: IndexScan, now: Date): CheckOf<'indices.conflicts'> {
  const pendingRepair = new Set(indicesNeedingRepair(scan).map((ix) => ix.name));
  const all = [...scan.conflicts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  // A field whose types agree once the indices waiting for a repair are left out is that repair's business.
  const explained = (byType: Map<string, string[]>): boolean =>
    [...byType.values()].filter((list) => list.some((ix) => !pendingRepair.has(ix))).length <= 1;
  const entries = all.filter(([, byType]) => !explained(byType));
  const evidence: IndexEvidence['indices.conflicts'] = {
    conflictCount: entries.length,
    conflicts: entries.slice(0, SAMPLE).map(([field, byType]) => ({
      field,
      types: Object.fromEntries(
        [...byType.entries()].map(([type, indices]) => [
          type,
          { count: indices.length, indices: indices.slice(0, 10) },
        ])
      ),
    })),
    pendingRepairFields: all.filter(([, b]) => explained(b)).map(([f]) => f),
  };
  const base = { id: 'indices.conflicts' as const, title: 'Field types across indices', evidence };
  if (entries.length === 0) {
    return {
      ...base,
      status: 'pass',
      message:
        evidence.pendingRepairFields.length > 0
          ? 'Every field has one type in all indices, apart from those the pending repair fixes.'
          : 'Every field has one type in all indices.',
    };
  }
  // The odd ones out are the indices our template did not create; if it created none yet, those holding a
  // field's less common type. Indices the timestamps check repairs, or Firehose still writes, are not offered.
  const ours = new Set(scan.indices.filter((ix) => ix.fromOurTemplate).map((ix) => ix.name));
  const odd = new Set<string>();
  for (const [, byType] of entries) {
    if (ours.size > 0) {
      for (const list of byType.values()) for (const ix of list) if (!ours.has(ix)) odd.add(ix);
      continue;
    }
    const sorted = [...byType.values()].sort((a, b) => b.length - a.length);
    for (const list of sorted.slice(1)) for (const ix of list) odd.add(ix);
  }
  const fields = entries.map(([f]) => f);
  const toRepair = [...odd]
    .filter((ix) => !pendingRepair.has(ix) && !isRepairedCopy(ix) && !repairableAfter(ix, now))
    .sort();
  const shown = `${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ', ...' : ''}`;
  return {
    ...base,
    status: 'warn',
    message: `${plural(entries.length, 'field')} ${entries.length === 1 ? 'has' : 'have'} different types in different indices (${shown}); Dashboards shows them as conflicts and cannot aggregate them.`,
    remedy:
      toRepair.length > 0
        ? {
            text: `Repair the ${plural(toRepair.length, 'index', 'indices')} not created by the template: the copy maps these fields the template's way.`,
            fix: { kind: 'repair_indices', indices: toRepair },
            command: commands.repair(toRepair),
          }
        : {
            text: 'The template leaves these fields to dynamic mapping and the events disagree on their type: send one type per field from the app, or map the field in the template.',
          },
  };
}

export function fieldLimitCheck(scan: IndexScan): CheckOf<'indices.field_limit'> {
  const ranked = scan.indices
    .map((ix) => ({
      index: ix.name,
      fields: ix.fieldCount,
      limit: ix.fieldLimit,
      share: ix.fieldCount / ix.fieldLimit,
    }))
    .sort((a, b) => b.share - a.share);
  const near = ranked.filter((r) => r.share >= FIELD_LIMIT_WARN);
  const evidence = {
    highest: ranked.slice(0, 5).map((r) => ({ index: r.index, fields: r.fields, limit: r.limit })),
    nearLimitCount: near.length,
  };
  const base = {
    id: 'indices.field_limit' as const,
    title: 'Field count vs index.mapping.total_fields.limit',
    evidence,
  };
  if (near.length === 0) {
    const top = ranked[0];
    return {
      ...base,
      status: 'pass',
      message: top
        ? `Highest: ${top.index} uses ${top.fields} of ${top.limit} fields.`
        : 'No index to check.',
    };
  }
  const full = near.filter((r) => r.fields >= r.limit);
  return {
    ...base,
    status: full.length > 0 ? 'fail' : 'warn',
    message:
      full.length > 0
        ? `${plural(full.length, 'index', 'indices')} reached the field limit: OpenSearch rejects events with new attribute or metric names there (Firehose sends them to the S3 backup).`
        : `${plural(near.length, 'index', 'indices')} ${near.length === 1 ? 'uses' : 'use'} over ${FIELD_LIMIT_WARN * 100}% of the field limit: custom events keep adding attributes.* and metrics.* fields.`,
    remedy: {
      text: 'Find the custom events that send many distinct attribute names (ids or timestamps used as keys) and fix them at the source; raise index.mapping.total_fields.limit in the template only if the names are legitimate.',
      request: `PUT ${ranked[0].index}/_settings\n{"index.mapping.total_fields.limit": ${Math.max(ranked[0].limit * 2, 2000)}}`,
    },
  };
}

export function freshnessCheck(
  prefix: string,
  scan: IndexScan,
  freshness: Freshness,
  now: Date
): CheckOf<'data.freshness'> {
  const latestIso = freshness.latest !== null ? new Date(freshness.latest).toISOString() : null;
  const ageMs = freshness.latest !== null ? now.getTime() - freshness.latest : null;
  const evidence = {
    latest: latestIso,
    latestIndex: freshness.index,
    ageHours: ageMs !== null ? Math.round(ageMs / HOUR) : null,
    pattern: `${prefix}*`,
    now: now.toISOString(),
  };
  const base = {
    id: 'data.freshness' as const,
    title: 'Latest event (arrival_timestamp)',
    evidence,
  };
  if (scan.indices.length === 0 || freshness.latest === null) {
    return {
      ...base,
      status: 'warn',
      message: `No events in ${prefix}* yet.`,
      remedy: {
        text: `Check the pipeline: Pinpoint event stream -> Firehose (index ${prefix}, daily rotation) -> this cluster. Firehose delivers within its buffer interval (60-900 s).`,
        command: `pinpoint-dashboards check --prefix ${prefix} --aws`,
      },
    };
  }
  if (ageMs !== null && ageMs <= STALE_AFTER) {
    return {
      ...base,
      status: 'pass',
      message: `Last event arrived ${latestIso} (in ${freshness.index}).`,
    };
  }
  const beforeEos = freshness.latest <= PINPOINT_END_OF_SUPPORT + 86_400_000;
  return {
    ...base,
    status: 'warn',
    message: `No event since ${latestIso} (${plural(Math.round((ageMs ?? 0) / HOUR), 'hour')} ago).`,
    remedy: {
      text: beforeEos
        ? 'Amazon Pinpoint reached end of support on 2026-10-30: if this archive is expected to be final, nothing to do. Otherwise check the event stream and Firehose delivery.'
        : 'Check the event stream and Firehose delivery (DeliveryToAmazonOpenSearchService.Success, the S3 backup bucket for failed documents).',
      command: `pinpoint-dashboards check --prefix ${prefix} --aws`,
    },
  };
}

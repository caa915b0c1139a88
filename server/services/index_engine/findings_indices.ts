/** Findings about the existing indices: timestamps that are not dates, type conflicts, field counts, freshness. */
import { CRITICAL_DATE_FIELDS } from '../../../common/event_mappings';
import type { Finding } from '../../../common/report';
import type { Json } from '../../../common/validation';
import { writeWindow } from '../../../common/rotation_window';
import { commands } from './commands';
import type { Freshness } from './freshness';
import { indicesNeedingRepair, type IndexScan } from './index_scan';

/** Lists in evidence are cut here; counts are always complete. */
const SAMPLE = 50;
/** Warn when an index has used this share of its field limit. */
const FIELD_LIMIT_WARN = 0.8;
const HOUR = 3_600_000;
/** Firehose buffers at most 900 s; a day without events on an active project means the stream stopped. */
const STALE_AFTER = 24 * HOUR;
/** Amazon Pinpoint's end of support: after it, a static archive is expected. */
const PINPOINT_END_OF_SUPPORT = Date.UTC(2026, 9, 30);

export function timestampsFinding(prefix: string, scan: IndexScan, now: Date): Finding {
  const bad = indicesNeedingRepair(scan);
  const title = `Timestamps of the ${prefix}* indices`;
  // An index Firehose may still write to cannot be repaired yet: a write block would bounce late deliveries.
  const windows = new Map(bad.map((ix) => [ix.name, writeWindow(ix.name, now)]));
  const openUntil = (name: string): string | null => {
    const w = windows.get(name);
    return w?.state === 'open' ? w.repairableAfter.toISOString() : null;
  };
  const evidence = {
    indexCount: scan.indices.length,
    badCount: bad.length,
    bad: bad.slice(0, SAMPLE).map((ix) => ({
      index: ix.name,
      ...Object.fromEntries(CRITICAL_DATE_FIELDS.map((f) => [f, ix.dateFields[f] ?? null])),
      repairableAfter: openUntil(ix.name),
    })),
  };
  if (scan.indices.length === 0) {
    return {
      id: 'indices.timestamps',
      title,
      status: 'ok',
      evidence,
      summary: `No index matches ${prefix}* yet.`,
    };
  }
  if (bad.length === 0) {
    return {
      id: 'indices.timestamps',
      title,
      status: 'ok',
      evidence,
      summary: `All ${scan.indices.length} indices map ${CRITICAL_DATE_FIELDS.join(' and ')} as dates.`,
    };
  }
  const now_ = bad.filter((ix) => openUntil(ix.name) === null).map((ix) => ix.name);
  const later = bad.filter((ix) => openUntil(ix.name) !== null);
  const wait =
    later.length > 0
      ? ` ${later.map((ix) => `${ix.name} can be repaired after ${openUntil(ix.name)}`).join('; ')} (Firehose may still write to it).`
      : '';
  return {
    id: 'indices.timestamps',
    title,
    status: 'fail',
    evidence,
    summary: `${bad.length} of ${scan.indices.length} indices map the timestamps as numbers (created before the template): Dashboards cannot filter or sort them by time.`,
    remedy: {
      text: `Repair these indices: each is copied into a correctly mapped index and its name kept as an alias, without losing a document. Install the template too, so that the indices Firehose creates from tomorrow on get date fields.${wait}`,
      ...(now_.length > 0 && {
        fix: { kind: 'repair_indices' as const, indices: now_ },
        command: commands.repair(now_),
      }),
    },
  };
}

export function conflictsFinding(scan: IndexScan): Finding {
  const entries = [...scan.conflicts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const evidence = {
    conflictCount: entries.length,
    conflicts: entries.slice(0, SAMPLE).map(([field, byType]) => ({
      field,
      types: Object.fromEntries(
        [...byType.entries()].map(([type, indices]): [string, Json] => [
          type,
          { count: indices.length, indices: indices.slice(0, 10) },
        ])
      ),
    })),
  };
  const title = 'Field types across indices';
  if (entries.length === 0) {
    return {
      id: 'indices.conflicts',
      title,
      status: 'ok',
      evidence,
      summary: 'Every field has one type in all indices.',
    };
  }
  // The odd ones out are the indices our template did not create; if it created none yet, those holding a
  // field's less common type.
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
  const toRepair = [...odd].sort();
  return {
    id: 'indices.conflicts',
    title,
    status: 'warn',
    evidence,
    summary: `${entries.length} field(s) have different types in different indices (${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ', ...' : ''}); Dashboards shows them as conflicts and cannot aggregate them.`,
    remedy:
      toRepair.length > 0
        ? {
            text: `Repair the ${toRepair.length} index(es) not created by the template: the copy maps these fields the template's way.`,
            fix: { kind: 'repair_indices', indices: toRepair },
            command: commands.repair(toRepair),
          }
        : {
            text: 'The template leaves these fields to dynamic mapping and the events disagree on their type: send one type per field from the app, or map the field in the template.',
          },
  };
}

export function fieldLimitFinding(scan: IndexScan): Finding {
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
  const title = 'Field count vs index.mapping.total_fields.limit';
  if (near.length === 0) {
    const top = ranked[0];
    return {
      id: 'indices.field_limit',
      title,
      status: 'ok',
      evidence,
      summary: top
        ? `Highest: ${top.index} uses ${top.fields} of ${top.limit} fields.`
        : 'No index to check.',
    };
  }
  const full = near.filter((r) => r.fields >= r.limit);
  return {
    id: 'indices.field_limit',
    title,
    status: full.length > 0 ? 'fail' : 'warn',
    evidence,
    summary:
      full.length > 0
        ? `${full.length} index(es) reached the field limit: OpenSearch rejects events with new attribute or metric names there (Firehose sends them to the S3 backup).`
        : `${near.length} index(es) use over ${FIELD_LIMIT_WARN * 100}% of their field limit: custom events keep adding attributes.* and metrics.* fields.`,
    remedy: {
      text: 'Find the custom events that send many distinct attribute names (ids or timestamps used as keys) and fix them at the source; raise index.mapping.total_fields.limit in the template only if the names are legitimate.',
      request: `PUT ${ranked[0].index}/_settings\n{"index.mapping.total_fields.limit": ${Math.max(ranked[0].limit * 2, 2000)}}`,
    },
  };
}

export function freshnessFinding(
  prefix: string,
  scan: IndexScan,
  freshness: Freshness,
  now: Date
): Finding {
  const title = 'Latest event (arrival_timestamp)';
  const latestIso = freshness.latest !== null ? new Date(freshness.latest).toISOString() : null;
  const ageMs = freshness.latest !== null ? now.getTime() - freshness.latest : null;
  const evidence = {
    latest: latestIso,
    ageHours: ageMs !== null ? Math.round(ageMs / HOUR) : null,
    searched: freshness.searched,
    now: now.toISOString(),
  };
  if (scan.indices.length === 0 || freshness.latest === null) {
    return {
      id: 'data.freshness',
      title,
      status: 'warn',
      evidence,
      summary: `No events in ${prefix}* yet.`,
      remedy: {
        text: `Check the pipeline: Pinpoint event stream -> Firehose (index ${prefix}, daily rotation) -> this cluster. Firehose delivers within its buffer interval (60-900 s).`,
        command: `pinpoint-dashboards check --prefix ${prefix} --aws`,
      },
    };
  }
  if (ageMs !== null && ageMs <= STALE_AFTER) {
    return {
      id: 'data.freshness',
      title,
      status: 'ok',
      evidence,
      summary: `Last event arrived ${latestIso}.`,
    };
  }
  const beforeEos = freshness.latest <= PINPOINT_END_OF_SUPPORT + 86_400_000;
  return {
    id: 'data.freshness',
    title,
    status: 'warn',
    evidence,
    summary: `No event since ${latestIso} (${Math.round((ageMs ?? 0) / HOUR)} h ago).`,
    remedy: {
      text: beforeEos
        ? 'Amazon Pinpoint reached end of support on 2026-10-30: if this archive is expected to be final, nothing to do. Otherwise check the event stream and Firehose delivery.'
        : 'Check the event stream and Firehose delivery (DeliveryToAmazonOpenSearchService.Success, the S3 backup bucket for failed documents).',
      command: `pinpoint-dashboards check --prefix ${prefix} --aws`,
    },
  };
}

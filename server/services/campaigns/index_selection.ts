/**
 * Which archive indices a report reads. Daily indices are named by the UTC day Firehose delivered them, which
 * is never before the send time of the messages whose events they hold: a report from `from` skips indices of
 * days before `from` − 1 day (one day of margin for clock skew), so the cost follows the range, not the size
 * of the archive. An index being repaired (its `-repaired` copy exists beside it) is read once, from the
 * original. An index whose campaign fields are not keywords (indexed before the template: dynamic mapping
 * made them text) cannot be aggregated exactly and is listed as excluded with the fix.
 */
import type { OpenSearchClient } from '../../osd_port';
import { REPAIR_TARGET_SUFFIX } from '../../../common/repair';
import type { SourceDescriptor } from '../../../common/sources/source_descriptor';
import { fromOpenSearchError } from '../../errors';

const DAY_MS = 86_400_000;

export interface ArchiveIndex {
  index: string;
  /** The UTC day in the name (epoch ms of its midnight), when the name carries one. */
  dayMs?: number;
  docs: number;
}

export interface IndexSelection {
  indices: ArchiveIndex[];
  excluded: Array<{ index: string; reason: string }>;
  /**
   * The index expression naming exactly `indices`: whole months as `<prefix>-YYYY-MM-*` where every index of
   * the month is read, single names otherwise. A search must not even touch an excluded index (its text
   * fields fail the aggregation), and a year of names would overflow the HTTP request line.
   */
  target: string;
}

const MAX_TARGET_LENGTH = 3500;

export function targetExpression(
  prefix: string,
  allNames: readonly string[],
  included: readonly string[]
): string {
  const want = new Set(included);
  const byMonth = new Map<string, string[]>();
  for (const name of allNames) {
    const m = /^-(\d{4}-\d{2})-/.exec(name.slice(prefix.length));
    const key = m ? m[1] : `=${name}`;
    const list = byMonth.get(key) ?? [];
    list.push(name);
    byMonth.set(key, list);
  }
  const parts: string[] = [];
  for (const [key, names] of byMonth) {
    const chosen = names.filter((n) => want.has(n));
    if (chosen.length === 0) continue;
    if (!key.startsWith('=') && chosen.length === names.length && names.length > 1) {
      parts.push(`${prefix}-${key}-*`);
    } else parts.push(...chosen);
  }
  const target = parts.map(encodeURIComponent).join(',');
  if (target.length > MAX_TARGET_LENGTH) {
    throw new Error(
      `the ${included.length} indices to read cannot be named in one request; repair or close the excluded ones`
    );
  }
  return target;
}

export function dayOfIndexName(name: string, prefix: string): number | undefined {
  const m = /^-(\d{4})-(\d{2})-(\d{2})(?:-\d{2})?(?:-repaired)?$/.exec(name.slice(prefix.length));
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Every concrete index of the archive (`<prefix>*`, never a dot-prefixed one), with its day and doc count. */
export async function listArchiveIndices(
  client: OpenSearchClient,
  prefix: string
): Promise<ArchiveIndex[] & { allNames?: string[] }> {
  let rows: Array<{ index: string; 'docs.count': string | null }>;
  try {
    ({ body: rows } = await client.transport.request<typeof rows>(
      {
        method: 'GET',
        path: `/_cat/indices/${encodeURIComponent(`${prefix}*`)}`,
        querystring: { format: 'json', h: 'index,docs.count', expand_wildcards: 'open' },
      },
      { requestTimeout: 30_000 }
    ));
  } catch (error) {
    throw fromOpenSearchError(error, `listing ${prefix}* indices`);
  }
  const names = new Set(rows.map((r) => r.index));
  const list: ArchiveIndex[] & { allNames?: string[] } = rows
    .filter((r) => !r.index.startsWith('.'))
    .filter((r) => {
      // Mid-repair both exist with the same documents: read the original until the swap.
      if (!r.index.endsWith(REPAIR_TARGET_SUFFIX)) return true;
      return !names.has(r.index.slice(0, -REPAIR_TARGET_SUFFIX.length));
    })
    .map((r) => ({
      index: r.index,
      dayMs: dayOfIndexName(r.index, prefix),
      docs: Number(r['docs.count'] ?? 0),
    }))
    .sort((a, b) => a.index.localeCompare(b.index));
  list.allNames = [...names].sort();
  return list;
}

interface FieldCaps {
  fields: Record<string, Record<string, { indices?: string[] }>>;
}

/** Indices where one of the source's keyword fields is mapped otherwise (text from dynamic mapping). */
async function wronglyMapped(
  client: OpenSearchClient,
  prefix: string,
  indices: readonly string[],
  source: SourceDescriptor
): Promise<Map<string, string>> {
  const fields = new Set<string>([source.eventTypeField]);
  for (const g of source.groups) fields.add(g.idField).add(g.splitField);
  for (const c of source.channels) fields.add(c.entityField);
  let caps: FieldCaps;
  try {
    ({ body: caps } = await client.transport.request<FieldCaps>(
      {
        method: 'POST',
        path: `/${encodeURIComponent(`${prefix}*`)}/_field_caps`,
        querystring: { fields: [...fields].join(','), ignore_unavailable: true },
      },
      { requestTimeout: 30_000 }
    ));
  } catch (error) {
    throw fromOpenSearchError(error, 'reading field types');
  }
  const bad = new Map<string, string>();
  for (const [field, byType] of Object.entries(caps.fields ?? {})) {
    // field_caps also answers for the parent objects of the requested fields.
    if (!fields.has(field)) continue;
    const types = Object.keys(byType);
    for (const type of types) {
      if (type === 'keyword' || type === 'unmapped') continue;
      // With one type everywhere, OpenSearch omits the per-type index list.
      const where = byType[type].indices ?? (types.length === 1 ? [...indices] : []);
      for (const index of where) {
        if (!indices.includes(index)) continue;
        if (!bad.has(index)) {
          bad.set(
            index,
            `${field} is mapped as ${type}, not keyword (indexed before the template): repair it on the setup page`
          );
        }
      }
    }
  }
  return bad;
}

/** The indices that can hold events of messages sent in [from, to), minus those that cannot be read exactly. */
export async function selectIndices(
  client: OpenSearchClient,
  prefix: string,
  source: SourceDescriptor,
  range: { from: number; to: number },
  all?: ArchiveIndex[] & { allNames?: string[] }
): Promise<IndexSelection> {
  const archive = all ?? (await listArchiveIndices(client, prefix));
  const candidates = archive.filter(
    (i) => i.dayMs === undefined || i.dayMs + DAY_MS > range.from - DAY_MS
  );
  if (candidates.length === 0) return { indices: [], excluded: [], target: '' };
  const bad = await wronglyMapped(
    client,
    prefix,
    candidates.map((i) => i.index),
    source
  );
  const indices = candidates.filter((i) => !bad.has(i.index));
  return {
    indices,
    excluded: [...bad].map(([index, reason]) => ({ index, reason })),
    target: targetExpression(
      prefix,
      archive.allNames ?? archive.map((i) => i.index),
      indices.map((i) => i.index)
    ),
  };
}

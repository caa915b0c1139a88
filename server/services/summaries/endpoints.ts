/**
 * Numbers distinct per endpoint (endpoints targeted, push opened: `client.client_id`) are not additive over
 * days: one endpoint targeted by a campaign on two days counts once. So the summaries keep them per endpoint:
 * one document per (group, split, endpoint) — split "" for the group's own — whose `marks` say which metric
 * it counted on which send day (`endpointsTargeted|2026-03-10`). A range counts the documents with a mark of
 * the metric on one of its summary days; the raw part's endpoints that the summary days already counted are
 * taken off again, so every endpoint counts once.
 */
import { addEntity, type Counts } from '../../../common/campaigns/fold';
import { COUNT_DEFINITIONS } from '../../../common/campaigns/metric_definitions';
import type { GroupDescriptor, SourceDescriptor } from '../../../common/sources/source_descriptor';
import { streamEntities, type EntityRows } from '../campaigns/composite';
import { GroupFold } from '../campaigns/group_fold';
import { rawSpecs, type RawCountsRequest } from '../campaigns/raw_counts';
import type { OpenSearchClient } from '../../osd_port';

/** The channel whose entity is an endpoint, not a message (it can recur across days). */
export const ENDPOINT_CHANNEL = 'campaign';

/** Metrics distinct per endpoint: the distinct counts made only of the endpoint channel's events. */
export function endpointMetrics(source: SourceDescriptor): string[] {
  const channel = source.channels.find((c) => c.id === ENDPOINT_CHANNEL);
  if (!channel) return [];
  return COUNT_DEFINITIONS.filter(
    (d) =>
      d.measure === 'distinct' && d.match.eventTypes.every((t) => channel.eventTypes.includes(t))
  ).map((d) => d.name);
}

/** `${groupId}|${split}|${endpoint}` -> the endpoint metrics it counted (split "" = the group's own). */
export type EndpointMarks = Map<string, Set<string>>;

export const endpointKey = (groupId: string, split: string, endpoint: string) =>
  `${groupId}|${split}|${endpoint}`;

function marksOf(rows: EntityRows['rows'], metrics: readonly string[]): string[] {
  const counts: Counts = {};
  addEntity(counts, rows);
  return metrics.filter((m) => (counts[m] ?? 0) > 0);
}

/**
 * The raw fold of one group kind (as raw_counts.ts makes it) and, on the way, which endpoint counted which
 * endpoint metric — one pass over the same composite aggregations.
 */
export async function foldWithEndpoints(
  client: OpenSearchClient,
  source: SourceDescriptor,
  group: GroupDescriptor,
  req: RawCountsRequest
): Promise<{ fold: GroupFold; endpoints: EndpointMarks }> {
  const fold = new GroupFold();
  const endpoints: EndpointMarks = new Map();
  const metrics = endpointMetrics(source);
  const specs = rawSpecs(source, group, req);
  for (const [i, spec] of specs.entries()) {
    const isEndpoint = source.channels[i].id === ENDPOINT_CHANNEL && metrics.length > 0;
    let groupOf: { key: string; rows: EntityRows['rows'] } | undefined;
    const flushGroup = () => {
      if (!groupOf) return;
      const marks = marksOf(groupOf.rows, metrics);
      if (marks.length) endpoints.set(groupOf.key, new Set(marks));
      groupOf = undefined;
    };
    for await (const entity of streamEntities(client, spec)) {
      fold.add(entity);
      if (!isEndpoint) continue;
      const [groupId, endpoint, split] = entity.key;
      if (groupId === null || endpoint === null) continue;
      const key = endpointKey(groupId, '', endpoint);
      if (groupOf?.key !== key) {
        flushGroup();
        groupOf = { key, rows: [] };
      }
      groupOf.rows.push(...entity.rows);
      if (split !== null) {
        const marks = marksOf(entity.rows, metrics);
        if (marks.length) endpoints.set(endpointKey(groupId, split, endpoint), new Set(marks));
      }
    }
    flushGroup();
    fold.end();
  }
  return { fold, endpoints };
}

/** Takes the endpoint metrics out of a fold's counts: the endpoint documents carry them instead. */
export function withoutEndpointMetrics(counts: Counts, metrics: readonly string[]): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries(counts)) if (!metrics.includes(k)) out[k] = v;
  return out;
}

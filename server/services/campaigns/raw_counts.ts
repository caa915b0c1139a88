/**
 * The raw path: for each group kind (campaigns, journeys) and each channel of the source, one composite
 * aggregation over the archive's indices, folded per group and split. Exact at any campaign size.
 */
import type { OpenSearchClient } from '../../osd_port';
import type {
  ChannelDescriptor,
  GroupDescriptor,
  SourceDescriptor,
} from '../../../common/sources/source_descriptor';
import { streamEntities, type CompositeSpec } from './composite';
import { GroupFold } from './group_fold';
import type { TimeRange } from './time_range';

export interface RawCountsRequest {
  /** The archive's wildcard, `<prefix>*`. */
  target: string;
  indices: readonly string[];
  range: TimeRange;
  /** Only this campaign / journey. */
  groupId?: string;
  /** Extra filter clauses (the summaries read only some messages this way). */
  filter?: readonly object[];
}

export function baseFilter(
  source: SourceDescriptor,
  group: GroupDescriptor,
  channel: ChannelDescriptor,
  req: RawCountsRequest
): object[] {
  return [
    {
      range: {
        [source.sendTimeField]: { gte: req.range.from, lt: req.range.to },
      },
    },
    { terms: { [source.eventTypeField]: channel.eventTypes } },
    req.groupId ? { term: { [group.idField]: req.groupId } } : { exists: { field: group.idField } },
    ...(req.filter ?? []),
  ];
}

export function groupChannelSpec(
  source: SourceDescriptor,
  group: GroupDescriptor,
  channel: ChannelDescriptor,
  req: RawCountsRequest
): CompositeSpec {
  return {
    target: req.target,
    indices: req.indices,
    query: { bool: { filter: baseFilter(source, group, channel, req) } },
    keyFields: [group.idField, channel.entityField, group.splitField],
    entityDepth: 3,
    eventTypeField: source.eventTypeField,
    dimensionFields: channel.dimensionFields,
    sumFields: channel.sumFields,
  };
}

/** Every composite the raw path issues for one group kind (the bench runs these bare). */
export function rawSpecs(
  source: SourceDescriptor,
  group: GroupDescriptor,
  req: RawCountsRequest
): CompositeSpec[] {
  return source.channels.map((channel) => groupChannelSpec(source, group, channel, req));
}

export async function rawGroupCounts(
  client: OpenSearchClient,
  source: SourceDescriptor,
  group: GroupDescriptor,
  req: RawCountsRequest
): Promise<GroupFold> {
  const fold = new GroupFold();
  for (const spec of rawSpecs(source, group, req)) {
    for await (const entity of streamEntities(client, spec)) fold.add(entity);
    fold.end();
  }
  return fold;
}

import type { Logger, OpenSearchClient } from '../../osd_port';
import type { GroupDescriptor, SourceDescriptor } from '../../../common/sources/source_descriptor';
import type { GroupFold } from './group_fold';
import type { IndexSelection } from './index_selection';
import type { TimeRange } from './time_range';

/** The counts of one group kind over the selected indices (raw, or summaries plus raw). */
export type GroupCounter = (
  group: GroupDescriptor,
  selection: IndexSelection,
  range: TimeRange,
  groupId?: string
) => Promise<{ fold: GroupFold; summaryDays: string[]; rawIndices: string[] }>;

/** Resolves campaign and journey ids to names (the names lookup index); absent: every name is null. */
export interface NameResolver {
  resolve(ids: readonly string[]): Promise<Map<string, string>>;
}

/**
 * Reads summaries for the days they cover, raw events for the rest (server/services/summaries); absent, or
 * no summaries built: every day is read from the raw indices.
 */
export interface SummaryReader {
  counter(deps: CampaignsDeps): GroupCounter;
}

/** What the campaigns service needs, as narrow interfaces: a client scoped to the caller, nothing else. */
export interface CampaignsDeps {
  client: OpenSearchClient;
  logger?: Logger;
  names?: NameResolver;
  summaries?: SummaryReader;
  prefix?: string;
  source?: SourceDescriptor;
  now?: () => Date;
}

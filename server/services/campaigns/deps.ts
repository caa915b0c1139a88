import type { Logger, OpenSearchClient } from '../../osd_port';
import type { SourceDescriptor } from '../../../common/sources/source_descriptor';

/** Resolves campaign and journey ids to names (the names lookup index); absent: every name is null. */
export interface NameResolver {
  resolve(ids: readonly string[]): Promise<Map<string, string>>;
}

/** Reads summaries for the days they cover; absent: every day is read from the raw indices. */
export interface SummaryReader {
  /** Which indices of the selection the summaries stand in for (unchanged since summarised). */
  coveredIndices(indices: ReadonlyArray<{ index: string; docs: number }>): Promise<Set<string>>;
}

/** What the campaigns service needs, as narrow interfaces: a client scoped to the caller, nothing else. */
export interface CampaignsDeps {
  client: OpenSearchClient;
  logger?: Logger;
  names?: NameResolver;
  prefix?: string;
  source?: SourceDescriptor;
  now?: () => Date;
}

import type { Logger, OpenSearchClient } from '../../osd_port';
import type { SourceDescriptor } from '../../../common/sources/source_descriptor';
import type { SummaryStore } from './summary_index';

/** What the summaries need: a client scoped to the caller (their writes are the caller's), nothing else. */
export interface SummaryDeps {
  client: OpenSearchClient;
  logger?: Logger;
  prefix?: string;
  source?: SourceDescriptor;
  now?: () => Date;
  /** The summaries index (tests and benches use one of their own). */
  store?: SummaryStore;
}

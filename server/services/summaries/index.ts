/** Campaign summaries (issue 9, "exact numbers, fast at archive scale"): build, status, and the reader. */
export { buildSummaries, type BuildResult, type BuildProgress } from './build';
export { summaryStatus, type SummaryStatus, type IndexState } from './status';
export { summaryCounter, summaryReader, planRange } from './reader';
export { SummaryStore, DEFAULT_SUMMARY_INDEX, summaryIndexFor } from './summary_index';
export type { SummaryDeps } from './deps';

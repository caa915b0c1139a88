/**
 * The campaign summaries over core.http: what they cover, and a build (only when the user presses the
 * button). Shapes as server/services/summaries sends them.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { HttpSetup } from '../osd_port';

export type SummaryIndexState =
  'summarised' | 'stale' | 'missing' | 'today' | 'deleted' | 'excluded';

export interface SummaryStatus {
  index: string;
  exists: boolean;
  today: string;
  days: string[];
  firstDay: string | null;
  lastDay: string | null;
  counts: Record<SummaryIndexState, number>;
  indices: Array<{ index: string; state: SummaryIndexState; builtAt?: string; reason?: string }>;
  buildNeeded: boolean;
}

export interface SummaryBuildResult {
  built: string[];
  kept: string[];
  indices: string[];
  events: number;
  tookMs: number;
  eventsPerSecond: number;
}

export interface SummariesApi {
  status(prefix: string, signal?: AbortSignal): Promise<SummaryStatus>;
  build(prefix: string, signal?: AbortSignal): Promise<SummaryBuildResult>;
}

export function createSummariesApi(http: HttpSetup): SummariesApi {
  return {
    status: (prefix, signal) =>
      http.get<SummaryStatus>(CAMPAIGN_API_PATHS.summaries, { query: { prefix }, signal }),
    build: (prefix, signal) =>
      http.post<SummaryBuildResult>(CAMPAIGN_API_PATHS.summariesBuild, {
        body: JSON.stringify({ prefix }),
        signal,
      }),
  };
}

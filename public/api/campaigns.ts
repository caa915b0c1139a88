/**
 * The campaign analytics resources over core.http: the list (JSON page and CSV), one campaign, one journey,
 * names. Components reach it through props; every call takes an AbortSignal so a closed page stops.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { CampaignDetail, JourneyDetail } from '../../common/campaigns/detail_types';
import type { CampaignListPage } from '../../common/campaigns/list';
import type { CampaignListQuery, RangeQuery } from '../../common/campaigns/query';
import type { CampaignsResponse } from '../../common/campaigns/types';
import type { HttpSetup } from '../osd_port';

export type CampaignListResponse = Omit<CampaignsResponse, 'campaigns' | 'journeys'> &
  CampaignListPage;

export interface NameEntry {
  id: string;
  name: string;
  source: string;
}

export interface CampaignsApi {
  list(
    query: Partial<CampaignListQuery> & RangeQuery,
    signal?: AbortSignal
  ): Promise<CampaignListResponse>;
  csv(query: Partial<CampaignListQuery> & RangeQuery, signal?: AbortSignal): Promise<string>;
  campaign(
    id: string,
    range: RangeQuery & { timeZone?: string },
    signal?: AbortSignal
  ): Promise<CampaignDetail>;
  journey(id: string, range: RangeQuery, signal?: AbortSignal): Promise<JourneyDetail>;
  setName(id: string, name: string): Promise<void>;
  importNames(csv: string): Promise<{ written: number }>;
}

const withId = (path: string, id: string) => path.replace('{id}', encodeURIComponent(id));

function clean(query: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '') out[k] = v as string | number;
  }
  return out;
}

export function createCampaignsApi(http: HttpSetup): CampaignsApi {
  return {
    list: (query, signal) =>
      http.get<CampaignListResponse>(CAMPAIGN_API_PATHS.campaigns, {
        query: clean({ ...query }),
        signal,
      }),
    csv: (query, signal) => {
      const { page: _page, perPage: _perPage, ...rest } = query;
      return http.get<string>(CAMPAIGN_API_PATHS.campaignsCsv, { query: clean(rest), signal });
    },
    campaign: (id, range, signal) =>
      http.get<CampaignDetail>(withId(CAMPAIGN_API_PATHS.campaign, id), {
        query: clean({ ...range }),
        signal,
      }),
    journey: (id, range, signal) =>
      http.get<JourneyDetail>(withId(CAMPAIGN_API_PATHS.journey, id), {
        query: clean({ ...range }),
        signal,
      }),
    async setName(id, name) {
      await http.put(withId(CAMPAIGN_API_PATHS.name, id), { body: JSON.stringify({ name }) });
    },
    importNames: (csv) =>
      http.post<{ written: number }>(CAMPAIGN_API_PATHS.namesImport, {
        body: JSON.stringify({ csv }),
      }),
  };
}

/**
 * Campaign and journey names over core.http — owned by the names helper. The lookup index keeps names after
 * Pinpoint's API has gone: list a page, edit one, import a CSV (header id,name), refresh from the API while it
 * answers. Every call takes an AbortSignal so a closed page stops its requests.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import type { HttpSetup } from '../osd_port';

export type NameSource = 'pinpoint-api' | 'csv' | 'user';

/** One stored name, as the server sends it (server/services/names/names_index.ts). */
export interface NameEntry {
  id: string;
  name: string;
  source: NameSource;
  kind?: 'campaign' | 'journey';
  applicationId?: string;
  updatedAt: string;
}

export interface NamesPage {
  names: NameEntry[];
  total: number;
  page: number;
  perPage: number;
}

export interface NamesListQuery {
  page?: number;
  perPage?: 10 | 20 | 50 | 100 | 500;
  search?: string;
  kind?: 'campaign' | 'journey';
  source?: NameSource;
}

export interface NamesWriteResult {
  written: number;
  unchanged: number;
  kept: number;
}

export interface NamesImportResult extends NamesWriteResult {
  rows: number;
}

export interface NamesRefreshResult extends NamesWriteResult {
  pinpointAnswered: boolean;
  message: string;
  applications: Array<{
    applicationId: string;
    campaigns: number;
    journeys: number;
    failure?: string;
    error?: string;
  }>;
}

export interface NamesApi {
  list(query?: NamesListQuery, signal?: AbortSignal): Promise<NamesPage>;
  setName(id: string, name: string, signal?: AbortSignal): Promise<NameEntry>;
  importCsv(csv: string, signal?: AbortSignal): Promise<NamesImportResult>;
  refresh(region: string, appIds: string[], signal?: AbortSignal): Promise<NamesRefreshResult>;
}

function clean(query: NamesListQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function createNamesApi(http: HttpSetup): NamesApi {
  return {
    list: (query = {}, signal) =>
      http.get<NamesPage>(CAMPAIGN_API_PATHS.names, { query: clean(query), signal }),
    setName: (id, name, signal) =>
      http.put<NameEntry>(CAMPAIGN_API_PATHS.name.replace('{id}', encodeURIComponent(id)), {
        body: JSON.stringify({ name }),
        signal,
      }),
    importCsv: (csv, signal) =>
      http.post<NamesImportResult>(CAMPAIGN_API_PATHS.namesImport, {
        body: JSON.stringify({ csv }),
        signal,
      }),
    refresh: (region, appIds, signal) =>
      http.post<NamesRefreshResult>(CAMPAIGN_API_PATHS.namesSync, {
        body: JSON.stringify({ region, appIds }),
        signal,
      }),
  };
}

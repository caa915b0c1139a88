import { API_BASE } from '../constants';

/** The campaign analytics surface (issue 9): list, one campaign, journeys, names and summaries. */
export const CAMPAIGN_API_PATHS = {
  /** GET ?from&to&sort&order&page&perPage&search: the campaigns and journeys list. */
  campaigns: `${API_BASE}/campaigns`,
  /** GET ?from&to&sort&order&search: the same list as CSV. */
  campaignsCsv: `${API_BASE}/campaigns.csv`,
  /** GET ?from&to&timeZone: one campaign's report and its breakdowns. */
  campaign: `${API_BASE}/campaigns/{id}`,
  /** GET ?from&to: one journey, per activity. */
  journey: `${API_BASE}/journeys/{id}`,
  /** GET: every known name; PUT {name}: edit one. */
  names: `${API_BASE}/names`,
  name: `${API_BASE}/names/{id}`,
  /** POST {csv}: import `id,name` rows. */
  namesImport: `${API_BASE}/names/_import`,
  /** POST {region, appIds}: fetch names from Pinpoint's GetCampaigns / ListJourneys. */
  namesSync: `${API_BASE}/names/_sync`,
  /** GET: what the summaries cover; POST: build or update them. */
  summaries: `${API_BASE}/summaries`,
  summariesBuild: `${API_BASE}/summaries/_build`,
} as const;

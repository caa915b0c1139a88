/**
 * Links into the Dashboards app with its URL state: `_g` (global: time range) and `_a` (app: query and
 * filters), rison-encoded as the dashboard app reads them. With `_g.time` in the URL the dashboard keeps that
 * range even though it was saved with its own (timeRestore). Pure: the campaigns page and the setup page
 * build links with it.
 */
import { encode } from 'rison-node';
import { DEFAULT_INDEX_PREFIX } from '../constants';
import { indexPatternId } from '../index_pattern';
import {
  CAMPAIGN_FIELD,
  CAMPAIGN_OVERVIEW_ID,
  TREATMENT_FIELD,
} from './dashboards/campaign_overview';

export interface TimeRange {
  /** ISO 8601 or date math (`now-30d`). */
  from: string;
  to: string;
}

/** OSD's phrase filter (buildPhraseFilter), stored in the app state. */
export function phraseFilter(field: string, value: string, indexPattern: string) {
  return {
    $state: { store: 'appState' },
    meta: {
      alias: null,
      disabled: false,
      index: indexPattern,
      key: field,
      negate: false,
      params: { query: value },
      type: 'phrase',
    },
    query: { match_phrase: { [field]: value } },
  };
}

export interface DashboardLinkState {
  time?: TimeRange;
  filters?: Array<{ field: string; value: string }>;
  /** The index pattern the filters belong to; default the shipped one. */
  indexPatternId?: string;
}

/** The path below the basePath: `/app/dashboards#/view/<id>?_g=...&_a=...`. */
export function dashboardAppPath(dashboardId: string, state: DashboardLinkState = {}): string {
  const pattern = state.indexPatternId ?? indexPatternId(DEFAULT_INDEX_PREFIX);
  const params: string[] = [];
  if (state.time) {
    const g = {
      filters: [],
      refreshInterval: { pause: true, value: 0 },
      time: { from: state.time.from, to: state.time.to },
    };
    params.push(`_g=${encodeURIComponent(encode(g))}`);
  }
  if (state.filters && state.filters.length > 0) {
    const a = {
      filters: state.filters.map((f) => phraseFilter(f.field, f.value, pattern)),
      query: { language: 'kuery', query: '' },
    };
    params.push(`_a=${encodeURIComponent(encode(a))}`);
  }
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  return `/app/dashboards#/view/${encodeURIComponent(dashboardId)}${query}`;
}

export interface CampaignLink {
  campaignId: string;
  treatmentId?: string;
  /** The campaign page's range; the dashboard applies it to arrival_timestamp (its time field). */
  time: TimeRange;
}

/** The Campaign overview dashboard narrowed to one campaign (and treatment) over the page's range. */
export function campaignOverviewPath(link: CampaignLink): string {
  const filters: Array<{ field: string; value: string }> = [
    { field: CAMPAIGN_FIELD, value: link.campaignId },
  ];
  if (link.treatmentId !== undefined)
    filters.push({ field: TREATMENT_FIELD, value: link.treatmentId });
  return dashboardAppPath(CAMPAIGN_OVERVIEW_ID, { time: link.time, filters });
}

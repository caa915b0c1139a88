/** Identity of the plugin and the HTTP surface shared by the server routes, the public app and the CLI. */
export const PLUGIN_ID = 'pinpoint' as const;
export const PLUGIN_NAME = 'Pinpoint' as const;
export const APP_ID = 'pinpoint' as const;

/** The newest OpenSearch Dashboards 2.19 release we build for by default. */
export const DEFAULT_OSD_VERSION = '2.19.3' as const;

export const DEFAULT_INDEX_PREFIX = 'pinpoint' as const;
export const TIME_FIELD = 'arrival_timestamp' as const;

export const API_BASE = '/api/pinpoint' as const;
export const API_PATHS = {
  status: `${API_BASE}/status`,
  report: `${API_BASE}/report`,
  apply: `${API_BASE}/apply`,
  /** POST {index} starts or resumes a repair (202); GET lists jobs. */
  repair: `${API_BASE}/repair`,
  /** GET: one repair's progress. */
  repairIndex: `${API_BASE}/repair/{index}`,
  /** GET: indices that need a repair, and when each can be repaired. */
  repairCandidates: `${API_BASE}/repair_candidates`,
  /** POST {region, appIds, firehoseStream?, domain?, roleArn?}: the AWS wiring report. */
  wiring: `${API_BASE}/wiring`,
  /** GET / PUT: the wiring inputs the setup page remembers (a pinpoint-settings saved object). */
  wiringSettings: `${API_BASE}/wiring/settings`,
} as const;

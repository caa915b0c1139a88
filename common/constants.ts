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
} as const;

import type {
  Logger,
  OpenSearchClient,
  SavedObjectsClientContract,
  UiSettingsClient,
} from '../../osd_port';

/**
 * What the index engine needs, as narrow interfaces. Without a saved objects client (the CLI without
 * --dashboards) the index pattern checks are one skipped check that says why.
 */
export interface IndexEngineDeps {
  client: OpenSearchClient;
  savedObjects?: SavedObjectsClientContract;
  uiSettings?: UiSettingsClient;
  logger?: Logger;
  /** Where Dashboards is, for messages (the CLI's --dashboards; undefined in the plugin). */
  dashboardsUrl?: string;
  /** The clock, for the next index's name and data freshness. */
  now?: () => Date;
}

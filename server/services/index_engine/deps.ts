import type {
  Logger,
  OpenSearchClient,
  SavedObjectsClientContract,
  UiSettingsClient,
} from '../../osd_port';

/**
 * What the index engine needs, as narrow interfaces. Without a saved objects client (the CLI without
 * --dashboards) the index pattern checks are skipped and said to be.
 */
export interface IndexEngineDeps {
  client: OpenSearchClient;
  savedObjects?: SavedObjectsClientContract;
  uiSettings?: UiSettingsClient;
  logger?: Logger;
  /** The clock, for the next index's name and data freshness. */
  now?: () => Date;
}

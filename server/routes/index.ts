import type { IRouter, Logger } from '../osd_port';
import { registerStatusRoute } from './status';
import { registerReportRoute } from './report';
import { registerApplyRoute } from './apply';
import { registerRepairRoutes } from './repair';
import { RepairRunRegistry } from '../services/repair/run_registry';
import { registerWiringRoutes } from './wiring';
import { registerFailedRecordsRoutes } from './failed_records';
import { registerDashboardsRoutes } from './dashboards';
import { registerCampaignAnalyticsRoutes } from './campaigns_register';
import { AwsClientFactory, type AwsPortSource } from '../aws/client_factory';
import { DEFAULT_PINPOINT_CONFIG, type PinpointConfig } from '../config';

export interface RouteDeps {
  logger: Logger;
  pluginVersion: string;
  /** AWS clients for the wiring check; made once here when the plugin does not hand them in. */
  aws?: AwsPortSource;
  /** The plugin's opensearch_dashboards.yml keys (defaults when not handed in: nothing may be assumed). */
  config?: () => PinpointConfig;
  /** The repairs running in this process: made by the plugin's setup, which stops them in stop(). */
  repairs?: RepairRunRegistry;
}

/** Every route of the plugin, registered on the one router OSD hands us. */
export function registerRoutes(router: IRouter, deps: RouteDeps): void {
  registerStatusRoute(router, deps.logger, deps.pluginVersion);
  registerReportRoute(router, deps.logger);
  registerApplyRoute(router, deps.logger);
  registerRepairRoutes(router, deps.logger, {}, deps.repairs ?? new RepairRunRegistry(deps.logger));
  registerDashboardsRoutes(router, deps.logger, deps.pluginVersion);
  registerCampaignAnalyticsRoutes(router, deps.logger);
  const aws = deps.aws ?? new AwsClientFactory();
  registerFailedRecordsRoutes(router, deps.logger, aws);
  registerWiringRoutes(router, deps.logger, aws, deps.config ?? (() => DEFAULT_PINPOINT_CONFIG));
}

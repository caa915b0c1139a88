import type { IRouter, Logger } from '../osd_port';
import { registerStatusRoute } from './status';
import { registerReportRoute } from './report';
import { registerApplyRoute } from './apply';
import { registerRepairRoutes } from './repair';
import { registerWiringRoutes } from './wiring';
import { AwsClientFactory, type AwsPortSource } from '../aws/client_factory';

export interface RouteDeps {
  logger: Logger;
  pluginVersion: string;
  /** AWS clients for the wiring check; made once here when the plugin does not hand them in. */
  aws?: AwsPortSource;
}

/** Every route of the plugin, registered on the one router OSD hands us. */
export function registerRoutes(router: IRouter, deps: RouteDeps): void {
  registerStatusRoute(router, deps.logger, deps.pluginVersion);
  registerReportRoute(router, deps.logger);
  registerApplyRoute(router, deps.logger);
  registerRepairRoutes(router, deps.logger);
  registerWiringRoutes(router, deps.logger, deps.aws ?? new AwsClientFactory());
}

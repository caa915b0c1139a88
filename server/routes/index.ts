import type { IRouter, Logger } from '../osd_port';
import { registerStatusRoute } from './status';

export interface RouteDeps {
  logger: Logger;
  pluginVersion: string;
}

/** Every route of the plugin, registered on the one router OSD hands us. */
export function registerRoutes(router: IRouter, deps: RouteDeps): void {
  registerStatusRoute(router, deps.logger, deps.pluginVersion);
}

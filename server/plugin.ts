import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from './osd_port';
import { registerRoutes } from './routes';

export class PinpointPlugin implements Plugin<Record<string, never>, Record<string, never>> {
  private readonly logger: Logger;
  private readonly version: string;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
    this.version = initializerContext.env.packageInfo.version;
  }

  setup(core: CoreSetup): Record<string, never> {
    registerRoutes(core.http.createRouter(), { logger: this.logger, pluginVersion: this.version });
    this.logger.debug('pinpoint: routes registered');
    return {};
  }

  start(_core: CoreStart): Record<string, never> {
    return {};
  }

  stop(): void {}
}

import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from './osd_port';
import { registerRoutes } from './routes';
import { RepairRunRegistry } from './services/repair/run_registry';
import { AwsClientFactory } from './aws/client_factory';
import { pinpointSettingsType } from './saved_objects/pinpoint_settings';
import { dashboardsInstallRecordType } from './services/dashboards/record_type';
import { DEFAULT_PINPOINT_CONFIG, type PinpointConfig, readPinpointConfig } from './config';
import { CONFIG_DESCRIPTOR } from './plugin_config';

export class PinpointPlugin implements Plugin<Record<string, never>, Record<string, never>> {
  private readonly logger: Logger;
  private readonly version: string;
  /** One set of AWS clients per region for the plugin's lifetime (credentials: the SDK's default chain). */
  private aws?: AwsClientFactory;
  /** opensearch_dashboards.yml's pinpoint.* keys, kept current (OSD may re-emit); defaults outside Dashboards. */
  private config: PinpointConfig = DEFAULT_PINPOINT_CONFIG;
  private configSubscription?: { unsubscribe(): void };
  /** The repairs running in this process, stopped at a safe point in stop(). */
  private repairs?: RepairRunRegistry;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
    this.version = initializerContext.env.packageInfo.version;
    if (CONFIG_DESCRIPTOR && initializerContext.config) {
      this.configSubscription = initializerContext.config.create().subscribe((value) => {
        this.config = readPinpointConfig(value);
      });
    }
  }

  setup(core: CoreSetup): Record<string, never> {
    core.savedObjects.registerType(pinpointSettingsType);
    core.savedObjects.registerType(dashboardsInstallRecordType);
    this.aws = new AwsClientFactory();
    this.repairs = new RepairRunRegistry(this.logger);
    registerRoutes(core.http.createRouter(), {
      repairs: this.repairs,
      logger: this.logger,
      pluginVersion: this.version,
      aws: this.aws,
      config: () => this.config,
    });
    this.logger.debug('pinpoint: routes registered');
    return {};
  }

  start(_core: CoreStart): Record<string, never> {
    return {};
  }

  /** OSD awaits this: running repairs reach a safe point (their job resumes on the next request) first. */
  async stop(): Promise<void> {
    this.configSubscription?.unsubscribe();
    await this.repairs?.stop();
    this.aws?.destroy();
  }
}

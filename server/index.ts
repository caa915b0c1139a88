/** OSD's entry point: require('<pluginDir>/server').plugin(initializerContext). */
import type { PluginInitializerContext } from './osd_port';
import { PinpointPlugin } from './plugin';
import { CONFIG_DESCRIPTOR } from './plugin_config';

export function plugin(initializerContext: PluginInitializerContext): PinpointPlugin {
  return new PinpointPlugin(initializerContext);
}

/** opensearch_dashboards.yml keys (pinpoint.*): present only inside Dashboards, see server/config.ts. */
export const config = CONFIG_DESCRIPTOR;

export type { PinpointPlugin };

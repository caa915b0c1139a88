/** OSD's entry point: require('<pluginDir>/server').plugin(initializerContext). */
import type { PluginInitializerContext } from './osd_port';
import { PinpointPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContext): PinpointPlugin {
  return new PinpointPlugin(initializerContext);
}

export type { PinpointPlugin };

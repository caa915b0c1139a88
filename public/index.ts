/** OSD's public entry: __osdBundles__.get('plugin/pinpoint/public').plugin(initializerContext). */
import { PinpointPublicPlugin } from './plugin';

export function plugin(): PinpointPublicPlugin {
  return new PinpointPublicPlugin();
}

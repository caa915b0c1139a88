import { APP_ID, PLUGIN_NAME } from '../common/constants';
import type { AppMountParameters, CoreSetup, CoreStart, Plugin } from './osd_port';

/** Our own sidebar category, beside OSD's observability (3000) and before management (5000). */
export const PINPOINT_CATEGORY = {
  id: 'pinpoint',
  label: 'Amazon Pinpoint',
  order: 4000,
  euiIconType: 'email',
};

export class PinpointPublicPlugin implements Plugin<Record<string, never>, Record<string, never>> {
  setup(core: CoreSetup): Record<string, never> {
    core.application.register({
      id: APP_ID,
      title: PLUGIN_NAME,
      category: PINPOINT_CATEGORY,
      euiIconType: 'email',
      mount: async (params: AppMountParameters) => {
        // The app is a lazy chunk: the page-load bundle holds only this registration.
        const [{ renderApp }, [coreStart]] = await Promise.all([
          import('./application'),
          core.getStartServices(),
        ]);
        return renderApp(coreStart, params);
      },
    });
    return {};
  }

  start(_core: CoreStart): Record<string, never> {
    return {};
  }
}

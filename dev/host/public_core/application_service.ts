/**
 * core.application: apps registered during setup (OSD's rules: unique ids, not after setup), the app for
 * the current URL mounted at `<basePath>/app/<id>` with a history scoped to that route (the `history` package
 * react-router 5 uses, with `basename`, which is what OSD's ScopedHistory amounts to), unmounted on leave.
 */
import { createBrowserHistory, type History } from 'history';
import type { App, AppMountParameters, AppUnmount } from '../../../public/osd_port';

export interface MountedApp {
  app: App;
  history: History;
  unmount: AppUnmount;
}

export class ApplicationService {
  private readonly apps = new Map<string, App>();
  private setupDone = false;

  constructor(private readonly basePath: string) {}

  register = (app: App): void => {
    if (this.setupDone) throw new Error('Applications cannot be registered after "setup"');
    if (this.apps.has(app.id)) {
      throw new Error(`An application is already registered with the id "${app.id}"`);
    }
    this.apps.set(app.id, app);
  };

  endSetup(): void {
    this.setupDone = true;
  }

  list(): App[] {
    return [...this.apps.values()];
  }

  appRoute(appId: string): string {
    return `${this.basePath}/app/${appId}`;
  }

  getUrlForApp = (appId: string, options: { path?: string } = {}): string => {
    const path = options.path ?? '';
    const suffix = path === '' || path.startsWith('/') || path.startsWith('#') ? path : `/${path}`;
    return `${this.appRoute(appId)}${suffix}`;
  };

  /** The id in `<basePath>/app/<id>[/...]`, if the location is an app route. */
  currentAppId(pathname = window.location.pathname): string | undefined {
    const prefix = `${this.basePath}/app/`;
    if (!pathname.startsWith(prefix)) return undefined;
    return pathname.slice(prefix.length).split('/')[0] || undefined;
  }

  navigateToApp = async (appId: string, options: { path?: string } = {}): Promise<void> => {
    if (appId === this.currentAppId() && this.mounted) {
      this.mounted.history.push(options.path ?? '/');
      return;
    }
    window.location.assign(this.getUrlForApp(appId, options));
  };

  private mounted?: MountedApp;

  async mount(
    app: App,
    element: HTMLElement,
    extra: Pick<AppMountParameters, 'setHeaderActionMenu'>
  ): Promise<MountedApp> {
    const history = createBrowserHistory({ basename: this.appRoute(app.id) });
    const params: AppMountParameters = {
      element,
      history,
      appBasePath: this.appRoute(app.id),
      onAppLeave: () => undefined,
      setHeaderActionMenu: extra.setHeaderActionMenu,
    };
    const unmount = await app.mount(params);
    this.mounted = { app, history, unmount };
    return this.mounted;
  }

  unmountCurrent(): void {
    const current = this.mounted;
    this.mounted = undefined;
    current?.unmount();
  }
}

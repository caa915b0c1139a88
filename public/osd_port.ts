/**
 * The typed port to OpenSearch Dashboards core (browser side): only what the Pinpoint app uses, with OSD 2.x
 * semantics. Public code imports core through this file alone; the conformance suite and the development host
 * provide implementations, OSD provides the real one.
 */

export interface AppCategory {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export interface ScopedHistory {
  push(path: string, state?: unknown): void;
  replace(path: string, state?: unknown): void;
  listen(
    listener: (location: { pathname: string; search: string; hash: string }) => void
  ): () => void;
  readonly location: { pathname: string; search: string; hash: string };
  createHref(location: { pathname?: string; search?: string; hash?: string }): string;
}

export interface AppMountParameters {
  element: HTMLElement;
  history: ScopedHistory;
  appBasePath: string;
  onAppLeave(handler: unknown): void;
  setHeaderActionMenu(menuMount: unknown): void;
}

export type AppUnmount = () => void;

export interface App {
  id: string;
  title: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  mount(params: AppMountParameters): AppUnmount | Promise<AppUnmount>;
}

export interface HttpFetchOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpSetup {
  basePath: { get(): string; prepend(path: string): string };
  get<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  post<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  put<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
}

/** The shape core.http rejects with: err.body carries the server's {statusCode, error, message}. */
export interface HttpFetchError extends Error {
  body?: {
    statusCode?: number;
    error?: string;
    message?: string;
    attributes?: Record<string, unknown>;
  };
  response?: { status: number };
}

export interface ToastsApi {
  addSuccess(toast: string | { title: string; text?: string }): unknown;
  addWarning(toast: string | { title: string; text?: string }): unknown;
  addDanger(toast: string | { title: string; text?: string }): unknown;
  addError(error: Error, options: { title: string; toastMessage?: string }): unknown;
}

export interface ChromeBreadcrumb {
  text: string;
  href?: string;
}

export interface CoreSetup {
  application: { register(app: App): void };
  http: HttpSetup;
  notifications: { toasts: ToastsApi };
  getStartServices(): Promise<[CoreStart, Record<string, unknown>, unknown]>;
}

export interface CoreStart {
  http: HttpSetup;
  notifications: { toasts: ToastsApi };
  chrome: { setBreadcrumbs(breadcrumbs: ChromeBreadcrumb[]): void };
  uiSettings: { get<T = unknown>(key: string, defaultOverride?: T): T };
  application: {
    navigateToApp(appId: string, options?: { path?: string }): Promise<void>;
    getUrlForApp?(appId: string, options?: { path?: string }): string;
  };
}

export interface Plugin<TSetup = unknown, TStart = unknown> {
  setup(core: CoreSetup, plugins: Record<string, unknown>): TSetup;
  start(core: CoreStart, plugins: Record<string, unknown>): TStart;
  stop?(): void;
}

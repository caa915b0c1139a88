/**
 * The typed port to OpenSearch Dashboards core (server side).
 *
 * Only the parts of core this plugin uses are described here, with OSD 2.x semantics. Server code imports
 * core through this file alone: in OSD the real core satisfies these shapes, in tests a fake does, and the
 * development host (dev/) implements them for running the built artifact outside Dashboards.
 */

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string | Error, meta?: Record<string, unknown>): void;
  error(message: string | Error, meta?: Record<string, unknown>): void;
  get?(...childContextPaths: string[]): Logger;
}

export interface PluginInitializerContext {
  opaqueId: symbol;
  env: {
    mode: { name: 'development' | 'production'; dev: boolean; prod: boolean };
    packageInfo: {
      version: string;
      branch: string;
      buildNum: number;
      buildSha: string;
      dist: boolean;
    };
    instanceUuid?: string;
  };
  logger: { get(...contextParts: string[]): Logger };
  /** The plugin's validated config as an Observable; OSD provides it, read only when `config` is exported. */
  config?: {
    create<T = unknown>(): { subscribe(next: (value: T) => void): { unsubscribe(): void } };
    createIfExists?: unknown;
  };
}

/** What a validation function gets to say: OSD's RouteValidationResultFactory. */
export interface RouteValidationResultFactory {
  ok<T>(value: T): { value: T };
  badRequest(error: Error | string, path?: string[]): { error: Error };
}

export type RouteValidationFunction<T> = (
  data: unknown,
  validationResult: RouteValidationResultFactory
) => { value: T; error?: never } | { value?: never; error: Error };

export interface RouteValidatorConfig<P, Q, B> {
  params?: RouteValidationFunction<P>;
  query?: RouteValidationFunction<Q>;
  body?: RouteValidationFunction<B>;
}

export interface RouteConfig<P, Q, B> {
  path: string;
  /** Required by OSD: a validator per part, or false to accept nothing. */
  validate: RouteValidatorConfig<P, Q, B> | false;
  options?: {
    authRequired?: boolean | 'optional';
    tags?: readonly string[];
    /** OSD's RouteConfigOptionsBody: `output: 'stream'` hands over (multipart file parts as) streams. */
    body?: {
      accepts?: string | string[];
      maxBytes?: number;
      output?: 'data' | 'stream';
      parse?: boolean | 'gunzip';
    };
  };
}

export interface OpenSearchDashboardsRequest<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url: { pathname?: string | null; search?: string | null };
  readonly route: { path: string; method: string };
  readonly events?: { aborted$: { subscribe(fn: () => void): { unsubscribe(): void } } };
}

export interface ErrorBody {
  message: string;
  attributes?: Record<string, unknown>;
}

export interface HttpResponseOptions<B = unknown> {
  body?: B;
  headers?: Record<string, string | string[]>;
}

export interface ErrorHttpResponseOptions {
  body?: string | Error | ErrorBody;
  headers?: Record<string, string | string[]>;
}

/** An opaque response; OSD's IOpenSearchDashboardsResponse. */
export interface OpenSearchDashboardsResponse {
  readonly status: number;
  readonly payload?: unknown;
  readonly options: unknown;
}

export interface OpenSearchDashboardsResponseFactory {
  ok<B>(options?: HttpResponseOptions<B>): OpenSearchDashboardsResponse;
  accepted<B>(options?: HttpResponseOptions<B>): OpenSearchDashboardsResponse;
  noContent(options?: HttpResponseOptions<never>): OpenSearchDashboardsResponse;
  badRequest(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  unauthorized(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  forbidden(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  notFound(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  conflict(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  internalError(options?: ErrorHttpResponseOptions): OpenSearchDashboardsResponse;
  customError(
    options: ErrorHttpResponseOptions & { statusCode: number }
  ): OpenSearchDashboardsResponse;
}

/**
 * The slice of the opensearch-js client (`@opensearch-project/opensearch`, OSD's "new client") we call.
 * Services use `transport.request` so one narrow shape serves OSD's scoped client, the CLI's client and fakes.
 */
export interface TransportRequestParams {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  bulkBody?: unknown;
  querystring?: Record<string, string | number | boolean | undefined>;
}

export interface TransportRequestOptions {
  requestTimeout?: number;
  ignore?: number[];
  maxRetries?: number;
}

export interface TransportResponse<T = unknown> {
  body: T;
  statusCode: number | null;
}

export interface OpenSearchClient {
  transport: {
    request<T = unknown>(
      params: TransportRequestParams,
      options?: TransportRequestOptions
    ): Promise<TransportResponse<T>>;
  };
}

export interface SavedObject<T = Record<string, unknown>> {
  id: string;
  type: string;
  attributes: T;
  references: Array<{ name: string; type: string; id: string }>;
  version?: string;
  updated_at?: string;
  migrationVersion?: Record<string, string>;
  error?: { statusCode: number; message: string; error?: string };
}

export interface SavedObjectsFindResponse<T = Record<string, unknown>> {
  saved_objects: Array<SavedObject<T>>;
  total: number;
  per_page: number;
  page: number;
}

/** The subset of OSD's SavedObjectsClientContract we use. */
export interface SavedObjectsClientContract {
  get<T = Record<string, unknown>>(type: string, id: string): Promise<SavedObject<T>>;
  create<T = Record<string, unknown>>(
    type: string,
    attributes: T,
    options?: {
      id?: string;
      overwrite?: boolean;
      references?: SavedObject['references'];
      migrationVersion?: Record<string, string>;
    }
  ): Promise<SavedObject<T>>;
  update<T = Record<string, unknown>>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options?: { references?: SavedObject['references']; version?: string }
  ): Promise<SavedObject<T>>;
  find<T = Record<string, unknown>>(options: {
    type: string | string[];
    search?: string;
    searchFields?: string[];
    perPage?: number;
    page?: number;
    fields?: string[];
  }): Promise<SavedObjectsFindResponse<T>>;
  delete(type: string, id: string): Promise<unknown>;
}

export interface UiSettingsClient {
  get<T = unknown>(key: string): Promise<T>;
  set(key: string, value: unknown): Promise<void>;
}

export interface RequestHandlerContext {
  core: {
    opensearch: { client: { asCurrentUser: OpenSearchClient; asInternalUser: OpenSearchClient } };
    savedObjects: { client: SavedObjectsClientContract };
    uiSettings: { client: UiSettingsClient };
  };
}

export type RequestHandler<P = unknown, Q = unknown, B = unknown> = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest<P, Q, B>,
  response: OpenSearchDashboardsResponseFactory
) => Promise<OpenSearchDashboardsResponse> | OpenSearchDashboardsResponse;

type RouteRegistrar = <P, Q, B>(
  config: RouteConfig<P, Q, B>,
  handler: RequestHandler<P, Q, B>
) => void;

export interface IRouter {
  routerPath: string;
  get: RouteRegistrar;
  post: RouteRegistrar;
  put: RouteRegistrar;
  patch: RouteRegistrar;
  delete: RouteRegistrar;
}

export interface SavedObjectsType {
  name: string;
  hidden: boolean;
  namespaceType: 'single' | 'multiple' | 'agnostic';
  mappings: { dynamic?: false | 'strict'; properties: Record<string, unknown> };
  migrations?: Record<string, (doc: unknown) => unknown>;
  management?: {
    importableAndExportable?: boolean;
    icon?: string;
    defaultSearchField?: string;
    getTitle?(obj: SavedObject): string;
  };
}

export interface CoreSetup {
  http: { createRouter(): IRouter; basePath?: { serverBasePath: string } };
  savedObjects: { registerType(type: SavedObjectsType): void };
}

export interface CoreStart {
  opensearch: { client: { asInternalUser: OpenSearchClient } };
}

export interface Plugin<TSetup = unknown, TStart = unknown> {
  setup(core: CoreSetup, plugins: Record<string, unknown>): TSetup;
  start(core: CoreStart, plugins: Record<string, unknown>): TStart;
  stop?(): void | Promise<void>;
}

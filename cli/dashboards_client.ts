/**
 * Dashboards' own HTTP API as the two narrow interfaces the services take: SavedObjectsClientContract
 * (/api/saved_objects) and a UiSettingsClient (/api/opensearch-dashboards/settings). Writes carry the
 * osd-xsrf header Dashboards requires of non-browser clients.
 */
import type {
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsFindResponse,
  UiSettingsClient,
} from '../server/osd_port';
import { displayUrl } from './connection';
import { ConnectionFailure } from './connection_errors';
import type { DashboardsSend, DashboardsWireResponse } from './transport_dashboards';

const fetchSend: DashboardsSend = async (req) => {
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
  return { status: res.status, statusText: res.statusText, text: await res.text() };
};

export class DashboardsRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number
  ) {
    super(message);
    this.name = 'DashboardsRequestError';
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

export class DashboardsHttp {
  private readonly base: URL;
  private readonly auth?: string;

  constructor(
    url: URL,
    /** How a request goes on the wire (TLS, SigV4, tenant: cli/transport_dashboards.ts); default fetch. */
    private readonly send: DashboardsSend = fetchSend
  ) {
    this.base = new URL(url.toString());
    if (url.username) {
      this.auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    this.base.username = '';
    this.base.password = '';
  }

  async request<T>(
    method: string,
    path: string,
    options: {
      query?: Query;
      body?: unknown;
      /** A body sent as given (a multipart `_import` upload) instead of JSON. */
      raw?: { text: string; contentType: string };
    } = {}
  ): Promise<T> {
    const url = new URL(`${this.base.pathname.replace(/\/$/, '')}${path}`, this.base);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value])
        url.searchParams.append(key, String(v));
    }
    const headers: Record<string, string> = { 'osd-xsrf': 'true', accept: 'application/json' };
    if (this.auth) headers.authorization = this.auth;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw) headers['content-type'] = options.raw.contentType;
    let res: DashboardsWireResponse;
    try {
      res = await this.send({
        url,
        method,
        headers,
        body:
          options.raw?.text ??
          (options.body === undefined ? undefined : JSON.stringify(options.body)),
      });
    } catch (error) {
      if (error instanceof ConnectionFailure) throw error;
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new DashboardsRequestError(
        `cannot reach Dashboards at ${displayUrl(this.base)} (${cause}); check --dashboards and that Dashboards is running`,
        0
      );
    }
    const text = res.text;
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (res.status < 200 || res.status > 299) {
      const message = (body as { message?: string } | undefined)?.message ?? res.statusText;
      const hint =
        res.status === 401 || res.status === 403
          ? '; give Dashboards credentials in the URL (https://user:password@host)'
          : '';
      throw new DashboardsRequestError(
        `Dashboards answered ${res.status} to ${method} ${path}: ${message}${hint}`,
        res.status
      );
    }
    return body as T;
  }
}

const soPath = (type: string, id: string): string =>
  `/api/saved_objects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;

export function dashboardsSavedObjects(http: DashboardsHttp): SavedObjectsClientContract {
  return {
    get: <T>(type: string, id: string) => http.request<SavedObject<T>>('GET', soPath(type, id)),
    create: <T>(
      type: string,
      attributes: T,
      options: { id?: string; overwrite?: boolean; references?: SavedObject['references'] } = {}
    ) =>
      http.request<SavedObject<T>>(
        'POST',
        options.id ? soPath(type, options.id) : `/api/saved_objects/${encodeURIComponent(type)}`,
        {
          query: { overwrite: options.overwrite },
          body: { attributes, references: options.references },
        }
      ),
    update: <T>(
      type: string,
      id: string,
      attributes: Partial<T>,
      options: { version?: string; references?: SavedObject['references'] } = {}
    ) =>
      http.request<SavedObject<T>>('PUT', soPath(type, id), {
        body: { attributes, version: options.version, references: options.references },
      }),
    find: <T>(options: {
      type: string | string[];
      search?: string;
      searchFields?: string[];
      perPage?: number;
      page?: number;
      fields?: string[];
    }) =>
      http.request<SavedObjectsFindResponse<T>>('GET', '/api/saved_objects/_find', {
        query: {
          type: options.type,
          search: options.search,
          search_fields: options.searchFields,
          per_page: options.perPage,
          page: options.page,
          fields: options.fields,
        },
      }),
    delete: (type: string, id: string) => http.request('DELETE', soPath(type, id)),
  };
}

interface SettingsResponse {
  settings: Record<string, { userValue?: unknown; value?: unknown }>;
}

export function dashboardsUiSettings(http: DashboardsHttp): UiSettingsClient {
  return {
    async get<T>(key: string): Promise<T> {
      const { settings } = await http.request<SettingsResponse>(
        'GET',
        '/api/opensearch-dashboards/settings'
      );
      const entry = settings?.[key];
      return (entry?.userValue ?? entry?.value) as T;
    },
    async set(key: string, value: unknown): Promise<void> {
      await http.request('POST', '/api/opensearch-dashboards/settings', {
        body: { changes: { [key]: value } },
      });
    },
  };
}

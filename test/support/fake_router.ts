/**
 * The router for route tests: the development host's own (dev/host/http/router.ts, OSD's Router on hapi 20),
 * on a hapi server that never listens. `call()` injects a request (hapi's shot), so a route test goes through
 * what Dashboards does with a request: hapi's payload parsing and routing, the xsrf check, OSD's validation
 * and response adapter. Errors come back as hapi's Boom payload `{statusCode, error, message, attributes?}`;
 * a throwing handler is a 500 (its error is in `errors`). The handler gets the test's context.
 */
import type { Request, Server } from '@hapi/hapi';
import type {
  IRouter,
  RequestHandler,
  RequestHandlerContext,
  RouteConfig,
} from '../../server/osd_port';
import { createHostServer } from '../../dev/host/http/http_server';
import { RouteTable, type RouteMethod } from '../../dev/host/http/router';
import { createLogger } from '../../dev/host/logger';

export interface FakeResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface RecordedRoute {
  method: RouteMethod;
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
}

export interface CallParts {
  /** Values of the path's `{name}` segments. */
  params?: Record<string, string>;
  /** Sent as the query string; arrays as repeated keys. */
  query?: Record<string, unknown>;
  /** Sent as JSON; undefined sends no body. */
  body?: unknown;
  /** Extra request headers; `osd-xsrf` is sent on writes unless set to undefined here. */
  headers?: Record<string, string | undefined>;
}

const contextKey = 'fakeRouterContext';

/** `/api/x/{id}` with `{id: 'a/b'}` -> `/api/x/a%2Fb`; optional and wildcard segments too. */
function fillPath(path: string, params: Record<string, string> = {}): string {
  return path
    .replace(/\{(\w+)\*\}/g, (_m, name: string) =>
      (params[name] ?? '').split('/').map(encodeURIComponent).join('/')
    )
    .replace(/\/\{(\w+)\?\}/g, (_m, name: string) =>
      params[name] === undefined ? '' : `/${encodeURIComponent(params[name])}`
    )
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (params[name] === undefined) throw new Error(`no value for {${name}} in ${path}`);
      return encodeURIComponent(params[name]);
    });
}

function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of ([] as unknown[]).concat(value)) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export class FakeRouter implements IRouter {
  readonly routerPath = '';
  /** What handlers threw (logged by the router, answered with a 500). */
  readonly errors: string[] = [];
  private readonly table = new RouteTable();
  private readonly router = this.table.createRouter('test');
  private readonly server: Server = createHostServer({
    basePath: '',
    routes: this.table,
    logger: createLogger(['test'], 'error', (record) => this.errors.push(record.message)),
    createContext: (request: Request) =>
      (request.app as Record<string, unknown>)[contextKey] as RequestHandlerContext,
  });

  readonly get = this.router.get;
  readonly post = this.router.post;
  readonly put = this.router.put;
  readonly patch = this.router.patch;
  readonly delete = this.router.delete;

  /** `METHOD path` of every registered route. */
  paths(): string[] {
    return this.routes.map((r) => `${r.method.toUpperCase()} ${r.config.path}`);
  }

  /** Every registration as the plugin made it (the conformance suite checks them). */
  get routes(): RecordedRoute[] {
    return this.table.list().map(({ method, config, handler }) => ({ method, config, handler }));
  }

  /** Calls the route registered at `method` + `path` (the route's path, `{params}` filled from `parts`). */
  async call(
    method: RouteMethod,
    path: string,
    context: RequestHandlerContext,
    parts: CallParts = {}
  ): Promise<FakeResponse> {
    const headers: Record<string, string> = {};
    if (method !== 'get') headers['osd-xsrf'] = 'true';
    if (parts.body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(parts.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const res = await this.server.inject({
      method,
      url: fillPath(path, parts.params) + queryString(parts.query),
      headers,
      payload: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      app: { [contextKey]: context },
    });
    const type = String(res.headers['content-type'] ?? '');
    let body: unknown = res.payload === '' ? undefined : res.payload;
    if (type.startsWith('application/json') && res.payload !== '') body = JSON.parse(res.payload);
    return { status: res.statusCode, body, headers: res.headers };
  }
}

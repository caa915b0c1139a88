/**
 * The host's HTTP server: @hapi/hapi 20 (the major OSD 2.x runs) with the options and lifecycle handlers of
 * OSD's HttpServer (src/core/server/http/http_server.ts, http_tools.ts, lifecycle_handlers.ts). hapi does what
 * it does in Dashboards: route lookup and specificity, payload parsing and its 400/404/413/415 answers, Boom
 * error payloads. On top, OSD's base-path rewrite, xsrf and version checks, and the routes of a RouteTable.
 * The page and its bundles are a catch-all GET route, so any API route is more specific than it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Boom from '@hapi/boom';
import { Server, type Request } from '@hapi/hapi';
import type { Logger, RequestHandlerContext } from '../../../server/osd_port';
import { xsrfCheck, versionCheck } from './lifecycle_handlers';
import { LOGGED_BY_ROUTER } from './response_adapter';
import type { RouteTable } from './router';

export type PageHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string
) => Promise<boolean>;

export interface HttpServerDeps {
  /** Dashboards' server.basePath (with rewriteBasePath: requests outside it are 404s). */
  basePath: string;
  routes: RouteTable;
  logger: Logger;
  /** The request handler context for one request (scoped clients, saved objects, ui settings). */
  createContext(request: Request): RequestHandlerContext;
  /** Requests carrying another osd-version are refused, as the browser client is then out of date. */
  osdVersion?: string;
  /** Answers page and bundle requests by writing to the raw response; false when the path is not its. */
  handlePage?: PageHandler;
}

const KEEPALIVE_TIMEOUT_MS = 120_000;
const SOCKET_TIMEOUT_MS = 120_000;

/** OSD's getServerOptions with its defaults (server.maxPayloadBytes 1 MiB, no CORS). */
function serverOptions() {
  return {
    autoListen: true,
    routes: {
      cache: {
        privacy: 'private' as const,
        otherwise: 'private, no-cache, no-store, must-revalidate',
      },
      payload: { maxBytes: 1024 * 1024 },
    },
    state: { strictHeader: false, isHttpOnly: true, isSameSite: false as const },
  };
}

/** OSD's setupBasePathRewrite: strip the base path, refuse what is outside it. */
function registerBasePath(server: Server, basePath: string): void {
  if (!basePath) return;
  server.ext('onRequest', (request, h) => {
    const { pathname, search } = request.url;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return Boom.notFound();
    request.setUrl(`${pathname.slice(basePath.length) || '/'}${search}`);
    return h.continue;
  });
}

function registerPage(server: Server, handlePage: PageHandler): void {
  server.route({
    method: 'GET',
    path: '/{any*}',
    options: { app: { xsrfRequired: false } },
    handler: async (request, h) => {
      // The page handler writes the raw response itself (files are streamed); hapi leaves it alone.
      if (await handlePage(request.raw.req, request.raw.res, request.path)) return h.abandon;
      return Boom.notFound();
    },
  });
}

/** OSD's createServer listener settings (server.keepaliveTimeout and server.socketTimeout, 120 s each). */
function configureListener(server: Server): void {
  const { listener } = server;
  listener.headersTimeout = KEEPALIVE_TIMEOUT_MS + 2 * listener.headersTimeout;
  listener.keepAliveTimeout = KEEPALIVE_TIMEOUT_MS;
  listener.setTimeout(SOCKET_TIMEOUT_MS);
  listener.on('timeout', (socket) => socket.destroy());
  listener.on('clientError', (error, socket) => {
    if (socket.writable) socket.end(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n', 'ascii'));
    else socket.destroy(error);
  });
}

export function createHostServer(deps: HttpServerDeps): Server {
  const server = new Server(serverOptions());
  configureListener(server);
  registerBasePath(server, deps.basePath);
  server.ext('onPostAuth', xsrfCheck);
  if (deps.osdVersion) server.ext('onPostAuth', versionCheck(deps.osdVersion));
  // hapi logs every 500 on the request: surface those the router has not logged (a failure outside any
  // handler, e.g. in the page handler) in the host's log.
  server.events.on({ name: 'request', channels: 'error' }, (_request, event) => {
    const { error } = event;
    if (Boom.isBoom(error) && error.data === LOGGED_BY_ROUTER) return;
    deps.logger.error(error instanceof Error ? error : String(error));
  });
  deps.routes.attach(server, { createContext: deps.createContext, logger: deps.logger });
  if (deps.handlePage) registerPage(server, deps.handlePage);
  return server;
}

/** Starts listening; resolves with the port (useful with 0). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  server.settings.port = port;
  server.settings.host = host;
  // hapi reads the port and host at start from its settings (they can be set until then).
  await server.start();
  return server.info.port as number;
}

/** Stops accepting, ends idle keep-alive sockets, waits for requests in flight (at most 5 s). */
export async function close(server: Server): Promise<void> {
  await server.stop({ timeout: 5000 });
}

/**
 * One request through the route table in hapi's and OSD's order: route lookup (404), payload parsing
 * (400/413/415), the xsrf check for non-GET requests (400), validation of params/query/body (400), the
 * handler. A handler that throws, or returns something that is not a response, is logged and answered with
 * OSD's opaque 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  Logger,
  OpenSearchDashboardsRequest,
  RequestHandlerContext,
} from '../../../server/osd_port';
import { HttpError, parseQuery, readBody } from './read_body';
import { HostResponse, responseFactory } from './response_factory';
import type { RegisteredRoute, RouteTable } from './router';
import { RequestValidationError, validateRequestParts } from './route_validation';
import { sendError, sendHostResponse } from './send_response';

export const XSRF_HEADER = 'osd-xsrf';
export const VERSION_HEADER = 'osd-version';

export interface DispatchDeps {
  routes: RouteTable;
  logger: Logger;
  createContext(req: IncomingMessage): RequestHandlerContext;
}

function abortedEvents(req: IncomingMessage, res: ServerResponse) {
  return {
    aborted$: {
      subscribe(fn: () => void) {
        const onClose = () => {
          if (!res.writableFinished) fn();
        };
        req.socket.on('close', onClose);
        return { unsubscribe: () => req.socket.off('close', onClose) };
      },
    },
  };
}

function needsXsrfHeader(req: IncomingMessage): boolean {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  return !(XSRF_HEADER in req.headers) && !(VERSION_HEADER in req.headers);
}

async function readPayload(req: IncomingMessage, route: RegisteredRoute): Promise<unknown> {
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBodyRule = route.config.validate !== false && route.config.validate.body !== undefined;
  if (method === 'GET' || method === 'HEAD' || !hasBodyRule) return undefined;
  return readBody(req, route.config.options?.body);
}

export async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: DispatchDeps
): Promise<void> {
  let match;
  try {
    match = deps.routes.find(req.method ?? 'GET', url.pathname);
  } catch {
    sendError(res, 400, 'Bad Request');
    return;
  }
  if (!match) {
    sendError(res, 404, 'Not Found');
    return;
  }
  const { route, params } = match;

  let rawBody: unknown;
  try {
    rawBody = await readPayload(req, route);
  } catch (error) {
    if (error instanceof HttpError) sendError(res, error.statusCode, error.message);
    else sendError(res, 400, (error as Error).message);
    return;
  }

  if (needsXsrfHeader(req)) {
    sendError(res, 400, `Request must contain a ${XSRF_HEADER} header.`);
    return;
  }

  let parts;
  try {
    parts = validateRequestParts(route.config.validate, {
      params,
      query: parseQuery(url.searchParams),
      body: rawBody,
    });
  } catch (error) {
    if (error instanceof RequestValidationError) {
      sendError(res, 400, error.message);
      return;
    }
    throw error;
  }

  const request: OpenSearchDashboardsRequest = {
    params: parts.params,
    query: parts.query,
    body: parts.body,
    headers: req.headers,
    url,
    route: { path: route.config.path, method: route.method },
    events: abortedEvents(req, res),
  };

  try {
    const response = await route.handler(deps.createContext(req), request, responseFactory);
    if (!(response instanceof HostResponse)) {
      throw new Error(
        `Unexpected result from Route Handler. Expected OpenSearchDashboardsResponse, but given: ${typeof response}.`
      );
    }
    sendHostResponse(res, response);
  } catch (error) {
    deps.logger.error(error instanceof Error ? error : String(error), {
      route: `${route.method.toUpperCase()} ${route.config.path}`,
      owner: route.owner,
    });
    if (!res.headersSent) sendError(res, 500, 'An internal server error occurred.');
    else res.destroy();
  }
}

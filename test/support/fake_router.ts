/**
 * A router for route tests: implements the port's IRouter, runs OSD's validation semantics and response
 * factory (the development host's, which model OSD's), and lets a test call a route with a context.
 * Unknown path or method -> 404, like OSD.
 */
import type {
  IRouter,
  OpenSearchDashboardsRequest,
  RequestHandler,
  RequestHandlerContext,
  RouteConfig,
} from '../../server/osd_port';
import { responseFactory } from '../../dev/host/http/response_factory';
import { RequestValidationError, validateRequestParts } from '../../dev/host/http/route_validation';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Registered {
  method: Method;
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
}

export interface FakeResponse {
  status: number;
  body: unknown;
}

export class FakeRouter implements IRouter {
  readonly routerPath = '/';
  private readonly routes: Registered[] = [];

  private register(method: Method) {
    return <P, Q, B>(config: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>): void => {
      if ((config as { validate?: unknown }).validate === undefined) {
        throw new Error(
          `The [${method}] at [${config.path}] does not have a 'validate' specified.`
        );
      }
      this.routes.push({
        method,
        config: config as RouteConfig<unknown, unknown, unknown>,
        handler: handler as RequestHandler<unknown, unknown, unknown>,
      });
    };
  }

  readonly get = this.register('get');
  readonly post = this.register('post');
  readonly put = this.register('put');
  readonly patch = this.register('patch');
  readonly delete = this.register('delete');

  paths(): string[] {
    return this.routes.map((r) => `${r.method.toUpperCase()} ${r.config.path}`);
  }

  async call(
    method: Method,
    path: string,
    context: RequestHandlerContext,
    parts: { query?: Record<string, unknown>; body?: unknown; params?: Record<string, string> } = {}
  ): Promise<FakeResponse> {
    const route = this.routes.find((r) => r.method === method && r.config.path === path);
    if (!route) return { status: 404, body: { message: 'Not Found' } };
    let validated;
    try {
      validated = validateRequestParts(route.config.validate, {
        params: parts.params ?? {},
        query: parts.query ?? {},
        body: parts.body,
      });
    } catch (error) {
      if (error instanceof RequestValidationError) {
        return {
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: error.message },
        };
      }
      throw error;
    }
    const request: OpenSearchDashboardsRequest = {
      ...validated,
      headers: {},
      url: { pathname: path, search: null },
      route: { path, method },
    };
    const response = await route.handler(context, request, responseFactory);
    const payload = response.payload as unknown;
    return {
      status: response.status,
      body:
        response.status >= 400 && typeof payload === 'object' && payload !== null
          ? { statusCode: response.status, ...(payload as object) }
          : payload,
    };
  }
}

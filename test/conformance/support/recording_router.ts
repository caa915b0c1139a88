/** An OSD router that records what a plugin registers, for checking routes without an OSD server. */
import type { IRouter, RequestHandler, RouteConfig } from '../../../server/osd_port';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RecordedRoute {
  method: RouteMethod;
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
}

export function createRecordingRouter(routerPath = ''): IRouter & { routes: RecordedRoute[] } {
  const routes: RecordedRoute[] = [];
  const registrar =
    (method: RouteMethod) =>
    <P, Q, B>(config: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>): void => {
      routes.push({
        method,
        config: config as RouteConfig<unknown, unknown, unknown>,
        handler: handler as RequestHandler<unknown, unknown, unknown>,
      });
    };
  return {
    routerPath,
    routes,
    get: registrar('get'),
    post: registrar('post'),
    put: registrar('put'),
    patch: registrar('patch'),
    delete: registrar('delete'),
  };
}

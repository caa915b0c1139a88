/**
 * The route table behind `core.http.createRouter()`: OSD's registration checks (validate is required; each
 * part a function), hapi's conflict check for the same method and path, and lookup by specificity.
 */
import type {
  IRouter,
  RequestHandler,
  RouteConfig,
  RouteValidatorConfig,
} from '../../../server/osd_port';
import { compareSpecificity, compilePath, matchPath, type CompiledPath } from './route_path';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RegisteredRoute {
  method: RouteMethod;
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
  compiled: CompiledPath;
  /** Who registered it: 'core' for the host's own APIs, else the plugin id (for logs). */
  owner: string;
}

export interface RouteMatch {
  route: RegisteredRoute;
  params: Record<string, string>;
}

function checkValidate(method: RouteMethod, config: RouteConfig<unknown, unknown, unknown>) {
  const { validate } = config as {
    validate?: RouteValidatorConfig<unknown, unknown, unknown> | false;
  };
  // The port's type makes `validate` required; a JavaScript caller can still omit it, and OSD refuses that.
  if (validate === undefined) {
    throw new Error(
      `The [${method}] at [${config.path}] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation.`
    );
  }
  // hapi refuses payload settings on a route without a payload.
  if (method === 'get' && config.options?.body) {
    throw new Error(`Cannot set payload settings on HEAD or GET request: GET ${config.path}`);
  }
  if (validate === false) return;
  for (const [key, rule] of Object.entries(validate)) {
    if (typeof rule !== 'function') {
      throw new Error(
        `Expected a valid validation logic declared with '@osd/config-schema' package or a RouteValidationFunction at key: [${key}].`
      );
    }
  }
}

/** hapi's fingerprint: parameter names do not make two paths different. */
function fingerprint(compiled: CompiledPath): string {
  return compiled.segments
    .map((s) =>
      s.kind === 'literal' ? s.value : s.kind === 'wildcard' ? '#' : s.optional ? '?' : '*'
    )
    .join('/');
}

export class RouteTable {
  private readonly routes: RegisteredRoute[] = [];

  add(route: Omit<RegisteredRoute, 'compiled'>): void {
    checkValidate(route.method, route.config);
    const compiled = compilePath(route.config.path);
    const clash = this.routes.find(
      (r) => r.method === route.method && fingerprint(r.compiled) === fingerprint(compiled)
    );
    if (clash) {
      throw new Error(
        `New route ${route.config.path} conflicts with existing ${clash.config.path}`
      );
    }
    this.routes.push({ ...route, compiled });
  }

  createRouter(owner: string): IRouter {
    const register =
      (method: RouteMethod) =>
      <P, Q, B>(config: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>) =>
        this.add({
          method,
          // The table stores routes of every input type; the request it builds is validated by the route's
          // own validators, so the handler gets the types it declared.
          config: config as unknown as RouteConfig<unknown, unknown, unknown>,
          handler: handler as unknown as RequestHandler<unknown, unknown, unknown>,
          owner,
        });
    return {
      routerPath: '',
      get: register('get'),
      post: register('post'),
      put: register('put'),
      patch: register('patch'),
      delete: register('delete'),
    };
  }

  /** Throws URIError when a path parameter has a malformed escape. HEAD is served by GET routes. */
  find(method: string, pathname: string): RouteMatch | undefined {
    const wanted = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const matches: RouteMatch[] = [];
    for (const route of this.routes) {
      if (route.method !== wanted) continue;
      const params = matchPath(route.compiled, pathname);
      if (params) matches.push({ route, params });
    }
    matches.sort((a, b) => compareSpecificity(a.route.compiled, b.route.compiled));
    return matches[0];
  }

  list(): readonly RegisteredRoute[] {
    return this.routes;
  }
}

/**
 * `core.http.createRouter()` on hapi, as OSD's Router (src/core/server/http/router/router.ts) and HttpServer
 * do it: registration checks (validate is required; each part a validation function; body output 'data' or
 * 'stream'), OSD's body defaults (a non-GET route that validates no body gets an unparsed stream), one hapi
 * route per registration (hapi refuses a second route with the same method and path), and the handler
 * wrapper: validate the request (400 with OSD's message), build the context, run the handler, turn its
 * response into hapi's; a throw is logged and answered with OSD's opaque 500 (a 401 from OpenSearch is
 * forwarded as OSD does).
 *
 * The table is the one router implementation: the host serves it, and the route tests' FakeRouter
 * (test/support/fake_router.ts) injects requests into the same server.
 */
import type {
  Request,
  ResponseToolkit,
  RouteOptionsPayload,
  Server,
  ServerRoute,
} from '@hapi/hapi';
import { errors as opensearchErrors } from '@opensearch-project/opensearch';
import type {
  IRouter,
  Logger,
  RequestHandler,
  RequestHandlerContext,
  RouteConfig,
  RouteValidatorConfig,
} from '../../../server/osd_port';
import type { HostRouteOptions } from './lifecycle_handlers';
import { toOsdRequest } from './request';
import { toBadRequest, toHapiResponse, toInternalError } from './response_adapter';
import { responseFactory } from './response_factory';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type BodyOptions = NonNullable<
  NonNullable<RouteConfig<unknown, unknown, unknown>['options']>['body']
>;

export interface RegisteredRoute {
  method: RouteMethod;
  path: string;
  /** As the plugin gave it. */
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
  /** The payload options after OSD's defaults; undefined for GET. */
  body?: BodyOptions;
  /** Who registered it: 'core' for the host's own APIs, else the plugin id (for logs). */
  owner: string;
}

export interface RouteServing {
  createContext(request: Request): RequestHandlerContext;
  logger: Logger;
}

const VALID_BODY_OUTPUT = ['data', 'stream'];
const isSafeMethod = (method: string) => method === 'get' || method === 'options';

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
  if (validate === false) return;
  for (const [key, rule] of Object.entries(validate)) {
    // @osd/config-schema Types exist only inside OSD: here a part can only be a function.
    if (typeof rule !== 'function') {
      throw new Error(
        `Expected a valid validation logic declared with '@osd/config-schema' package or a RouteValidationFunction at key: [${key}].`
      );
    }
  }
}

/** OSD's validOptions: GET routes carry no payload settings (dropped, as in OSD), others get its defaults. */
function bodyOptions(
  method: RouteMethod,
  config: RouteConfig<unknown, unknown, unknown>
): BodyOptions | undefined {
  const body = config.options?.body as BodyOptions | undefined;
  if (typeof body?.output === 'string' && !VALID_BODY_OUTPUT.includes(body.output)) {
    throw new Error(
      `[options.body.output: '${body.output}'] in route ${method.toUpperCase()} ${config.path} is not valid. Only 'data' or 'stream' are valid.`
    );
  }
  if (method === 'get') return undefined;
  const validatesBody = (config.validate && !!config.validate.body) || !!body;
  return {
    // A route that does not look at the body gets the cheapest form: an unparsed stream.
    output: validatesBody ? undefined : 'stream',
    parse: validatesBody ? undefined : false,
    ...body,
  };
}

function isUnauthorizedError(
  error: unknown
): error is InstanceType<typeof opensearchErrors.ResponseError> {
  return error instanceof opensearchErrors.ResponseError && error.statusCode === 401;
}

async function handle(
  route: RegisteredRoute,
  request: Request,
  h: ResponseToolkit,
  serving: RouteServing
) {
  let osdRequest;
  try {
    osdRequest = toOsdRequest(request, route.config.validate);
  } catch (error) {
    return toBadRequest((error as Error).message);
  }
  try {
    const context = serving.createContext(request);
    return toHapiResponse(await route.handler(context, osdRequest, responseFactory), h);
  } catch (error) {
    serving.logger.error(error instanceof Error ? error : String(error), {
      route: `${route.method.toUpperCase()} ${route.path}`,
      owner: route.owner,
    });
    if (isUnauthorizedError(error)) {
      const challenge = Object.entries(error.headers ?? {}).find(
        ([name]) => name.toLowerCase() === 'www-authenticate'
      );
      const response = responseFactory.unauthorized({
        body: error.message,
        headers: {
          'www-authenticate': String(challenge?.[1] ?? 'Basic realm="Authorization Required"'),
        },
      });
      return toHapiResponse(response, h);
    }
    return toInternalError();
  }
}

/** OSD's HttpServer.start: one hapi route per registered route. */
function hapiRoute(route: RegisteredRoute, serving: RouteServing): ServerRoute {
  const { accepts: allow, maxBytes, output, parse } = route.body ?? {};
  const app: HostRouteOptions = { xsrfRequired: !isSafeMethod(route.method) };
  const payloadSet = [allow, maxBytes, output, parse].some((v) => v !== undefined);
  return {
    method: route.method,
    path: route.path,
    options: {
      app,
      tags: route.config.options?.tags ? [...route.config.options.tags] : undefined,
      // OSD turns multipart on for every route with payload settings (hapi 19+ has it off by default).
      // The types predate `multipart: true` (hapi 20 takes it; OSD passes it with a ts-expect-error).
      payload: payloadSet
        ? ({ allow, maxBytes, output, parse, multipart: true } as unknown as RouteOptionsPayload)
        : undefined,
    },
    handler: (request, h) => handle(route, request, h, serving),
  };
}

export class RouteTable {
  private readonly routes: RegisteredRoute[] = [];
  private readonly servers: Array<{ server: Server; serving: RouteServing }> = [];

  add(route: Omit<RegisteredRoute, 'path' | 'body'>): void {
    checkValidate(route.method, route.config);
    const registered: RegisteredRoute = {
      ...route,
      path: route.config.path,
      body: bodyOptions(route.method, route.config),
    };
    // hapi checks the path and refuses a clash, at registration on a server already serving the table.
    for (const { server, serving } of this.servers) server.route(hapiRoute(registered, serving));
    this.routes.push(registered);
  }

  /** Serves every route registered so far, and the ones registered later, on `server`. */
  attach(server: Server, serving: RouteServing): void {
    for (const route of this.routes) server.route(hapiRoute(route, serving));
    this.servers.push({ server, serving });
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

  list(): readonly RegisteredRoute[] {
    return this.routes;
  }
}

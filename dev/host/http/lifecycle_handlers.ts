/**
 * OSD's core onPostAuth handlers (src/core/server/http/lifecycle_handlers.ts), on hapi's extension point, so
 * they run where Dashboards runs them: after the payload was read, before validation and the handler.
 * - xsrf: a route that requires it (every non-GET route unless `xsrfRequired: false`) needs an `osd-xsrf` or
 *   `osd-version` header; presence is enough, the value is not checked. 400 otherwise.
 * - version: an `osd-version` header naming another release means a stale browser client. 400.
 */
import Boom from '@hapi/boom';
import type { Lifecycle, Request, ResponseToolkit } from '@hapi/hapi';

export const XSRF_HEADER = 'osd-xsrf';
export const VERSION_HEADER = 'osd-version';

/** What the router stores in a hapi route's `app` options (OSD's OpenSearchDashboardsRouteOptions). */
export interface HostRouteOptions {
  xsrfRequired: boolean;
}

function badRequest(message: string, attributes?: Record<string, unknown>): Boom.Boom {
  const error = Boom.badRequest(message);
  if (attributes) (error.output.payload as { attributes?: unknown }).attributes = attributes;
  return error;
}

export function xsrfCheck(request: Request, h: ResponseToolkit): Lifecycle.ReturnValue {
  const route = request.route.settings.app as Partial<HostRouteOptions> | undefined;
  // A route without the router's options (none today) is treated as OSD treats legacy routes: required.
  if (route?.xsrfRequired === false) return h.continue;
  const method = request.method.toLowerCase();
  if (method === 'get' || method === 'options') return h.continue;
  if (XSRF_HEADER in request.headers || VERSION_HEADER in request.headers) return h.continue;
  return badRequest(`Request must contain a ${XSRF_HEADER} header.`);
}

export function versionCheck(osdVersion: string) {
  return (request: Request, h: ResponseToolkit): Lifecycle.ReturnValue => {
    const got = request.headers[VERSION_HEADER];
    if (!got || got === osdVersion) return h.continue;
    return badRequest(
      `Browser client is out of date, please refresh the page ("${VERSION_HEADER}" header was "${got}" but should be "${osdVersion}")`,
      { expected: osdVersion, got }
    );
  };
}

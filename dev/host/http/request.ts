/**
 * The request a handler sees, built from hapi's as OSD's OpenSearchDashboardsRequest.from does
 * (src/core/server/http/router/request.ts): params, query and payload through the route's validators (a part
 * without one is `{}`), a copy of the headers, the WHATWG URL, the route (the request's path and method) and
 * the `aborted$`/`completed$` events of the underlying node request.
 */
import type { Request } from '@hapi/hapi';
import { fromEvent, merge, type Observable } from 'rxjs';
import { filter, first, map, shareReplay, takeUntil } from 'rxjs/operators';
import type { OpenSearchDashboardsRequest, RouteValidatorConfig } from '../../../server/osd_port';
import { validateRequestParts } from './route_validation';

export interface HostRequestEvents {
  aborted$: Observable<void>;
  completed$: Observable<void>;
}

function requestEvents(request: Request): HostRequestEvents {
  const { req, res } = request.raw;
  const finish$ = fromEvent(res, 'finish').pipe(shareReplay(1), first());
  // Node reports a client that went away as 'aborted' on the request, or as 'close' of an unfinished response.
  const gone$ = merge(
    fromEvent(req, 'aborted'),
    fromEvent(res, 'close').pipe(filter(() => !res.writableFinished))
  );
  const aborted$: Observable<void> = gone$.pipe(
    first(),
    map(() => undefined),
    takeUntil(finish$),
    shareReplay(1)
  );
  const completed$: Observable<void> = merge(finish$, aborted$).pipe(
    first(),
    map(() => undefined),
    shareReplay(1)
  );
  return { aborted$, completed$ };
}

/** Throws RequestValidationError (the router answers 400 with its message). */
export function toOsdRequest(
  request: Request,
  validate: RouteValidatorConfig<unknown, unknown, unknown> | false
): OpenSearchDashboardsRequest & { events: HostRequestEvents } {
  const parts = validateRequestParts(validate, {
    params: request.params,
    query: request.query,
    body: request.payload,
  });
  return {
    ...parts,
    headers: { ...request.headers },
    url: request.url,
    route: { path: request.path, method: request.method },
    events: requestEvents(request),
  };
}

/**
 * OSD's response factory: what handlers build, with OSD's defaults (an error helper without a body answers
 * with the status text) and its guard on customError (400-599 only, else the handler fails with a 500).
 */
import type {
  ErrorHttpResponseOptions,
  HttpResponseOptions,
  OpenSearchDashboardsResponse,
  OpenSearchDashboardsResponseFactory,
} from '../../../server/osd_port';

export class HostResponse implements OpenSearchDashboardsResponse {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly options: { headers?: Record<string, string | string[]> } = {}
  ) {}
}

function success(status: number) {
  return <B>(options: HttpResponseOptions<B> = {}) =>
    new HostResponse(status, options.body, { headers: options.headers });
}

function failure(status: number, defaultMessage: string) {
  return (options: ErrorHttpResponseOptions = {}) =>
    new HostResponse(status, options.body || defaultMessage, { headers: options.headers });
}

export const responseFactory: OpenSearchDashboardsResponseFactory = {
  ok: success(200),
  accepted: success(202),
  noContent: (options = {}) => new HostResponse(204, undefined, { headers: options.headers }),
  badRequest: failure(400, 'Bad Request'),
  unauthorized: failure(401, 'Unauthorized'),
  forbidden: failure(403, 'Forbidden'),
  notFound: failure(404, 'Not Found'),
  conflict: failure(409, 'Conflict'),
  internalError: failure(500, 'Internal Error'),
  customError: (options) => {
    if (!options || !options.statusCode) {
      throw new Error(
        `options.statusCode is expected to be set. given options: ${options && options.statusCode}`
      );
    }
    if (options.statusCode < 400 || options.statusCode >= 600) {
      throw new Error(
        `Unexpected Http status code. Expected from 400 to 599, but given: ${options.statusCode}`
      );
    }
    return new HostResponse(options.statusCode, options.body, { headers: options.headers });
  },
};

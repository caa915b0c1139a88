/**
 * The domain error hierarchy, and the one place it becomes HTTP.
 *
 * Services throw these; routes hand whatever they catch to `toHttpResponse`. An upstream's rejection
 * (opensearch-js, Boom, the AWS SDK) is read by `readUpstreamError` and becomes its domain error here; anything
 * else is an unexpected fault: it is logged and answered with a plain 500.
 */
import type {
  Logger,
  OpenSearchDashboardsResponse,
  OpenSearchDashboardsResponseFactory,
} from './osd_port';
import { readUpstreamError, type UpstreamFailure } from './upstream_errors';

export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  constructor(
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input the user can fix: a bad index name, ARN, id or option. */
export class ValidationError extends DomainError {
  readonly statusCode = 400;
}

/** The cluster did not accept the caller's credentials (none, wrong, expired): log in again. */
export class UnauthorizedError extends DomainError {
  readonly statusCode = 401;
}

export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
}

/** The security plugin names the missing permission: `no permissions for [indices:data/write/index] and User [...]`. */
const MISSING_PERMISSION = /no permissions for \[([^\]]+)\]/;

export class NotFoundError extends DomainError {
  readonly statusCode = 404;
}

/** The request conflicts with what is there (a drifted template without overwrite, a repair in progress). */
export class ConflictError extends DomainError {
  readonly statusCode = 409;
}

/** A dependency (OpenSearch, AWS) failed. The upstream text is logged, never echoed. */
export class UpstreamError extends DomainError {
  readonly statusCode = 502;
  constructor(
    message: string,
    readonly upstreamText?: string,
    details?: Record<string, unknown>
  ) {
    super(message, details);
  }
}

/** An upstream call took longer than its timeout (or never answered). */
export class TimeoutError extends DomainError {
  readonly statusCode = 504;
}

/** The upstream asks us to slow down. */
export class ThrottledError extends DomainError {
  readonly statusCode = 429;
}

const SOURCE_NAME: Record<UpstreamFailure['source'], string> = {
  opensearch: 'OpenSearch',
  dashboards: 'Dashboards',
  aws: 'AWS',
  network: 'the network',
  unknown: 'an upstream',
};

/**
 * What an upstream failure means for our caller, as a domain error: 401/403 say the current user may not do
 * it, 404/400/409 say something about the request, a timeout is a 504, the rest a 502 whose upstream text is
 * logged, not echoed. `what` names the call (`installing _index_template/pinpoint-events`). Errors that are
 * not an upstream's (a TypeError) are returned as they are: the mapper answers them with a plain 500.
 */
export function toDomainError(error: unknown, what: string): DomainError | unknown {
  if (error instanceof DomainError) return error;
  const f = readUpstreamError(error);
  if (f.source === 'unknown') return error;
  const by = SOURCE_NAME[f.source];
  switch (f.kind) {
    case 'unauthorized':
      // OpenSearch's or Dashboards' 401 is about the caller's login; AWS credential failures stay a 403.
      if (f.source === 'opensearch' || f.source === 'dashboards') {
        return new UnauthorizedError(
          `${what}: ${by} did not accept the current user's credentials; log in again (${f.reason})`
        );
      }
      return new ForbiddenError(
        `${what}: the current user is not allowed to do this (${f.reason})`
      );
    case 'forbidden': {
      const permission = MISSING_PERMISSION.exec(f.reason)?.[1];
      return new ForbiddenError(
        `${what}: the current user is not allowed to do this (${f.reason})`,
        permission ? { permission } : undefined
      );
    }
    case 'not_found':
      return new NotFoundError(`${what}: not found (${f.reason})`);
    case 'bad_request':
      return new ValidationError(`${what}: ${f.reason}`);
    case 'conflict':
      return new ConflictError(`${what}: ${f.reason}`);
    case 'throttled':
      return new ThrottledError(`${what}: ${by} is throttling requests; try again in a minute`);
    case 'timeout':
    case 'aborted':
      return new TimeoutError(`${what}: ${by} did not answer in time`, undefined);
    case 'network':
      return new UpstreamError(`${what}: cannot reach ${by}`, f.reason);
    case 'gone':
    case 'server':
      return new UpstreamError(`${what}: ${by} answered ${f.status ?? 'with an error'}`, f.reason);
  }
}

export function toHttpResponse(
  error: unknown,
  response: OpenSearchDashboardsResponseFactory,
  logger: Logger
): OpenSearchDashboardsResponse {
  const domain = toDomainError(error, 'Upstream request failed');
  if (domain instanceof DomainError) {
    if (domain.statusCode >= 500) {
      logger.error(
        `${domain.message}${domain instanceof UpstreamError && domain.upstreamText ? `: ${domain.upstreamText}` : ''}`
      );
    }
    return response.customError({
      statusCode: domain.statusCode,
      body: { message: domain.message, attributes: domain.details },
    });
  }
  logger.error(error instanceof Error ? error : String(error));
  return response.internalError({
    body: { message: 'Unexpected error in the Pinpoint plugin; see the Dashboards server log' },
  });
}

/** The earlier name of toDomainError, kept for callers not yet moved (it reads every upstream now). */
export const fromOpenSearchError = toDomainError;

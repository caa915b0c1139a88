/**
 * The domain error hierarchy, and the one place it becomes HTTP.
 *
 * Services throw these; routes hand whatever they catch to `toHttpResponse`. Anything that is not a
 * DomainError is an unexpected fault: it is logged with its upstream text and answered with a plain 500.
 */
import type {
  Logger,
  OpenSearchDashboardsResponse,
  OpenSearchDashboardsResponseFactory,
} from './osd_port';

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

export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
}

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

/** Status codes OpenSearch answers with that say something about the caller rather than about us. */
export function fromOpenSearchError(error: unknown, what: string): DomainError | unknown {
  const statusCode = (error as { meta?: { statusCode?: number } })?.meta?.statusCode;
  const reason = openSearchReason(error);
  if (statusCode === 401 || statusCode === 403) {
    return new ForbiddenError(
      `${what}: the current user is not allowed to do this (${reason ?? 'security_exception'})`
    );
  }
  if (statusCode === 404) return new NotFoundError(`${what}: not found`);
  if (statusCode === 400)
    return new ValidationError(`${what}: ${reason ?? 'rejected by OpenSearch'}`);
  if (statusCode === 409) return new ConflictError(`${what}: ${reason ?? 'conflict'}`);
  if (typeof statusCode === 'number') {
    return new UpstreamError(`${what}: OpenSearch answered ${statusCode}`, reason);
  }
  return error;
}

export function openSearchReason(error: unknown): string | undefined {
  const body = (
    error as { meta?: { body?: { error?: { reason?: string; type?: string } | string } } }
  )?.meta?.body;
  const err = body?.error;
  if (typeof err === 'string') return err;
  return err?.reason ?? err?.type;
}

export function toHttpResponse(
  error: unknown,
  response: OpenSearchDashboardsResponseFactory,
  logger: Logger
): OpenSearchDashboardsResponse {
  const domain =
    error instanceof DomainError ? error : fromOpenSearchError(error, 'OpenSearch request failed');
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

/**
 * The one reading of what an upstream call rejected with. Three libraries fail in three shapes:
 *
 * - opensearch-js: `ResponseError` with `meta.statusCode` and `meta.body.error.{type,reason}`; `TimeoutError`,
 *   `ConnectionError` (its socket code only in the message), `RequestAbortedError`, `NoLivingConnectionsError`.
 * - OSD's saved-objects client and ui settings: Boom errors, `isBoom` with `output.statusCode` and
 *   `output.payload.message` (OSD's own errors also carry `statusCode`).
 * - The AWS SDK v3: a `ServiceException` with `name`, `$metadata.httpStatusCode`, `$fault`, `$retryable`.
 * - Node itself: socket errors with a `code` (ECONNREFUSED, ENOTFOUND, ETIMEDOUT ...), AbortError.
 *
 * `readUpstreamError` turns any of them into one `UpstreamFailure`; the HTTP mapper (errors.ts), the services
 * and the CLI decide from that, never from the shape. Texts are one line and cut short; access key ids are
 * redacted (a few AWS services echo them).
 */

export type UpstreamSource = 'opensearch' | 'dashboards' | 'aws' | 'network' | 'unknown';

export type FailureKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'throttled'
  | 'gone'
  /** The call took longer than its timeout (or the server never answered). */
  | 'timeout'
  /** The caller's deadline or signal ended the call. */
  | 'aborted'
  /** No connection: refused, unknown host, reset, TLS. */
  | 'network'
  /** The upstream failed (5xx) or answered something unreadable. */
  | 'server';

export interface UpstreamFailure {
  source: UpstreamSource;
  kind: FailureKind;
  /** The HTTP status the upstream answered, when it answered. */
  status?: number;
  /** OpenSearch's error type, the AWS exception name, Boom's error, or the socket code. */
  code?: string;
  /** One line of the upstream's own text (OpenSearch's reason, Boom's message, AWS's message). */
  reason: string;
}

const MAX_REASON = 300;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g;

export function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(ACCESS_KEY_ID, '$1…(redacted)').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

// The shapes below are what the libraries document; every field is optional because `error` is unknown.
interface Shape {
  name?: string;
  code?: string;
  message?: string;
  statusCode?: number;
  meta?: { statusCode?: number | null; body?: unknown };
  isBoom?: boolean;
  output?: { statusCode?: number; payload?: { message?: string; error?: string } };
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
  $retryable?: { throttling?: boolean };
  cause?: { code?: string; message?: string };
}

const NETWORK_CODE =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|EPROTO|CERT_\w+|ERR_TLS_\w+|ERR_SSL_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_\w+)$/;
const TIMEOUT_CODE =
  /^(ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|TimeoutError|RequestTimeout|RequestTimeoutException)$/;
const THROTTLED_CODE =
  /^(Throttling|ThrottlingException|ThrottledException|TooManyRequestsException|RequestLimitExceeded|SlowDown|RequestThrottled|RequestThrottledException|ProvisionedThroughputExceededException)$/;
const FORBIDDEN_CODE =
  /^(AccessDenied|AccessDeniedException|Forbidden|ForbiddenException|UnauthorizedOperation|AuthorizationError|AuthorizationErrorException|NotAuthorized|security_exception)$/;
const UNAUTHORIZED_CODE =
  /^(CredentialsProviderError|InvalidClientTokenId|UnrecognizedClientException|ExpiredToken|ExpiredTokenException|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSignatureException|IncompleteSignature|MissingAuthenticationToken|TokenProviderError)$/;
/** Node's TLS and socket texts, for clients (opensearch-js) that keep only the message. */
const NETWORK_TEXT =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket hang up|wrong version number|packet length too long|ERR_SSL|EPROTO|certificate|self[- ]signed/i;

/**
 * The code lists, for a door that classifies one library's failures more finely than `FailureKind` (the AWS
 * ports tell credentials from access denied and keep their own end-of-support reading): the same names mean
 * the same thing everywhere.
 */
export const isCredentialsCode = (code: string): boolean => UNAUTHORIZED_CODE.test(code);
export const isForbiddenCode = (code: string): boolean => FORBIDDEN_CODE.test(code);
export const isThrottledCode = (code: string): boolean => THROTTLED_CODE.test(code);
export const isTimeoutCode = (code: string): boolean => TIMEOUT_CODE.test(code);
export const isNetworkCode = (code: string): boolean => NETWORK_CODE.test(code);

function kindOfStatus(status: number): FailureKind {
  if (status === 400 || status === 422) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 410) return 'gone';
  if (status === 429) return 'throttled';
  return 'server';
}

function openSearchBody(body: unknown): { type?: string; reason?: string } {
  if (typeof body === 'string') return { reason: body };
  const err = (body as { error?: unknown } | undefined)?.error;
  if (typeof err === 'string') return { reason: err };
  const e = err as { type?: string; reason?: string; root_cause?: Array<{ reason?: string }> };
  return { type: e?.type, reason: e?.reason ?? e?.root_cause?.[0]?.reason };
}

function textOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** Any rejection of an upstream call, read once. Never throws. */
export function readUpstreamError(error: unknown): UpstreamFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Shape;
  const message = oneLine(textOf(error));

  if (e.isBoom && e.output) {
    const status = e.output.statusCode ?? 500;
    return {
      source: 'dashboards',
      kind: kindOfStatus(status),
      status,
      code: e.output.payload?.error,
      reason: oneLine(e.output.payload?.message ?? message),
    };
  }
  if (e.$metadata) {
    const status = e.$metadata.httpStatusCode;
    const code = e.name && e.name !== 'Error' ? e.name : e.code;
    let kind: FailureKind =
      status !== undefined
        ? kindOfStatus(status)
        : e.$fault === 'client'
          ? 'bad_request'
          : 'server';
    if (code && UNAUTHORIZED_CODE.test(code)) kind = 'unauthorized';
    else if (code && FORBIDDEN_CODE.test(code)) kind = 'forbidden';
    else if ((code && THROTTLED_CODE.test(code)) || e.$retryable?.throttling) kind = 'throttled';
    else if (code && TIMEOUT_CODE.test(code)) kind = 'timeout';
    return { source: 'aws', kind, status, code, reason: message };
  }
  if (e.name === 'ResponseError' && e.meta) {
    const status = e.meta.statusCode ?? 500;
    const body = openSearchBody(e.meta.body);
    return {
      source: 'opensearch',
      kind: kindOfStatus(status),
      status,
      code: body.type,
      reason: oneLine(body.reason ?? body.type ?? message),
    };
  }
  if (e.name === 'TimeoutError')
    return { source: 'opensearch', kind: 'timeout', code: e.name, reason: message };
  if (e.name === 'RequestAbortedError' || e.name === 'AbortError')
    return { source: 'network', kind: 'aborted', code: e.name, reason: message };
  if (e.name === 'ConnectionError' || e.name === 'NoLivingConnectionsError') {
    const code = e.cause?.code ?? e.code;
    const timedOut = (code && TIMEOUT_CODE.test(code)) || /timed? ?out/i.test(message);
    return {
      source: 'opensearch',
      kind: timedOut ? 'timeout' : 'network',
      code: code ?? e.name,
      reason: message,
    };
  }
  if (e.name === 'DeserializationError')
    return { source: 'opensearch', kind: 'server', code: e.name, reason: message };

  const code = e.code ?? e.cause?.code;
  if (code && TIMEOUT_CODE.test(code))
    return { source: 'network', kind: 'timeout', code, reason: message };
  if (code && NETWORK_CODE.test(code))
    return { source: 'network', kind: 'network', code, reason: message };
  if (typeof e.statusCode === 'number') {
    // OSD's own errors (SavedObjectsErrorHelpers decorate Boom, some wrappers copy the status out).
    return {
      source: 'dashboards',
      kind: kindOfStatus(e.statusCode),
      status: e.statusCode,
      code,
      reason: message,
    };
  }
  if (typeof e.meta?.statusCode === 'number') {
    // A transport answer rethrown by hand: `{ meta: { statusCode, body } }`.
    const body = openSearchBody(e.meta.body);
    return {
      source: 'opensearch',
      kind: kindOfStatus(e.meta.statusCode),
      status: e.meta.statusCode,
      code: body.type,
      reason: oneLine(body.reason ?? body.type ?? message),
    };
  }
  if (NETWORK_TEXT.test(message))
    return { source: 'network', kind: 'network', code, reason: message };
  return { source: 'unknown', kind: 'server', code, reason: message };
}

/** Whether `error` is an upstream's "not found" (a missing saved object, index or AWS resource). */
export function isNotFound(error: unknown): boolean {
  return readUpstreamError(error).kind === 'not_found';
}

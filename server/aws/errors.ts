/**
 * AWS failures as the wiring check reasons about them. Each service port turns its modelled exceptions
 * (instanceof) into a kind; what the models do not cover (AccessDenied on Firehose, throttling, sockets,
 * timeouts) is recognised here by name and status. The message kept is AWS's own text, cut short: it never
 * holds credentials, and it is what a user pastes into a support ticket.
 */

export type AwsErrorKind =
  /** The thing asked about does not exist. */
  | 'not_found'
  /** The checker's identity may not make this call. */
  | 'access_denied'
  /** Credentials missing, expired or rejected. */
  | 'credentials'
  | 'throttled'
  /** One call took longer than its timeout. */
  | 'timeout'
  /** The overall deadline (or the caller) cancelled the call. */
  | 'cancelled'
  /** No connection: DNS, refused, reset. */
  | 'network'
  /** The service no longer exists or no longer serves this API (Pinpoint after its end of support). */
  | 'gone'
  | 'other';

export class AwsCallError extends Error {
  constructor(
    readonly kind: AwsErrorKind,
    readonly service: string,
    readonly operation: string,
    message: string,
    readonly code?: string,
    readonly httpStatus?: number
  ) {
    super(message);
    this.name = 'AwsCallError';
  }

  /** For evidence: which call, what AWS said. */
  describe(): string {
    return `${this.service}:${this.operation} -> ${this.code ?? this.kind}${this.httpStatus ? ` (HTTP ${this.httpStatus})` : ''}: ${this.message}`;
  }
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  $retryable?: { throttling?: boolean };
}

const ACCESS_DENIED =
  /^(AccessDenied|AccessDeniedException|Forbidden|ForbiddenException|UnauthorizedOperation|AuthorizationError|AuthorizationErrorException|NotAuthorized)$/;
const CREDENTIALS =
  /^(CredentialsProviderError|InvalidClientTokenId|UnrecognizedClientException|ExpiredToken|ExpiredTokenException|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSignatureException|IncompleteSignature|MissingAuthenticationToken|TokenProviderError)$/;
const THROTTLED =
  /^(Throttling|ThrottlingException|ThrottledException|TooManyRequestsException|RequestLimitExceeded|SlowDown|RequestThrottled|RequestThrottledException|LimitExceededException|ProvisionedThroughputExceededException)$/;
const NETWORK = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;
const TIMEOUT = /^(TimeoutError|RequestTimeout|RequestTimeoutException|ETIMEDOUT|ESOCKETTIMEDOUT)$/;

const MAX_MESSAGE = 300;

/** Access key ids (long-term AKIA, temporary ASIA): a few services echo them in error text. */
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g;

export function shortMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const oneLine = raw.replace(/\s+/g, ' ').replace(ACCESS_KEY_ID, '$1…(redacted)').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}

export function httpStatusOf(error: unknown): number | undefined {
  const e = error as SdkErrorShape | undefined;
  return e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode;
}

/**
 * A socket error's code. The SDK wraps a thrown value that is not an `Error` of its own realm ("AWS SDK error
 * wrapper for Error: connect ECONNREFUSED ...", e.g. under a test runner's VM context), keeping only the text:
 * the code is then read from it.
 */
function socketCode(e: SdkErrorShape): string | undefined {
  if (e.code) return e.code;
  return /^AWS SDK error wrapper for .*?\b(E[A-Z_]{3,})\b/.exec(e.message ?? '')?.[1];
}

/** The kind of a failure no service model describes. */
export function genericKind(error: unknown): AwsErrorKind {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name ?? '';
  const code = socketCode(e) ?? e.Code ?? '';
  const status = httpStatusOf(error);
  if (CREDENTIALS.test(name) || CREDENTIALS.test(code)) return 'credentials';
  if (ACCESS_DENIED.test(name) || ACCESS_DENIED.test(code)) return 'access_denied';
  if (THROTTLED.test(name) || THROTTLED.test(code) || e.$retryable?.throttling || status === 429)
    return 'throttled';
  if (NETWORK.test(code) || NETWORK.test(name)) return 'network';
  if (TIMEOUT.test(name) || TIMEOUT.test(code)) return 'timeout';
  if (status === 403) return 'access_denied';
  if (status === 401) return 'credentials';
  if (status === 410) return 'gone';
  return 'other';
}

export function codeOf(error: unknown): string | undefined {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name && e.name !== 'Error' ? e.name : undefined;
  return e.Code ?? name ?? socketCode(e);
}

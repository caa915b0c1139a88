/**
 * AWS failures as the wiring check reasons about them. Each service port turns its modelled exceptions
 * (instanceof) into a kind; what the models do not cover (AccessDenied on Firehose, throttling, sockets,
 * timeouts) is recognised here by name and status. The message kept is AWS's own text, cut short: it never
 * holds credentials, and it is what a user pastes into a support ticket.
 *
 * The exception and socket code lists are the shared reader's (server/upstream_errors.ts); what is AWS's own
 * here is the finer kind (credentials vs access denied, gone) the wiring catalogue words its checks by.
 */
import {
  isCredentialsCode,
  isForbiddenCode,
  isNetworkCode,
  isThrottledCode,
  isTimeoutCode,
  oneLine,
} from '../upstream_errors';

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

/** Quota refusals some services (Firehose, IAM) send where others say Throttling; AWS-only, so kept here. */
const AWS_ONLY_THROTTLED = 'LimitExceededException';

/** AWS's own text on one line, cut short, access key ids redacted (the shared reader's rule). */
export function shortMessage(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
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
  const is = (test: (c: string) => boolean) => test(name) || test(code);
  if (is(isCredentialsCode)) return 'credentials';
  if (is(isForbiddenCode)) return 'access_denied';
  if (
    is(isThrottledCode) ||
    name === AWS_ONLY_THROTTLED ||
    code === AWS_ONLY_THROTTLED ||
    e.$retryable?.throttling ||
    status === 429
  )
    return 'throttled';
  if (is(isNetworkCode)) return 'network';
  if (is(isTimeoutCode)) return 'timeout';
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

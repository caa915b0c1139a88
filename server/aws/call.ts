/**
 * One AWS call with a bound: the SDK retries inside it (standard mode), and the whole call, retries and backoff
 * included, ends at its own timeout or when the caller's signal fires (the wiring check's 20 s deadline), even if
 * the SDK is asleep between attempts. Failures leave as AwsCallError so no caller handles SDK shapes.
 */
import {
  AwsCallError,
  type AwsErrorKind,
  codeOf,
  genericKind,
  httpStatusOf,
  shortMessage,
} from './errors';

export interface CallOptions {
  /** Cancels the call: the overall deadline, or the HTTP request going away. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 8_000;

/** A port's own reading of its modelled exceptions (instanceof); undefined falls back to the generic reading. */
export type ModelledKind = (error: unknown) => AwsErrorKind | undefined;

export async function callAws<T>(
  service: string,
  operation: string,
  options: CallOptions,
  send: (abortSignal: AbortSignal) => Promise<T>,
  modelled?: ModelledKind
): Promise<T> {
  const outer = options.signal;
  if (outer?.aborted) {
    throw new AwsCallError(
      'cancelled',
      service,
      operation,
      'not started: the check ran out of time'
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(), timeoutMs);
  const signal = outer ? AbortSignal.any([outer, timer.signal]) : timer.signal;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const pending = send(signal);
  // The race below may settle first; the SDK's own rejection after an abort is then expected and dropped.
  pending.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([pending, aborted]);
  } catch (error) {
    if (outer?.aborted) {
      throw new AwsCallError(
        'cancelled',
        service,
        operation,
        'cancelled: the check ran out of time'
      );
    }
    if (timer.signal.aborted) {
      throw new AwsCallError(
        'timeout',
        service,
        operation,
        `no answer within ${(timeoutMs / 1000).toFixed(1)} s (retries included)`
      );
    }
    throw toAwsCallError(error, service, operation, modelled);
  } finally {
    clearTimeout(handle);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

export function toAwsCallError(
  error: unknown,
  service: string,
  operation: string,
  modelled?: ModelledKind
): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const kind = modelled?.(error) ?? genericKind(error);
  return new AwsCallError(
    kind,
    service,
    operation,
    shortMessage(error),
    codeOf(error),
    httpStatusOf(error)
  );
}

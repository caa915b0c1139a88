/**
 * The one reading of a failed request on the public side. OSD's http client rejects with the server's body
 * (`{ statusCode, error, message, attributes }`): its message is ours and says what to fix. Anything else
 * (a network failure) keeps the error's own message.
 */
import type { HttpFetchError } from '../osd_port';

export interface RequestFailure {
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The body's attributes (e.g. a 409's template diff). */
  attributes?: Record<string, unknown>;
}

export function requestFailure(error: unknown): RequestFailure {
  const e = error as HttpFetchError | undefined;
  const body = e?.body;
  const status = body?.statusCode ?? e?.response?.status;
  const message =
    body?.message ?? (error instanceof Error ? error.message : String(error ?? 'request failed'));
  return {
    message,
    ...(status !== undefined && { status }),
    ...(body?.attributes && { attributes: body.attributes }),
  };
}

/** The server's own message (a 400 says what to fix), else the error's. */
export function errorMessage(error: unknown): string {
  return requestFailure(error).message;
}

/** An aborted request (the page went away, or a newer request replaced it) is not a failure to show. */
export const isAbort = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'AbortError';

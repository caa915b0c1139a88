import type { HttpFetchError } from '../../../osd_port';

/** The server's own message (a 400 says what to fix), else the error's. */
export function errorMessage(error: unknown): string {
  const body = (error as HttpFetchError)?.body;
  if (body?.message) return body.message;
  return error instanceof Error ? error.message : String(error);
}

export const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

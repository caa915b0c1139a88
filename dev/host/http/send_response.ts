/**
 * Error answers written straight to a node response, for the page handler (dev/host/page/), which streams
 * files itself rather than through hapi: the same Boom payload `{statusCode, error, message}` hapi sends.
 */
import type { ServerResponse } from 'node:http';
import Boom from '@hapi/boom';

export function sendError(res: ServerResponse, status: number, message: string): void {
  const error = new Boom.Boom(message, { statusCode: status });
  error.output.payload.message = message;
  const text = JSON.stringify(error.output.payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Writes a handler's response the way OSD's HapiResponseAdapter and hapi do: errors become Boom payloads
 * `{statusCode, error, message, attributes?}`, objects JSON, strings text/html, Buffers octet-stream.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { HostResponse } from './response_factory';

export interface ErrorPayload {
  statusCode: number;
  error: string;
  message: string;
  attributes?: unknown;
}

export function errorPayload(statusCode: number, message: string, attributes?: unknown) {
  const payload: ErrorPayload = {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Unknown',
    message,
  };
  if (attributes !== undefined) payload.attributes = attributes;
  return payload;
}

/** OSD's getErrorMessage/getErrorAttributes: a string, an Error, or `{message, attributes}`. */
function errorMessageOf(payload: unknown): string {
  if (payload === undefined || payload === null)
    throw new Error('expected error message to be provided');
  if (typeof payload === 'string') return payload;
  const message = (payload as { message?: unknown }).message;
  return typeof message === 'string' ? message : errorMessageOf(message);
}

function errorAttributesOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'attributes' in payload
    ? (payload as { attributes?: unknown }).attributes
    : undefined;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {}
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    ...headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  attributes?: unknown,
  headers?: Record<string, string | string[]>
): void {
  sendJson(res, status, errorPayload(status, message, attributes), headers);
}

/**
 * Throws (before writing anything) when an error response has no message, as OSD's adapter does; the
 * router turns that into a 500.
 */
export function sendHostResponse(res: ServerResponse, response: HostResponse): void {
  const headers = response.options.headers ?? {};
  const { status, payload } = response;
  if (status >= 400) {
    sendError(res, status, errorMessageOf(payload), errorAttributesOf(payload), headers);
    return;
  }
  if (payload === undefined || payload === null) {
    res.writeHead(status, { ...headers, 'content-length': 0 });
    res.end();
  } else if (payload instanceof Readable) {
    res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
    payload.pipe(res);
  } else if (Buffer.isBuffer(payload)) {
    res.writeHead(status, {
      'content-type': 'application/octet-stream',
      ...headers,
      'content-length': payload.length,
    });
    res.end(payload);
  } else if (typeof payload === 'string') {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      ...headers,
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
  } else {
    sendJson(res, status, payload, headers);
  }
}

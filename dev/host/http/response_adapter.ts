/**
 * A handler's response as hapi's, the way OSD's HapiResponseAdapter does it
 * (src/core/server/http/router/response_adapter.ts): errors become Boom errors whose payload is
 * `{statusCode, error, message, attributes?}` (a Buffer or stream error body is passed through as is),
 * successes and redirects hapi responses with the handler's headers. hapi then serializes: objects as JSON,
 * strings as text/html, Buffers as application/octet-stream, streams piped.
 */
import { Readable } from 'node:stream';
import Boom from '@hapi/boom';
import type { ResponseObject, ResponseToolkit, ResponseValue } from '@hapi/hapi';
import { HostResponse } from './response_factory';

type Headers = Record<string, string | string[]>;

function setHeaders(response: ResponseObject, headers: Headers = {}): ResponseObject {
  for (const [name, value] of Object.entries(headers)) {
    // hapi's types take a string; it sends a string[] as repeated headers.
    if (value !== undefined) response.header(name, value as string);
  }
  return response;
}

/** OSD's getErrorMessage/getErrorAttributes: a string, an Error, or `{message, attributes}`. */
function errorMessageOf(payload: unknown): string {
  if (!payload) throw new Error('expected error message to be provided');
  if (typeof payload === 'string') return payload;
  return errorMessageOf((payload as { message?: unknown }).message);
}

function errorAttributesOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'attributes' in payload
    ? (payload as { attributes?: unknown }).attributes
    : undefined;
}

export function toBadRequest(message: string): Boom.Boom {
  const error = Boom.badRequest();
  error.output.payload.message = message;
  return error;
}

/** Marks the 500 of a handler error the router has logged already (hapi logs every 500 once more). */
export const LOGGED_BY_ROUTER = Symbol('logged by the router');

export function toInternalError(): Boom.Boom {
  const error = new Boom.Boom('', { statusCode: 500, data: LOGGED_BY_ROUTER });
  error.output.payload.message = 'An internal server error occurred.';
  return error;
}

function toError(response: HostResponse, h: ResponseToolkit) {
  const { payload, status } = response;
  const headers = response.options.headers;
  if (Buffer.isBuffer(payload) || payload instanceof Readable) {
    return setHeaders(h.response(payload as ResponseValue).code(status), headers);
  }
  const error = new Boom.Boom('', { statusCode: status });
  error.output.payload.message = errorMessageOf(payload);
  const attributes = errorAttributesOf(payload);
  if (attributes) (error.output.payload as { attributes?: unknown }).attributes = attributes;
  if (headers) error.output.headers = headers as Record<string, string>;
  return error;
}

/** Throws (the router answers 500) on anything that is not a response of the factory. */
export function toHapiResponse(response: unknown, h: ResponseToolkit) {
  if (!(response instanceof HostResponse)) {
    const given = response === null ? 'null' : Array.isArray(response) ? 'Array' : typeof response;
    throw new Error(
      `Unexpected result from Route Handler. Expected OpenSearchDashboardsResponse, but given: ${given}.`
    );
  }
  const { status } = response;
  // The factory's payloads are what hapi sends: JSON values, strings, Buffers and streams.
  const payload = response.payload as ResponseValue;
  const headers = response.options.headers;
  if (status >= 400 && status < 600) return toError(response, h);
  if (status >= 100 && status < 300) return setHeaders(h.response(payload).code(status), headers);
  if (status >= 300 && status < 400) {
    if (!headers || typeof headers.location !== 'string') {
      throw new Error("expected 'location' header to be set");
    }
    return setHeaders(
      h.response(payload).redirect(headers.location).code(status).takeover(),
      headers
    );
  }
  throw new Error(`Unexpected Http status code. Expected from 100 to 599, but given: ${status}.`);
}

/**
 * Saved-objects errors shaped like OSD's SavedObjectsErrorHelpers results: Boom errors (`isBoom`,
 * `output.statusCode`, `output.payload`) with OSD's messages, so code that inspects a failed call sees what
 * it would see in Dashboards (`Saved object [type/id] not found`, 404).
 */
import { STATUS_CODES } from 'node:http';

export class SavedObjectsBoomError extends Error {
  readonly isBoom = true;
  readonly output: {
    statusCode: number;
    payload: { statusCode: number; error: string; message: string };
    headers: Record<string, string>;
  };

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'SavedObjectsBoomError';
    this.output = {
      statusCode,
      payload: { statusCode, error: STATUS_CODES[statusCode] ?? 'Unknown', message },
      headers: {},
    };
  }
}

export function notFoundError(type: string, id: string): SavedObjectsBoomError {
  return new SavedObjectsBoomError(404, `Saved object [${type}/${id}] not found`);
}

export function conflictError(type: string, id: string): SavedObjectsBoomError {
  return new SavedObjectsBoomError(409, `Saved object [${type}/${id}] conflict`);
}

/** OSD decorates Boom.badRequest(), so the reason is followed by ": Bad Request". */
export function badRequestError(reason: string): SavedObjectsBoomError {
  return new SavedObjectsBoomError(400, `${reason}: Bad Request`);
}

export function unsupportedTypeError(type: string): SavedObjectsBoomError {
  return badRequestError(`Unsupported saved object type: '${type}'`);
}

export function isSavedObjectsError(error: unknown): error is SavedObjectsBoomError {
  return error instanceof SavedObjectsBoomError;
}

/** The `{statusCode, error, message}` OSD puts into bulk results for one failed object. */
export function errorContent(error: SavedObjectsBoomError) {
  return error.output.payload;
}

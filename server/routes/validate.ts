import { InvalidInputError } from '../../common/validation';
import type { RouteValidationFunction } from '../osd_port';

/**
 * Turns a pure parser from common/ into an OSD validation function: what the parser returns becomes the
 * typed request part, what it throws becomes a 400 with the parser's message.
 */
export function validateWith<T>(parse: (data: unknown) => T): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    try {
      return ok(parse(data));
    } catch (error) {
      if (error instanceof InvalidInputError) return badRequest(error.message);
      return badRequest(error instanceof Error ? error.message : String(error));
    }
  };
}

/** For routes that take no input in this part: anything sent is refused rather than ignored. */
export const noInput: RouteValidationFunction<Record<string, never>> = (
  data,
  { ok, badRequest }
) => {
  if (data === undefined || data === null) return ok({});
  if (typeof data === 'object' && Object.keys(data as object).length === 0) return ok({});
  return badRequest('this endpoint takes no parameters here');
};

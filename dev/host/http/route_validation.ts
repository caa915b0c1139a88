/**
 * OSD's RouteValidator for plain validation functions (config-schema Types exist only inside OSD).
 *
 * A function gets `(data, {ok, badRequest})`; what it throws or returns as `badRequest` becomes a 400 whose
 * message is prefixed like @osd/config-schema's ValidationError: `[request body.field]: message`. A part with
 * no validator yields `{}` (OSD drops data nobody declared), and `validate: false` yields `{}` for all parts.
 */
import type {
  RouteValidationFunction,
  RouteValidationResultFactory,
  RouteValidatorConfig,
} from '../../../server/osd_port';

export class RouteValidationError extends Error {
  readonly path: string[];
  constructor(error: Error | string, path: string[] = []) {
    super(typeof error === 'string' ? error : error.message);
    this.name = 'RouteValidationError';
    this.path = path;
  }
}

/** Thrown when a part fails; the router answers 400 with `message`. */
export class RequestValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestValidationError';
  }
}

const resultFactory: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error, path) => ({ error: new RouteValidationError(error, path) }),
};

type Namespace = 'request params' | 'request query' | 'request body';

function validatePart(rule: unknown, data: unknown, namespace: Namespace): unknown {
  if (rule === undefined) return {};
  if (typeof rule !== 'function') {
    throw new RequestValidationError(
      `[${namespace}]: The validation rule provided in the handler is not valid`
    );
  }
  let result: ReturnType<RouteValidationFunction<unknown>>;
  try {
    result = (rule as RouteValidationFunction<unknown>)(data, resultFactory);
  } catch (error) {
    result = { error: new RouteValidationError(error instanceof Error ? error : String(error)) };
  }
  if (result?.error) {
    const path = [namespace, ...((result.error as { path?: string[] }).path ?? [])];
    throw new RequestValidationError(`[${path.join('.')}]: ${result.error.message}`);
  }
  return result?.value;
}

export interface ValidatedRequestParts {
  params: unknown;
  query: unknown;
  body: unknown;
}

export function validateRequestParts(
  validate: RouteValidatorConfig<unknown, unknown, unknown> | false,
  raw: ValidatedRequestParts
): ValidatedRequestParts {
  const rules = validate === false ? {} : validate;
  return {
    params: validatePart(rules.params, raw.params, 'request params'),
    query: validatePart(rules.query, raw.query, 'request query'),
    body: validatePart(rules.body, raw.body, 'request body'),
  };
}

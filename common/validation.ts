/**
 * Pure input validation shared by the routes, the CLI and the app. Each check throws InvalidInputError with a
 * message that tells the user what to fix; the server maps it to 400, the CLI to exit code 2.
 */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInputError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Unknown keys are refused rather than ignored: a typo in an option must not silently do the default. */
export function rejectUnknownKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  what: string
): void {
  const unknown = Object.keys(obj).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `${what}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ') || 'none'}`
    );
  }
}

export function optionalString(
  obj: Record<string, unknown>,
  key: string,
  what: string
): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidInputError(`${what}: "${key}" must be a string`);
  return value;
}

export function optionalBoolean(
  obj: Record<string, unknown>,
  key: string,
  what: string
): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  // Query strings carry booleans as text.
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidInputError(`${what}: "${key}" must be true or false`);
}

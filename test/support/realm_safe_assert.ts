/**
 * `node:assert/strict` for tests under jest (jest.config.js maps the module here).
 *
 * Jest runs each test file in its own VM context, while some values reach it from node's own realm: what
 * `structuredClone`, `Buffer`, the http client or `util` create. Node's strict deep equality compares
 * prototypes, so an object literal from the test and an equal object from node's realm differ ("Compared values
 * have no visual difference"). Before the deep comparisons, plain objects and arrays are rebuilt in the test's
 * realm; everything else (and every other assertion) is node's own, unchanged.
 */
import nodeAssert from 'assert/strict';

function inThisRealm(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(inThisRealm(item, seen));
    return copy;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  const isPlain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!isPlain) return value;
  const copy: Record<string, unknown> = proto === null ? Object.create(null) : {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = inThisRealm(item, seen);
  return copy;
}

type Message = string | Error | undefined;

/** Runs a comparison of node's, reporting a failure at the test's line rather than inside this module. */
function compare(caller: (...args: never[]) => unknown, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof Error) Error.captureStackTrace(error, caller);
    throw error;
  }
}

const assert = Object.assign(
  (value: unknown, message?: Message): asserts value => nodeAssert(value, message),
  nodeAssert,
  {
    deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
      compare(assert.deepEqual, () =>
        nodeAssert.deepStrictEqual(inThisRealm(actual), inThisRealm(expected), message)
      );
    },
    deepStrictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
      compare(assert.deepStrictEqual, () =>
        nodeAssert.deepStrictEqual(inThisRealm(actual), inThisRealm(expected), message)
      );
    },
    notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
      compare(assert.notDeepEqual, () =>
        nodeAssert.notDeepStrictEqual(inThisRealm(actual), inThisRealm(expected), message)
      );
    },
    notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
      compare(assert.notDeepStrictEqual, () =>
        nodeAssert.notDeepStrictEqual(inThisRealm(actual), inThisRealm(expected), message)
      );
    },
  }
) as typeof nodeAssert;

export default assert;

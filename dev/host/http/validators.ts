/**
 * Validation functions for the host's own core APIs, answering like @osd/config-schema would for the same
 * schema (`[request query.overwrite]: expected value of type [boolean] but got [string]`).
 */
import { Readable } from 'node:stream';
import type { RouteValidationFunction } from '../../../server/osd_port';

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message);
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  return typeof value;
}

export type Reader = {
  /** A string field; required unless `optional`. */
  string(name: string, opts?: { optional?: boolean }): string | undefined;
  /** A query-string boolean ('true'/'false') or JSON boolean. */
  boolean(name: string, defaultValue: boolean): boolean;
  integer(name: string, defaultValue: number, min: number): number;
  /** One or several strings (a repeated query parameter). */
  strings(name: string, opts?: { optional?: boolean }): string[] | undefined;
  object(name: string, opts?: { optional?: boolean }): Record<string, unknown> | undefined;
  array(name: string): unknown[] | undefined;
  /** A stream (config-schema's schema.stream()): a multipart file part with `output: 'stream'`. */
  stream(name: string): Readable;
  /** Any JSON value (config-schema's schema.any()). */
  any(name: string): unknown;
  /** Fails on keys the schema does not declare (config-schema's default). */
  done(): void;
};

function reader(data: unknown): Reader {
  const source = (data ?? {}) as Record<string, unknown>;
  if (typeof source !== 'object' || Array.isArray(source)) {
    throw new FieldError(
      '',
      `expected a plain object value, but found [${typeName(data)}] instead.`
    );
  }
  const used = new Set<string>();
  const take = (name: string) => {
    used.add(name);
    return source[name];
  };
  return {
    string(name, opts) {
      const value = take(name);
      if (value === undefined && opts?.optional) return undefined;
      if (typeof value !== 'string') {
        throw new FieldError(name, `expected value of type [string] but got [${typeName(value)}]`);
      }
      return value;
    },
    boolean(name, defaultValue) {
      const value = take(name);
      if (value === undefined) return defaultValue;
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw new FieldError(name, `expected value of type [boolean] but got [${typeName(value)}]`);
    },
    integer(name, defaultValue, min) {
      const value = take(name);
      if (value === undefined) return defaultValue;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        throw new FieldError(name, `expected value of type [number] but got [${typeName(value)}]`);
      }
      if (n < min) throw new FieldError(name, `Value must be equal to or greater than [${min}].`);
      return n;
    },
    strings(name, opts) {
      const value = take(name);
      if (value === undefined && opts?.optional) return undefined;
      const list = ([] as unknown[]).concat(value);
      if (value === undefined || !list.every((v) => typeof v === 'string')) {
        throw new FieldError(name, `expected value of type [string] but got [${typeName(value)}]`);
      }
      return list as string[];
    },
    object(name, opts) {
      const value = take(name);
      if (value === undefined && opts?.optional) return undefined;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new FieldError(name, `expected value of type [object] but got [${typeName(value)}]`);
      }
      return value as Record<string, unknown>;
    },
    array(name) {
      const value = take(name);
      if (value === undefined) return undefined;
      if (!Array.isArray(value)) {
        throw new FieldError(name, `expected value of type [array] but got [${typeName(value)}]`);
      }
      return value;
    },
    stream(name) {
      const value = take(name);
      if (!(value instanceof Readable)) {
        throw new FieldError(name, `expected value of type [Stream] but got [${typeName(value)}]`);
      }
      return value;
    },
    any(name) {
      return take(name);
    },
    done() {
      const extra = Object.keys(source).find((k) => !used.has(k));
      if (extra) throw new FieldError(extra, 'definition for this key is missing');
    },
  };
}

/** Builds an OSD validation function from a reader-based parser. */
export function validator<T>(parse: (read: Reader) => T): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    try {
      const read = reader(data);
      const value = parse(read);
      read.done();
      return ok(value);
    } catch (error) {
      if (error instanceof FieldError) {
        return badRequest(error.message, error.field ? [error.field] : []);
      }
      throw error;
    }
  };
}

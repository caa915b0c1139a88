/** Parsers for the report and apply inputs: the routes, the CLI and the app validate with these. */
import { DEFAULT_INDEX_PREFIX } from './constants';
import { validateIndexPrefix } from './index_naming';
import type { ApplyOptions } from './report';
import {
  asObject,
  InvalidInputError,
  optionalBoolean,
  optionalString,
  rejectUnknownKeys,
} from './validation';

export interface ReportQuery {
  prefix: string;
}

export function parseReportQuery(data: unknown): ReportQuery {
  const obj = asObject(data, 'report query');
  rejectUnknownKeys(obj, ['prefix'], 'report query');
  const prefix = optionalString(obj, 'prefix', 'report query') ?? DEFAULT_INDEX_PREFIX;
  return { prefix: validateIndexPrefix(prefix, 'prefix') };
}

const APPLY_KEYS = [
  'prefix',
  'template',
  'overwrite',
  'indexPattern',
  'makeDefault',
  'allowOverlap',
] as const;

export function parseApplyBody(data: unknown): ApplyOptions {
  const obj = asObject(data, 'apply body');
  rejectUnknownKeys(obj, APPLY_KEYS, 'apply body');
  const prefix = optionalString(obj, 'prefix', 'apply body') ?? DEFAULT_INDEX_PREFIX;
  const options: ApplyOptions = {
    prefix: validateIndexPrefix(prefix, 'prefix'),
    template: optionalBoolean(obj, 'template', 'apply body') ?? true,
    overwrite: optionalBoolean(obj, 'overwrite', 'apply body') ?? false,
    indexPattern: optionalBoolean(obj, 'indexPattern', 'apply body') ?? false,
    makeDefault: optionalBoolean(obj, 'makeDefault', 'apply body') ?? false,
    allowOverlap: optionalBoolean(obj, 'allowOverlap', 'apply body') ?? false,
  };
  if (!options.template && !options.indexPattern && !options.makeDefault) {
    throw new InvalidInputError(
      'apply body: nothing to do; set at least one of template, indexPattern, makeDefault to true'
    );
  }
  return options;
}

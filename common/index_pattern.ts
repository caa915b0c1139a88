/** The index pattern saved object the plugin creates, as data. */
import { TIME_FIELD } from './constants';
import { indexPatternTitle } from './index_naming';

export const INDEX_PATTERN_TYPE = 'index-pattern' as const;

/** Fixed id, so the plugin finds its own pattern again and dashboards can reference it. */
export function indexPatternId(prefix: string): string {
  return `${prefix}-events`;
}

export interface IndexPatternAttributes {
  title: string;
  timeFieldName?: string;
  /** JSON string of IndexPatternField[] (OSD 2.x stores it that way). */
  fields?: string;
  [key: string]: unknown;
}

/** One entry of the `fields` list, in OSD 2.x's stored shape. */
export interface IndexPatternField {
  name: string;
  type: string;
  esTypes: string[];
  count: number;
  scripted: boolean;
  searchable: boolean;
  aggregatable: boolean;
  readFromDocValues: boolean;
}

export function buildIndexPatternAttributes(
  prefix: string,
  fields: IndexPatternField[]
): IndexPatternAttributes {
  return {
    title: indexPatternTitle(prefix),
    timeFieldName: TIME_FIELD,
    fields: JSON.stringify(fields),
  };
}

/** OSD's castEsToOsdFieldTypeName, for the types a Pinpoint index holds. */
export function osdFieldType(esType: string): string {
  switch (esType) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'unsigned_long':
    case 'token_count':
      return 'number';
    case 'keyword':
    case 'text':
    case 'match_only_text':
    case 'wildcard':
    case 'constant_keyword':
    case 'string':
      return 'string';
    case 'date':
    case 'date_nanos':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'ip':
      return 'ip';
    case 'geo_point':
      return 'geo_point';
    case 'geo_shape':
      return 'geo_shape';
    case '_source':
      return '_source';
    default:
      return 'unknown';
  }
}

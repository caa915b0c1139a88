/**
 * What makes an index need a repair, read from its mapping:
 * - a record timestamp mapped as something other than a date: the mark of an index Firehose created before
 *   the template existed (dynamic mapping turns epoch milliseconds into `long`);
 * - for an index our template did not create, a field the template maps explicitly mapped another way
 *   (`event_type` as text instead of keyword): the field conflicts Dashboards shows across the pattern.
 * A copy under the template's mapping cures both.
 */
import { EVENT_DATE_FIELDS, eventMappings } from '../../../common/event_mappings';
import { TEMPLATE_MANAGED_BY } from '../../../common/template';
import { type IndexMappingBody, unwrapTypeName, walkMapping } from '../index_engine/mapping_walk';

const DATE_TYPES = new Set(['date', 'date_nanos']);

export interface FieldMismatch {
  field: string;
  type: string;
  /** What the template maps it as. */
  expected: string;
}

let templateTypes: Map<string, string> | undefined;

function expectedTypes(): Map<string, string> {
  templateTypes ??= walkMapping(eventMappings() as IndexMappingBody).types;
  return templateTypes;
}

/** The mapped type of a dotted path (multi-fields as `parent.sub`), undefined when unmapped. */
export function mappedType(mappings: unknown, path: string): string | undefined {
  return walkMapping(unwrapTypeName(mappings)).types.get(path);
}

export function nonDateTimestampFields(mappings: unknown): FieldMismatch[] {
  const types = walkMapping(unwrapTypeName(mappings)).types;
  const found: FieldMismatch[] = [];
  for (const field of EVENT_DATE_FIELDS) {
    const type = types.get(field);
    if (type !== undefined && !DATE_TYPES.has(type)) found.push({ field, type, expected: 'date' });
  }
  return found;
}

/** Every reason the index needs a repair; empty when it does not. Timestamps first. */
export function repairNeed(mappings: unknown): FieldMismatch[] {
  const body = unwrapTypeName(mappings);
  const timestamps = nonDateTimestampFields(body);
  const managedBy = (body._meta as { managed_by?: string } | undefined)?.managed_by;
  if (managedBy === TEMPLATE_MANAGED_BY) return timestamps;
  const seen = new Set(timestamps.map((m) => m.field));
  const others: FieldMismatch[] = [];
  for (const [field, type] of walkMapping(body).types) {
    const expected = expectedTypes().get(field);
    if (expected !== undefined && expected !== type && !seen.has(field)) {
      others.push({ field, type, expected });
    }
  }
  return [...timestamps, ...others.sort((a, b) => a.field.localeCompare(b.field))];
}

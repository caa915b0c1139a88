/**
 * The shipped saved objects with the index pattern's field list filled in from the template's own mapping,
 * so the pattern is usable the moment it is imported, before Dashboards ever refreshes its fields. The ndjson
 * file in the repository is exactly `toNdjson(shippedObjects())` (scripts/generate_saved_objects.ts).
 */
import { eventMappings } from '../../../common/event_mappings';
import type { IndexPatternField } from '../../../common/index_pattern';
import { exportShippedObjects } from '../../../common/saved_objects/catalog';
import type { ExportedObject } from '../../../common/saved_objects/types';
import { fieldsFromTypes } from '../index_engine/index_pattern_fields';
import { walkMapping, type IndexMappingBody, type MappingNode } from '../index_engine/mapping_walk';

/** Paths of leaves mapped with `index: false` / `doc_values: false`: not searchable / not aggregatable. */
function flags(mapping: IndexMappingBody): Map<string, { index: boolean; docValues: boolean }> {
  const out = new Map<string, { index: boolean; docValues: boolean }>();
  const visit = (props: Record<string, MappingNode> | undefined, prefix: string): void => {
    for (const [name, node] of Object.entries(props ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (node.properties) visit(node.properties, path);
      else out.set(path, { index: node.index !== false, docValues: node.doc_values !== false });
    }
  };
  visit(mapping.properties, '');
  return out;
}

export function templateFields(): IndexPatternField[] {
  const mapping = eventMappings() as IndexMappingBody;
  const leafFlags = flags(mapping);
  return fieldsFromTypes(walkMapping(mapping).types).map((field) => {
    const f = leafFlags.get(field.name);
    if (!f) return field;
    return {
      ...field,
      searchable: field.searchable && f.index,
      aggregatable: field.aggregatable && f.docValues,
      readFromDocValues: field.readFromDocValues && f.docValues,
    };
  });
}

let cached: ExportedObject[] | undefined;

export function shippedObjects(): ExportedObject[] {
  cached ??= exportShippedObjects(templateFields());
  // Callers get their own copy: nothing may edit the catalog in place.
  return structuredClone(cached);
}

/**
 * The index pattern is shared: the index engine refreshes its field list, Dashboards adds field formats, users
 * add their own scripted fields. So it is never compared by hash and never replaced wholesale: what we own in
 * it is its title, its time field and our scripted fields, and an update merges those into what is stored.
 */
import type { IndexPatternField } from '../../../common/index_pattern';
import type { ObjectState } from '../../../common/saved_objects/install_types';
import type { ScriptedField } from '../../../common/saved_objects/scripted_fields';
import type { ExportedObject } from '../../../common/saved_objects/types';
import type { SavedObject } from '../../osd_port';

export interface PatternVerdict {
  state: ObjectState;
  detail: string;
  /** What to write to bring it to our version without losing anything stored. */
  merged: ExportedObject;
}

function fieldList(json: unknown): IndexPatternField[] {
  try {
    const parsed: unknown = typeof json === 'string' ? JSON.parse(json) : [];
    return Array.isArray(parsed) ? (parsed as IndexPatternField[]) : [];
  } catch {
    return [];
  }
}

export function indexPatternVerdict(
  shipped: ExportedObject,
  stored: SavedObject | undefined
): PatternVerdict {
  if (!stored) return { state: 'missing', detail: 'not in this tenant', merged: shipped };
  const ours = shipped.attributes as { title: string; timeFieldName: string; fields: string };
  const theirs = stored.attributes as { title?: string; timeFieldName?: string; fields?: string };
  const ourScripted = fieldList(ours.fields).filter((f) => f.scripted) as ScriptedField[];
  const storedFields = fieldList(theirs.fields);
  const byName = new Map(storedFields.map((f) => [f.name, f as Partial<ScriptedField>]));
  const absent = ourScripted.filter((f) => !byName.has(f.name));
  const changed = ourScripted.filter(
    (f) => byName.has(f.name) && byName.get(f.name)!.script !== f.script
  );
  const renamed = theirs.title !== ours.title || theirs.timeFieldName !== ours.timeFieldName;
  const mergedFields = [
    ...storedFields.filter((f) => !ourScripted.some((s) => s.name === f.name)),
    ...ourScripted,
  ];
  const merged: ExportedObject = {
    ...shipped,
    attributes: {
      ...stored.attributes,
      title: ours.title,
      timeFieldName: ours.timeFieldName,
      fields: JSON.stringify(mergedFields),
    },
  };
  if (renamed || changed.length > 0) {
    const what = [
      ...(renamed ? [`title "${theirs.title}" / time field "${theirs.timeFieldName}"`] : []),
      ...changed.map((f) => `scripted field ${f.name}`),
    ];
    return { state: 'edited', detail: `changed since installed: ${what.join(', ')}`, merged };
  }
  if (absent.length > 0) {
    return {
      state: 'outdated',
      detail: `lacks the scripted field(s) ${absent.map((f) => f.name).join(', ')} the dashboards use`,
      merged,
    };
  }
  return { state: 'current', detail: 'has our title, time field and scripted fields', merged };
}

/**
 * The index pattern as Dashboards holds it: ours by its fixed id, or else one a user made by hand with the
 * same title (the seed's step 7), and the `defaultIndex` advanced setting. A constant number of calls.
 */
import { indexPatternTitle } from '../../../common/index_naming';
import {
  INDEX_PATTERN_TYPE,
  indexPatternId,
  type IndexPatternAttributes,
} from '../../../common/index_pattern';
import type { SavedObject, SavedObjectsClientContract, UiSettingsClient } from '../../osd_port';
import { isNotFound } from '../../upstream_errors';

export interface IndexPatternState {
  target?: { id: string; attributes: IndexPatternAttributes; ours: boolean; version?: string };
  defaultIndex?: string;
  /** Whether the pattern `defaultIndex` names still exists. */
  defaultExists: boolean;
}

async function getOrUndefined(
  client: SavedObjectsClientContract,
  id: string
): Promise<SavedObject<IndexPatternAttributes> | undefined> {
  try {
    const found = await client.get<IndexPatternAttributes>(INDEX_PATTERN_TYPE, id);
    return found.error ? undefined : found;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function readIndexPatternState(
  savedObjects: SavedObjectsClientContract,
  uiSettings: UiSettingsClient | undefined,
  prefix: string
): Promise<IndexPatternState> {
  const id = indexPatternId(prefix);
  const [ours, defaultIndex] = await Promise.all([
    getOrUndefined(savedObjects, id),
    uiSettings
      ? uiSettings.get<string | null | undefined>('defaultIndex')
      : Promise.resolve(undefined),
  ]);
  let target: IndexPatternState['target'];
  if (ours) {
    target = { id, attributes: ours.attributes, ours: true, version: ours.version };
  } else {
    const title = indexPatternTitle(prefix);
    const { saved_objects } = await savedObjects.find<IndexPatternAttributes>({
      type: INDEX_PATTERN_TYPE,
      perPage: 10000,
      fields: ['title', 'timeFieldName', 'fields'],
    });
    const same = saved_objects.find((so) => so.attributes.title === title);
    if (same)
      target = { id: same.id, attributes: same.attributes, ours: false, version: same.version };
  }
  let defaultExists = false;
  if (defaultIndex) {
    defaultExists =
      defaultIndex === target?.id ||
      (await getOrUndefined(savedObjects, defaultIndex)) !== undefined;
  }
  return { target, defaultIndex: defaultIndex ?? undefined, defaultExists };
}

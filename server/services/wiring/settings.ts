/** The wiring check's remembered inputs, as one saved object of the plugin's own type. */
import {
  SETTINGS_SAVED_OBJECT_TYPE,
  WIRING_SETTINGS_ID,
  type WiringSettings,
} from '../../../common/wiring_types';
import { ForbiddenError } from '../../errors';
import type { SavedObjectsClientContract } from '../../osd_port';
import { readUpstreamError } from '../../upstream_errors';

/** OSD's saved-objects client rejects with Boom errors; server/upstream_errors.ts reads them. */
const statusOf = (error: unknown): number | undefined => readUpstreamError(error).status;

function forbidden(error: unknown, what: string): unknown {
  const status = statusOf(error);
  return status === 401 || status === 403
    ? new ForbiddenError(`${what}: the current user may not do this`)
    : error;
}

/** Only the known fields, so an object written by an older or newer plugin never leaks unknown keys. */
function pick(attributes: Partial<WiringSettings>): WiringSettings {
  const settings: WiringSettings = {
    region: typeof attributes.region === 'string' ? attributes.region : '',
    appIds: Array.isArray(attributes.appIds)
      ? attributes.appIds.filter((a) => typeof a === 'string')
      : [],
  };
  for (const key of ['firehoseStream', 'domain', 'roleArn'] as const) {
    const value = attributes[key];
    if (typeof value === 'string' && value !== '') settings[key] = value;
  }
  return settings;
}

/** The saved settings, or null when the page has never saved any in this tenant. */
export async function readWiringSettings(
  client: SavedObjectsClientContract
): Promise<WiringSettings | null> {
  try {
    const saved = await client.get<Partial<WiringSettings>>(
      SETTINGS_SAVED_OBJECT_TYPE,
      WIRING_SETTINGS_ID
    );
    return pick(saved.attributes);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw forbidden(error, 'reading the Pinpoint settings');
  }
}

/** Idempotent: the one object is overwritten with exactly what the user entered. */
export async function saveWiringSettings(
  client: SavedObjectsClientContract,
  settings: WiringSettings
): Promise<WiringSettings> {
  try {
    const saved = await client.create<WiringSettings>(SETTINGS_SAVED_OBJECT_TYPE, pick(settings), {
      id: WIRING_SETTINGS_ID,
      overwrite: true,
    });
    return pick(saved.attributes);
  } catch (error) {
    throw forbidden(error, 'saving the Pinpoint settings');
  }
}

/**
 * Advanced settings stored like OSD's uiSettings: one `config` saved object whose id is the Dashboards
 * version (`config:2.19.3` in `.kibana`), attributes `{buildNum, <key>: value}`; a null value removes the
 * user's value. Unlike OSD, reading never creates the document: only a write the user asked for does.
 */
import type { UiSettingsClient } from '../../../server/osd_port';
import { isSavedObjectsError } from '../saved_objects/errors';
import type { HostSavedObjectsClient } from '../saved_objects/saved_objects_client';
import { UI_SETTINGS_DEFAULTS } from './defaults';

export type UserProvidedSettings = Record<string, { userValue: unknown }>;

export class HostUiSettingsClient implements UiSettingsClient {
  constructor(
    private readonly savedObjects: HostSavedObjectsClient,
    private readonly osdVersion: string,
    private readonly buildNum: number
  ) {}

  private async readAttributes(): Promise<Record<string, unknown>> {
    try {
      return (await this.savedObjects.get('config', this.osdVersion)).attributes;
    } catch (error) {
      if (isSavedObjectsError(error) && error.output.statusCode === 404) return {};
      throw error;
    }
  }

  async getUserProvided(): Promise<UserProvidedSettings> {
    const attributes = await this.readAttributes();
    return Object.fromEntries(
      Object.entries(attributes)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => [key, { userValue: value }])
    );
  }

  async get<T = unknown>(key: string): Promise<T> {
    const user = await this.getUserProvided();
    return (key in user ? user[key].userValue : UI_SETTINGS_DEFAULTS[key]) as T;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.setMany({ [key]: value });
  }

  async setMany(changes: Record<string, unknown>): Promise<void> {
    try {
      await this.savedObjects.update('config', this.osdVersion, changes);
    } catch (error) {
      if (!isSavedObjectsError(error) || error.output.statusCode !== 404) throw error;
      try {
        await this.savedObjects.create(
          'config',
          { buildNum: this.buildNum, ...changes },
          { id: this.osdVersion }
        );
      } catch (createError) {
        // Someone created it between our update and create: apply the change to theirs.
        if (!isSavedObjectsError(createError) || createError.output.statusCode !== 409)
          throw createError;
        await this.savedObjects.update('config', this.osdVersion, changes);
      }
    }
  }
}

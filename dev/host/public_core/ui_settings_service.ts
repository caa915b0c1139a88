/**
 * core.uiSettings.get for the browser: the user's values the server injected into the page, then the
 * declared default; an undeclared key without a default override throws, as in OSD.
 */
import { UI_SETTINGS_DEFAULTS } from '../ui_settings/defaults';

export function createUiSettings(user: Record<string, { userValue: unknown }>) {
  return {
    get<T = unknown>(key: string, defaultOverride?: T): T {
      const declared = key in UI_SETTINGS_DEFAULTS || key in user;
      if (!declared && defaultOverride === undefined) {
        throw new Error(
          `Unexpected \`IUiSettingsClient.get("${key}")\` call on unrecognized configuration setting "${key}".`
        );
      }
      const userValue = user[key]?.userValue;
      if (userValue !== undefined && userValue !== null) return userValue as T;
      return (defaultOverride !== undefined ? defaultOverride : UI_SETTINGS_DEFAULTS[key]) as T;
    },
  };
}

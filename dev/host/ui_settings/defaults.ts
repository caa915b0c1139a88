/**
 * The defaults of the few advanced settings a 2.19 install declares that the Pinpoint app can touch; shared
 * by the server-side client and the browser core (so it imports nothing).
 */
export const UI_SETTINGS_DEFAULTS: Readonly<Record<string, unknown>> = {
  defaultIndex: null,
  dateFormat: 'MMM D, YYYY @ HH:mm:ss.SSS',
  'dateFormat:tz': 'Browser',
  'theme:darkMode': false,
  'timepicker:timeDefaults': '{\n  "from": "now-15m",\n  "to": "now"\n}',
};

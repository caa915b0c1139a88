/**
 * What the server injects into the page for the browser core, as OSD does: a JSON attribute on an
 * `<osd-injected-metadata>` element (no inline script, so the page keeps OSD's Content-Security-Policy).
 */

export const METADATA_ELEMENT = 'osd-injected-metadata';

export interface UiPluginMetadata {
  id: string;
  /** window.__osdPublicPath__[id]: `<basePath>/<buildNum>/bundles/plugin/<id>/`. */
  publicPath: string;
}

export interface InjectedMetadata {
  version: string;
  branch: string;
  buildNumber: number;
  basePath: string;
  uiPlugins: UiPluginMetadata[];
  uiSettings: { user: Record<string, { userValue: unknown }> };
}

export function readInjectedMetadata(doc: Document = document): InjectedMetadata {
  const element = doc.querySelector(METADATA_ELEMENT);
  const data = element?.getAttribute('data');
  if (!data) throw new Error(`The page has no <${METADATA_ELEMENT}> element`);
  return JSON.parse(data) as InjectedMetadata;
}

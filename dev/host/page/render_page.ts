/**
 * The app page, in OSD's order and under OSD's default Content-Security-Policy: OUI's light theme, the
 * charts' theme, the injected metadata element, then scripts with `src` only (no inline script): shared dependencies, the
 * bootstrap that defines `__osdBundles__`, every UI plugin's `<id>.plugin.js`, and the core that starts them.
 */
import { METADATA_ELEMENT, type InjectedMetadata } from '../public_core/metadata';

export const CSP_HEADER =
  "script-src 'unsafe-eval' 'self'; worker-src blob: 'self'; style-src 'unsafe-inline' 'self'";

export interface PageUrls {
  themeCss: string;
  chartsThemeCss: string;
  sharedDepsJs: string;
  bootstrapJs: string;
  pluginBundles: string[];
  coreJs: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function renderPage(metadata: InjectedMetadata, urls: PageUrls): string {
  const scripts = [urls.sharedDepsJs, urls.bootstrapJs, ...urls.pluginBundles, urls.coreJs]
    .map((src) => `    <script src="${escapeHtml(src)}"></script>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>OpenSearch Dashboards (dev host)</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${escapeHtml(urls.themeCss)}" />
    <link rel="stylesheet" href="${escapeHtml(urls.chartsThemeCss)}" />
  </head>
  <body>
    <${METADATA_ELEMENT} data="${escapeHtml(JSON.stringify(metadata))}"></${METADATA_ELEMENT}>
    <div id="osd-root"></div>
${scripts}
  </body>
</html>
`;
}

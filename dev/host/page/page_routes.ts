/**
 * What the browser fetches outside the API: `/` (redirect to the app), `/app/*` (the page), and the bundles
 * under `/<buildNum>/bundles/`: shared deps, core, and each UI plugin's files from its unpacked
 * `target/public` (so the page runs exactly the bundle the zip carries).
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Logger } from '../../../server/osd_port';
import type { UserProvidedSettings } from '../ui_settings/ui_settings_client';
import { sendError } from '../http/send_response';
import type { InjectedMetadata } from '../public_core/metadata';
import type { BrowserBundles } from './browser_bundles';
import { CSP_HEADER, renderPage } from './render_page';

export interface UiPlugin {
  id: string;
  /** The unpacked plugin's target/public directory. */
  publicDir: string;
}

export interface PageDeps {
  basePath: string;
  buildNum: number;
  osdVersion: string;
  defaultAppId: string;
  bundles: BrowserBundles;
  uiPlugins: UiPlugin[];
  userSettings(): Promise<UserProvidedSettings>;
  logger: Logger;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function serveFile(res: ServerResponse, file: string, head: boolean): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    sendError(res, 404, 'Not Found');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-cache',
  });
  if (head) res.end();
  else createReadStream(file).pipe(res);
}

/** `rel` inside `dir`, or undefined if it would escape it. */
function within(dir: string, rel: string): string | undefined {
  const file = resolve(dir, rel);
  return file.startsWith(dir + sep) ? file : undefined;
}

export function createPageHandler(deps: PageDeps) {
  const bundlesBase = `/${deps.buildNum}/bundles`;
  const url = (path: string) => `${deps.basePath}${bundlesBase}${path}`;
  const coreFiles: Record<string, string> = {
    '/osd-ui-shared-deps/osd-ui-shared-deps.js': deps.bundles.sharedDepsJs,
    '/osd-ui-shared-deps/eui_theme_light.css': deps.bundles.themeCss,
    '/osd-ui-shared-deps/charts_theme_light.css': deps.bundles.chartsThemeCss,
    '/core/bootstrap.js': deps.bundles.bootstrapJs,
    '/core/bootstrap.js.map': `${deps.bundles.bootstrapJs}.map`,
    '/core/core.entry.js': deps.bundles.coreJs,
    '/core/core.entry.js.map': `${deps.bundles.coreJs}.map`,
  };

  async function servePage(res: ServerResponse): Promise<void> {
    let user: UserProvidedSettings;
    try {
      user = await deps.userSettings();
    } catch (error) {
      deps.logger.error(error instanceof Error ? error : String(error));
      sendError(res, 500, 'An internal server error occurred.');
      return;
    }
    const metadata: InjectedMetadata = {
      version: deps.osdVersion,
      branch: deps.osdVersion.split('.').slice(0, 2).join('.'),
      buildNumber: deps.buildNum,
      basePath: deps.basePath,
      uiPlugins: deps.uiPlugins.map(({ id }) => ({ id, publicPath: url(`/plugin/${id}/`) })),
      uiSettings: { user },
    };
    const html = renderPage(metadata, {
      themeCss: url('/osd-ui-shared-deps/eui_theme_light.css'),
      chartsThemeCss: url('/osd-ui-shared-deps/charts_theme_light.css'),
      sharedDepsJs: url('/osd-ui-shared-deps/osd-ui-shared-deps.js'),
      bootstrapJs: url('/core/bootstrap.js'),
      pluginBundles: deps.uiPlugins.map(({ id }) => url(`/plugin/${id}/${id}.plugin.js`)),
      coreJs: url('/core/core.entry.js'),
    });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP_HEADER,
      'cache-control': 'private, no-cache, no-store, must-revalidate',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  }

  /** True when the request was one of ours (answered or failed), false to let the API router take it. */
  return async function handlePage(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string
  ): Promise<boolean> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (pathname === '/' || pathname === '/app' || pathname === '/app/') {
      res.writeHead(302, { location: `${deps.basePath}/app/${deps.defaultAppId}` });
      res.end();
      return true;
    }
    if (pathname.startsWith('/app/')) {
      await servePage(res);
      return true;
    }
    if (!pathname.startsWith(`${bundlesBase}/`)) return false;
    const rest = pathname.slice(bundlesBase.length);
    const head = method === 'HEAD';
    if (coreFiles[rest]) {
      serveFile(res, coreFiles[rest], head);
      return true;
    }
    const plugin = /^\/plugin\/([^/]+)\/(.+)$/.exec(rest);
    const ui = plugin && deps.uiPlugins.find((p) => p.id === plugin[1]);
    let file: string | undefined;
    try {
      file = ui ? within(ui.publicDir, decodeURIComponent(plugin[2])) : undefined;
    } catch {
      file = undefined;
    }
    if (file) serveFile(res, file, head);
    else sendError(res, 404, 'Not Found');
    return true;
  };
}

export function pluginPublicDir(pluginDir: string): string {
  return join(pluginDir, 'target', 'public');
}

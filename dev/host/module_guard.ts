/**
 * Keeps the unpacked plugin honest about its dependencies. In Dashboards, `plugins/<id>` sits inside the OSD
 * tree: a `require` from the plugin finds the zip's own node_modules, node's builtins, or a package OSD itself
 * ships. Here the plugin is unpacked inside this repository, where node would quietly fall back to the
 * repository's node_modules and hide a dependency missing from the zip. This hook refuses such a resolution.
 */
import Module, { builtinModules } from 'node:module';
import { sep } from 'node:path';

/** Packages an OSD 2.19 install has in its own node_modules (a plugin may rely on finding them there). */
export const OSD_PROVIDED_PACKAGES: readonly string[] = [
  '@opensearch-project/opensearch',
  'lodash',
  'moment',
  'moment-timezone',
  'rxjs',
  'tslib',
];

type ResolveFilename = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;
// Module._resolveFilename is node's internal resolver; it is not in @types/node, hence the local type.
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

const guardedRoots = new Set<string>();
let installed = false;

function packageName(request: string): string {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(request: string): boolean {
  return request.startsWith('node:') || builtinModules.includes(request.split('/')[0]);
}

export function guardPluginResolution(pluginDir: string): void {
  guardedRoots.add(pluginDir.endsWith(sep) ? pluginDir : pluginDir + sep);
  if (installed) return;
  installed = true;
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function guarded(request, parent, ...rest) {
    const resolved = original.call(this, request, parent, ...rest);
    const from = parent?.filename;
    if (!from || isBuiltin(request)) return resolved;
    const root = [...guardedRoots].find((r) => from.startsWith(r));
    if (
      !root ||
      resolved.startsWith(root) ||
      OSD_PROVIDED_PACKAGES.includes(packageName(request))
    ) {
      return resolved;
    }
    const error = new Error(
      `Cannot find module '${request}' from '${from}': it is not in the plugin zip's node_modules and ` +
        'OpenSearch Dashboards does not provide it (it only resolved here from the repository).'
    ) as Error & { code: string };
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  };
}

export function unguardPluginResolution(pluginDir: string): void {
  guardedRoots.delete(pluginDir.endsWith(sep) ? pluginDir : pluginDir + sep);
}

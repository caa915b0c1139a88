/**
 * The public bundle in the shape OSD's optimizer gives its own plugins (packages/osd-optimizer/src/worker/
 * webpack.config.ts), on webpack 5: one page-load file <id>.plugin.js that registers the plugin with
 * __osdBundles__, lazy chunks <id>.chunk.<n>.js fetched from window.__osdPublicPath__[<id>], shared
 * dependencies taken from window.__osdSharedDeps__, CSS injected as <style> tags (OSD loads no plugin CSS).
 * No Sass: a .scss import fails the build.
 */
import path from 'node:path';
import type { Configuration } from 'webpack';
import { EsbuildPlugin } from 'esbuild-loader';
import { OsdBundleExportsPlugin } from './osd_bundle_exports_plugin';
import { OSD_SHARED_DEPS } from '../lib/osd_facts';

/** Browsers OSD 2.19 supports all run ES2020. */
export const BROWSER_TARGET = 'es2020';

export interface PublicBundleOptions {
  pluginId: string;
  repoRoot: string;
  /** The generated entry file (see entrySource). */
  entryPath: string;
  /** public/index.ts, the module whose exports OSD reads. */
  publicIndexFile: string;
  outputDir: string;
}

export function chunkLoadingGlobal(pluginId: string): string {
  // OSD's optimizer names it <bundle id>_bundle_jsonpfunction; unique per plugin so two bundles never share chunks.
  return `${pluginId}_bundle_jsonpfunction`;
}

/**
 * What OSD's entry_point_creator + public_path_loader generate: set the public path before any chunk can be
 * requested, then hand OSD a require function and the module key of public/index.ts. OSD calls
 * __osdBundles__.get(key) = bundleRequire(moduleKey) only when it starts plugins, in page order.
 */
export function entrySource(pluginId: string, publicIndexRequest: string): string {
  const id = JSON.stringify(pluginId);
  return [
    `__webpack_public_path__ = window.__osdPublicPath__[${id}];`,
    `__webpack_nonce__ = window.__webpack_nonce__ || '';`,
    `__osdBundles__.define(${JSON.stringify(`plugin/${pluginId}/public`)}, __webpack_require__, require.resolve(${JSON.stringify(publicIndexRequest)}));`,
    '',
  ].join('\n');
}

export function createWebpackConfig(options: PublicBundleOptions): Configuration {
  const { pluginId, repoRoot } = options;
  const tsLoader = {
    loader: require.resolve('esbuild-loader'),
    options: { target: BROWSER_TARGET, tsconfig: path.join(repoRoot, 'tsconfig.json') },
  };
  return {
    mode: 'production',
    context: repoRoot,
    target: ['web', BROWSER_TARGET],
    devtool: false,
    entry: { [pluginId]: options.entryPath },
    output: {
      path: options.outputDir,
      filename: `${pluginId}.plugin.js`,
      chunkFilename: `${pluginId}.chunk.[id].js`,
      // Overwritten at runtime by the entry's first statement; '' keeps webpack from adding auto-detection code.
      publicPath: '',
      chunkLoadingGlobal: chunkLoadingGlobal(pluginId),
      uniqueName: pluginId,
      clean: true,
    },
    externals: { ...OSD_SHARED_DEPS },
    externalsType: 'var',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      mainFields: ['browser', 'module', 'main'],
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /[\\/]node_modules[\\/]/, use: tsLoader },
        // webpack's own CSS support, injecting <style> tags from the JS that imports the stylesheet.
        { test: /\.css$/, type: 'css/auto', parser: { exportType: 'style' } },
      ],
    },
    optimization: {
      emitOnErrors: false,
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      minimizer: [new EsbuildPlugin({ target: BROWSER_TARGET, legalComments: 'none' })],
    },
    plugins: [new OsdBundleExportsPlugin(options.publicIndexFile)],
    experiments: { css: true },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  };
}

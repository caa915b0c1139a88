/**
 * Command line of `npm run build`: `--osd-version <x.y.z>` picks the OpenSearch Dashboards release the zip is for.
 * OSD 2.x refuses a plugin whose opensearchDashboardsVersion differs from its own by even a patch level, so the
 * version is part of the artifact's identity and is checked before anything is built.
 */
import { DEFAULT_OSD_VERSION, PLUGIN_ID } from '../../common/constants';

export class BuildUsageError extends Error {
  override readonly name = 'BuildUsageError';
}

export interface BuildArgs {
  osdVersion: string;
}

const OSD_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isValidOsdVersion(version: string): boolean {
  return OSD_VERSION.test(version);
}

export function parseBuildArgs(argv: readonly string[]): BuildArgs {
  let osdVersion: string = DEFAULT_OSD_VERSION;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--osd-version') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new BuildUsageError('--osd-version needs a value, e.g. --osd-version 2.19.3');
      }
      osdVersion = value;
      i += 1;
    } else if (arg.startsWith('--osd-version=')) {
      osdVersion = arg.slice('--osd-version='.length);
    } else {
      throw new BuildUsageError(
        `unknown argument "${arg}"; usage: npm run build -- --osd-version <x.y.z>`
      );
    }
  }
  if (!isValidOsdVersion(osdVersion)) {
    throw new BuildUsageError(
      `--osd-version must be an exact OpenSearch Dashboards release such as 2.19.3 (x.y.z, digits only); got "${osdVersion}"`
    );
  }
  return { osdVersion };
}

/** build/<id>-<osdVersion>.zip: one zip per target release, the name OSD's own plugin builds use. */
export function zipFileName(osdVersion: string): string {
  return `${PLUGIN_ID}-${osdVersion}.zip`;
}

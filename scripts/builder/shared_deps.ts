// The globals themselves are OSD facts shared with the dev host; re-exported for the builder's callers.
export { OSD_2_19_SHARED_DEP_KEYS, OSD_SHARED_DEPS } from '../lib/osd_facts';

/**
 * The build's guard around OSD's shared dependencies (their globals are in scripts/lib/osd_facts.ts, which
 * the webpack externals use). Packages whose files must never end up inside our bundle, whatever the import
 * path: a deep import such as '@elastic/eui/lib/components/button' is not covered by the externals and would
 * copy OUI in.
 */
export const NEVER_BUNDLED_PACKAGES: readonly string[] = [
  'react',
  'react-dom',
  'react-router',
  'react-router-dom',
  '@elastic/eui',
  '@opensearch-project/oui',
  '@elastic/charts',
  'moment',
  'moment-timezone',
  'lodash',
  'rxjs',
  'styled-components',
  'jquery',
  'tslib',
];

/** The package a resolved file belongs to, from its last node_modules segment; undefined for our own sources. */
export function packageOfPath(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const first = parts[at + 1];
  return first.startsWith('@') && at + 2 < parts.length ? `${first}/${parts[at + 2]}` : first;
}

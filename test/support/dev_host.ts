/**
 * Starts the development host for a test: the built zip (build/pinpoint-<osd>.zip, from `npm run build`),
 * the cluster in OPENSEARCH_URL (set by the test orchestrator; missing is an error, not a skip), a free port,
 * its own unpack directory and its own saved-objects index, so test files can run side by side.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultZipPath,
  startDevHost,
  type DevHost,
  type DevHostOptions,
} from '../../dev/host/dev_host';
import type { LogRecord } from '../../dev/host/logger';
import { REPO_ROOT } from '../../dev/host/page/browser_bundles';

export function requireOpenSearchUrl(): string {
  const url = process.env.OPENSEARCH_URL;
  if (!url) {
    throw new Error(
      'OPENSEARCH_URL is not set: run this test through `npm test` (scripts/test.sh)'
    );
  }
  return url;
}

export interface TestDevHost extends DevHost {
  /** Everything the host and the plugin logged, to assert on or print when a test fails. */
  logs: LogRecord[];
  /** Deletes the unpack directory and (unless the test chose the index) the saved-objects index too. */
  stop(): Promise<void>;
}

/** `name` makes the unpack directory and the saved-objects index unique to the test file. */
export async function startTestDevHost(
  name: string,
  overrides: Partial<DevHostOptions> = {}
): Promise<TestDevHost> {
  const suffix = `${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const workDir = join(REPO_ROOT, 'target', 'dev-host', 'tests', suffix);
  const savedObjectsIndex = `.kibana_t_${suffix}`;
  const opensearchUrl = overrides.opensearchUrl ?? requireOpenSearchUrl();
  const logs: LogRecord[] = [];
  const host = await startDevHost({
    zipPath: defaultZipPath(),
    opensearchUrl,
    port: 0,
    workDir,
    savedObjectsIndex,
    logLevel: 'debug',
    logSink: (record) => logs.push(record),
    ...overrides,
  });
  return {
    ...host,
    logs,
    async stop() {
      await host.stop();
      if (overrides.savedObjectsIndex === undefined) {
        // Ours alone: the alias goes with its `<index>_1`.
        await fetch(`${opensearchUrl}/${encodeURIComponent(`${savedObjectsIndex}_1`)}`, {
          method: 'DELETE',
        });
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

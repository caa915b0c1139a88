/**
 * `OPENSEARCH_URL=… npx tsx bench/dashboards_install.ts [--runs 7]`: the shipped saved objects written into a
 * fresh saved-objects index four ways, medians of N runs, against the raw engine call doing the same write:
 *   raw      one `_bulk` of the same documents (refresh=wait_for), nothing else;
 *   import   the dev host's `_import` logic (OSD's: reference check, conflict check, one bulk);
 *   install  the install service (read every object and the record, one bulk, read back, write the record);
 *   again    a second install on the same index (reads only: it writes nothing).
 */
import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { createLogger } from '../dev/host/logger';
import { asPortClient } from '../dev/host/request_context';
import { importSavedObjects, parseNdjson } from '../dev/host/saved_objects/import_objects';
import { ensureSavedObjectsIndex } from '../dev/host/saved_objects/kibana_index';
import { HostSavedObjectsClient } from '../dev/host/saved_objects/saved_objects_client';
import { rawId, toRawSource } from '../dev/host/saved_objects/serializer';
import { SavedObjectTypeRegistry } from '../dev/host/saved_objects/type_registry';
import { toNdjson } from '../common/saved_objects/ndjson';
import {
  dashboardsInstallRecordType,
  installDashboards,
  savedObjectsStore,
  shippedObjects,
} from '../server/services/dashboards';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const client = new Client({ node: process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200' });
const port = asPortClient(client);
const logger = createLogger(['bench'], 'error');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fresh() {
  const index = `.kibana_bench_dash_${randomBytes(3).toString('hex')}`;
  const registry = new SavedObjectTypeRegistry();
  registry.registerType(dashboardsInstallRecordType);
  await ensureSavedObjectsIndex(port, index, registry, logger);
  return { index, registry, so: new HostSavedObjectsClient(port, index, registry) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const objects = shippedObjects();
  const ndjson = toNdjson(objects);
  const times: Record<'raw' | 'import' | 'install' | 'again', number[]> = {
    raw: [],
    import: [],
    install: [],
    again: [],
  };
  const made: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const raw = await fresh();
    const imp = await fresh();
    const inst = await fresh();
    made.push(raw.index, imp.index, inst.index);
    const now = new Date().toISOString();
    const bulkBody = objects.flatMap((o) => [
      { create: { _index: raw.index, _id: rawId(o.type, o.id) } },
      toRawSource({ ...o, updated_at: now }, false),
    ]);
    times.raw.push(
      await timed(() =>
        client.transport.request({
          method: 'POST',
          path: '/_bulk',
          querystring: { refresh: 'wait_for' },
          bulkBody,
        })
      )
    );
    times.import.push(
      await timed(() =>
        importSavedObjects(
          parseNdjson(ndjson),
          { overwrite: false, createNewCopies: false },
          imp.so,
          imp.registry
        )
      )
    );
    const deps = {
      store: savedObjectsStore(inst.so),
      tenant: async () => ({ multitenancy: false, label: 'bench' }),
      pluginVersion: 'bench',
    };
    times.install.push(await timed(() => installDashboards(deps)));
    times.again.push(await timed(() => installDashboards(deps)));
  }
  for (const index of made) await client.indices.delete({ index: `${index}_1` }, { ignore: [404] });
  const raw = median(times.raw);
  const line = (name: keyof typeof times, what: string) =>
    `  ${what.padEnd(34)} ${median(times[name]).toFixed(0).padStart(5)} ms  ${(median(times[name]) / raw).toFixed(2)}x raw  (runs: ${times[name].map((t) => t.toFixed(0)).join(', ')})`;
  process.stdout.write(
    [
      `${objects.length} shipped saved objects (${Buffer.byteLength(ndjson)} bytes of ndjson), median of ${RUNS} runs:`,
      line('raw', 'raw _bulk, refresh=wait_for'),
      line('import', '_import (OSD semantics)'),
      line('install', 'install service, fresh'),
      line('again', 'install service, second run'),
      '',
    ].join('\n')
  );
  await client.close();
}

void main();

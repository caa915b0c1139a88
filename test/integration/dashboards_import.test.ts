/**
 * The shipped ndjson through the development host's import (OSD's importSavedObjectsFromStream semantics) and
 * the install service through its real saved-objects client, both on the real OpenSearch node:
 * - a fresh import writes every object; a second one with overwrite=false reports a conflict per object and
 *   writes nothing; overwrite=true rewrites them all;
 * - without the index pattern the visualizations' references are missing and nothing at all is written;
 * - the install service: fresh install, re-install (no write at all), a user-edited visualization kept unless
 *   named, the record of our own type in the same saved-objects index.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@opensearch-project/opensearch';
import { NDJSON_FILE_NAME } from '../../common/saved_objects/ndjson';
import { INSTALL_RECORD_TYPE } from '../../common/saved_objects/install_types';
import { createLogger } from '../../dev/host/logger';
import { asPortClient } from '../../dev/host/request_context';
import { importSavedObjects, parseNdjson } from '../../dev/host/saved_objects/import_objects';
import { ensureSavedObjectsIndex } from '../../dev/host/saved_objects/kibana_index';
import { HostSavedObjectsClient } from '../../dev/host/saved_objects/saved_objects_client';
import { SavedObjectTypeRegistry } from '../../dev/host/saved_objects/type_registry';
import {
  dashboardsInstallRecordType,
  dashboardsStatus,
  installDashboards,
  savedObjectsStore,
  type DashboardsDeps,
} from '../../server/services/dashboards';
import { requireOpenSearchUrl } from '../support/dev_host';

const internal = new Client({ node: requireOpenSearchUrl() });
const logger = createLogger(['test'], 'error');
const text = readFileSync(
  join(__dirname, '..', '..', 'common', 'saved_objects', NDJSON_FILE_NAME),
  'utf8'
);
const indices: string[] = [];

async function freshClient(name: string) {
  const index = `.kibana_t_dash_${name}_${randomBytes(3).toString('hex')}`;
  indices.push(`${index}_1`);
  const registry = new SavedObjectTypeRegistry();
  registry.registerType(dashboardsInstallRecordType);
  await ensureSavedObjectsIndex(asPortClient(internal), index, registry, logger);
  return {
    index,
    registry,
    client: new HostSavedObjectsClient(asPortClient(internal), index, registry),
  };
}

/** `_seq_no` of every document: any write changes one. */
async function seqNos(index: string): Promise<Record<string, number>> {
  await internal.indices.refresh({ index });
  const { body } = await internal.search({
    index,
    body: { size: 1000, seq_no_primary_term: true, query: { match_all: {} } },
  });
  return Object.fromEntries(
    (body.hits.hits as Array<{ _id: string; _seq_no: number }>).map((h) => [h._id, h._seq_no])
  );
}

afterAll(async () => {
  for (const index of indices) await internal.indices.delete({ index }, { ignore: [404] });
  await internal.close();
});

describe('importing the shipped ndjson (OSD import semantics)', () => {
  let ctx: Awaited<ReturnType<typeof freshClient>>;
  const objects = parseNdjson(text);
  beforeAll(async () => {
    ctx = await freshClient('import');
  });

  it('accepts the file into an empty tenant: every object written, success', async () => {
    const result = await importSavedObjects(
      parseNdjson(text),
      { overwrite: false, createNewCopies: false },
      ctx.client,
      ctx.registry
    );
    expect(result).toMatchObject({ success: true, successCount: objects.length });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(await seqNos(ctx.index))).toHaveLength(objects.length);
  });

  it('a second import with overwrite=false reports one conflict per object and writes nothing', async () => {
    const before = await seqNos(ctx.index);
    const result = await importSavedObjects(
      parseNdjson(text),
      { overwrite: false, createNewCopies: false },
      ctx.client,
      ctx.registry
    );
    expect(result.success).toBe(false);
    expect(result.errors?.map((e) => e.error.type)).toEqual(objects.map(() => 'conflict'));
    expect(await seqNos(ctx.index)).toEqual(before);
  });

  it('overwrite=true rewrites every object and reports each as overwritten', async () => {
    const before = await seqNos(ctx.index);
    const result = await importSavedObjects(
      parseNdjson(text),
      { overwrite: true, createNewCopies: false },
      ctx.client,
      ctx.registry
    );
    expect(result).toMatchObject({ success: true, successCount: objects.length });
    expect(result.successResults?.every((r) => r.overwrite === true)).toBe(true);
    const after = await seqNos(ctx.index);
    expect(Object.keys(after).every((id) => after[id] > before[id])).toBe(true);
  });

  it('without the index pattern the references are missing and nothing at all is written', async () => {
    const empty = await freshClient('missing');
    const withoutPattern = parseNdjson(text).filter((o) => o.type !== 'index-pattern');
    const result = await importSavedObjects(
      withoutPattern,
      { overwrite: true, createNewCopies: false },
      empty.client,
      empty.registry
    );
    expect(result.success).toBe(false);
    const missing = result.errors?.filter((e) => e.error.type === 'missing_references') ?? [];
    expect(missing.length).toBeGreaterThan(10);
    for (const e of missing) {
      const refs = (e.error as { references: Array<{ type: string; id: string }> }).references;
      expect(new Set(refs.map((r) => `${r.type}:${r.id}`))).toEqual(
        new Set(['index-pattern:pinpoint-events'])
      );
    }
    // OSD still counts what would have been written (the dashboards), and writes none of it.
    expect(result.successCount).toBe(withoutPattern.length - missing.length);
    expect(await seqNos(empty.index)).toEqual({});
  });
});

describe('the install service on the real saved-objects client', () => {
  let ctx: Awaited<ReturnType<typeof freshClient>>;
  let deps: DashboardsDeps;
  beforeAll(async () => {
    ctx = await freshClient('install');
    deps = {
      store: savedObjectsStore(ctx.client),
      tenant: async () => ({ multitenancy: false, label: 'the shared saved objects' }),
      pluginVersion: '2.19.3.0',
    };
  });

  it('installs everything fresh, then a re-install writes nothing at all', async () => {
    const first = await installDashboards(deps);
    expect(first.changed).toBe(true);
    expect(first.verified.found).toBe(first.verified.expected);
    const record = await ctx.client.get(INSTALL_RECORD_TYPE, INSTALL_RECORD_TYPE);
    expect(Object.keys((record.attributes as { objects: object }).objects)).toHaveLength(
      first.outcomes.length
    );
    const before = await seqNos(ctx.index);
    const second = await installDashboards(deps);
    expect(second.changed).toBe(false);
    expect(second.summary).toMatch(/^Nothing to change/);
    expect(await seqNos(ctx.index)).toEqual(before);
  });

  it('keeps a visualization a user edited in Dashboards unless the user names it', async () => {
    const id = 'pinpoint-sms-failure-reasons';
    const stored = await ctx.client.get<{ title: string }>('visualization', id);
    await ctx.client.update(
      'visualization',
      id,
      { title: 'Our SMS failures' },
      { version: stored.version }
    );
    const status = await dashboardsStatus(deps);
    expect(status.objects.find((o) => o.id === id)?.state).toBe('edited');
    const kept = await installDashboards(deps);
    expect(kept.outcomes.find((o) => o.id === id)?.action).toBe('kept');
    expect((await ctx.client.get<{ title: string }>('visualization', id)).attributes.title).toBe(
      'Our SMS failures'
    );
    const replaced = await installDashboards(deps, {
      replaceEdited: [{ type: 'visualization', id }],
    });
    expect(replaced.outcomes.find((o) => o.id === id)?.action).toBe('replaced');
    expect((await dashboardsStatus(deps)).counts.edited).toBe(0);
  });
});

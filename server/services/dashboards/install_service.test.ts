/**
 * The install rules over an in-memory store: fresh install, a second install that writes nothing, an edited
 * object kept unless named in replaceEdited, an older unedited one updated, dependencies brought along, the
 * index pattern merged (never replaced), a refusal from the saved-objects side as a 403 naming the tenant.
 */
import { describe, expect, it } from '@jest/globals';
import { refKey, type TenantInfo } from '../../../common/saved_objects/install_types';
import type { ExportedObject } from '../../../common/saved_objects/types';
import { ForbiddenError, ValidationError } from '../../errors';
import type { SavedObject } from '../../osd_port';
import { dashboardsStatus, installDashboards, type DashboardsDeps } from './install_service';
import { shippedObjects } from './shipped_objects';
import type { DashboardsStore, InstallRecord } from './store';

class MemoryStore implements DashboardsStore {
  objects = new Map<string, SavedObject>();
  record?: InstallRecord;
  writes = 0;
  recordWrites = 0;
  failWith?: unknown;

  async read(refs: Array<{ type: string; id: string }>) {
    return new Map(refs.map((r) => [refKey(r), structuredClone(this.objects.get(refKey(r)))]));
  }
  async write(objects: ExportedObject[], record?: InstallRecord) {
    if (this.failWith) throw this.failWith;
    if (record) await this.writeRecord(record);
    for (const o of objects) {
      this.writes += 1;
      this.objects.set(refKey(o), {
        id: o.id,
        type: o.type,
        attributes: structuredClone(o.attributes),
        references: structuredClone(o.references),
      });
    }
  }
  async readRecord() {
    return structuredClone(this.record);
  }
  async writeRecord(record: InstallRecord) {
    this.recordWrites += 1;
    this.record = structuredClone(record);
  }
}

const global: TenantInfo = { multitenancy: true, tenant: '', label: 'Global' };
const deps = (store: DashboardsStore): DashboardsDeps => ({
  store,
  tenant: async () => global,
  pluginVersion: '2.19.3.0',
  now: () => new Date('2026-12-01T10:00:00Z'),
});
const VIS = { type: 'visualization' as const, id: 'pinpoint-top-campaigns' };

function editTitle(store: MemoryStore, key: string, title: string) {
  const o = store.objects.get(key)!;
  o.attributes = { ...o.attributes, title };
}

describe('installDashboards', () => {
  it('installs every shipped object into an empty tenant and records a hash for each', async () => {
    const store = new MemoryStore();
    const result = await installDashboards(deps(store));
    const n = shippedObjects().length;
    expect(result.changed).toBe(true);
    expect(result.outcomes.filter((o) => o.action === 'created')).toHaveLength(n);
    expect(result.verified).toEqual({ expected: n, found: n });
    expect(Object.keys(store.record!.objects)).toHaveLength(n);
    expect(result.summary).toBe(`Installed into Global: ${n} created`);
    const status = await dashboardsStatus(deps(store));
    expect(status.counts).toEqual({ missing: 0, current: n, outdated: 0, edited: 0 });
    expect(status.record).toBe('present');
  });

  it('writes nothing the second time, record included, and says so', async () => {
    const store = new MemoryStore();
    await installDashboards(deps(store));
    const [writes, recordWrites] = [store.writes, store.recordWrites];
    const again = await installDashboards(deps(store));
    expect(again.changed).toBe(false);
    expect([store.writes, store.recordWrites]).toEqual([writes, recordWrites]);
    expect(again.summary).toMatch(/^Nothing to change in Global: \d+ object\(s\) already current$/);
  });

  it('keeps a visualization a user edited, and replaces it only when asked for that object', async () => {
    const store = new MemoryStore();
    await installDashboards(deps(store));
    editTitle(store, refKey(VIS), 'My campaigns');
    const status = await dashboardsStatus(deps(store));
    expect(status.objects.find((o) => o.id === VIS.id)).toMatchObject({
      state: 'edited',
      detail: 'edited since we installed it on 2026-12-01',
    });
    const kept = await installDashboards(deps(store));
    expect(kept.changed).toBe(false);
    expect(kept.outcomes.find((o) => o.id === VIS.id)?.action).toBe('kept');
    expect(store.objects.get(refKey(VIS))!.attributes.title).toBe('My campaigns');

    const replaced = await installDashboards(deps(store), { replaceEdited: [VIS] });
    expect(replaced.outcomes.find((o) => o.id === VIS.id)?.action).toBe('replaced');
    expect(store.objects.get(refKey(VIS))!.attributes.title).toBe(
      'Pinpoint: top campaigns by email send events'
    );
  });

  it('updates without asking what an earlier version installed and nobody edited', async () => {
    const store = new MemoryStore();
    await installDashboards(deps(store));
    // Simulate an older shipped version: stored content and the record's hash agree, both differ from today's.
    editTitle(store, refKey(VIS), 'Top campaigns (v1)');
    const { contentHash } = await import('./object_hash');
    store.record!.objects[refKey(VIS)].hash = contentHash(store.objects.get(refKey(VIS))!);
    expect((await dashboardsStatus(deps(store))).objects.find((o) => o.id === VIS.id)?.state).toBe(
      'outdated'
    );
    const result = await installDashboards(deps(store));
    expect(result.outcomes.find((o) => o.id === VIS.id)?.action).toBe('updated');
  });

  it('brings a dashboard’s missing visualizations and index pattern along, and nothing else', async () => {
    const store = new MemoryStore();
    const result = await installDashboards(deps(store), {
      objects: [{ type: 'dashboard', id: 'pinpoint-pipeline-health' }],
    });
    const written = result.outcomes.map((o) => `${o.type}:${o.id}`).sort();
    expect(written).toEqual(
      [
        'dashboard:pinpoint-pipeline-health',
        'index-pattern:pinpoint-events',
        'visualization:pinpoint-arrival-lag',
        'visualization:pinpoint-events-per-hour-by-type',
        'visualization:pinpoint-events-per-index',
        'visualization:pinpoint-latest-arrival',
      ].sort()
    );
    expect(store.objects.size).toBe(6);
  });

  it('merges its scripted fields into an index pattern that exists, keeping the user’s fields', async () => {
    const store = new MemoryStore();
    const userField = {
      name: 'my_field',
      type: 'number',
      scripted: true,
      script: '1',
      lang: 'painless',
    };
    store.objects.set('index-pattern:pinpoint-events', {
      id: 'pinpoint-events',
      type: 'index-pattern',
      attributes: {
        title: 'pinpoint*',
        timeFieldName: 'arrival_timestamp',
        fields: JSON.stringify([{ name: 'event_type', type: 'string' }, userField]),
        fieldFormatMap: '{"x":{}}',
      },
      references: [],
    });
    const before = await dashboardsStatus(deps(store));
    expect(before.objects[0]).toMatchObject({ type: 'index-pattern', state: 'outdated' });
    await installDashboards(deps(store));
    const stored = store.objects.get('index-pattern:pinpoint-events')!.attributes;
    const names = (JSON.parse(String(stored.fields)) as Array<{ name: string }>).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['event_type', 'my_field', 'pinpoint_hour_of_day'])
    );
    expect(stored.fieldFormatMap).toBe('{"x":{}}');
  });

  it('refuses ids it does not ship', async () => {
    await expect(
      installDashboards(deps(new MemoryStore()), { objects: [{ type: 'dashboard', id: 'nope' }] })
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('answers a saved-objects 403 with a ForbiddenError naming the tenant', async () => {
    const store = new MemoryStore();
    store.failWith = Object.assign(new Error('no permissions for [indices:data/write/index]'), {
      isBoom: true,
      output: {
        statusCode: 403,
        payload: { message: 'no permissions for [indices:data/write/index]' },
      },
    });
    const error = await installDashboards(deps(store)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(
      /^installing the Pinpoint dashboards in Global: the current user may not write saved objects there \(no permissions/
    );
  });
});

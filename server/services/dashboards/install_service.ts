/**
 * Install the shipped dashboards into the caller's tenant without ever clobbering a user's work:
 * - missing objects are created, ours-and-unedited ones (the record's hash still matches) are updated,
 *   current ones are left alone, edited ones are kept unless the user asked to replace that very object;
 * - nothing is ever deleted;
 * - a dashboard brings its missing visualizations and the index pattern along;
 * - the record (our own saved object, per tenant) holds the hash of what we wrote, so the next look can tell
 *   "ours, older" from "edited since";
 * - idempotent: a second install writes nothing, record included, and says so;
 * - afterwards every written object is read back through the same tenant.
 */
import {
  refKey,
  type DashboardsStatus,
  type InstallOutcome,
  type InstallRequest,
  type InstallResult,
  type ObjectRef,
  type ObjectState,
  type ObjectStatus,
  type TenantInfo,
} from '../../../common/saved_objects/install_types';
import type { ExportedObject, ShippedType } from '../../../common/saved_objects/types';
import { ForbiddenError, toDomainError, ValidationError } from '../../errors';
import type { Logger, SavedObject } from '../../osd_port';
import { readUpstreamError } from '../../upstream_errors';
import { indexPatternVerdict } from './index_pattern_state';
import { contentHash } from './object_hash';
import { shippedObjects } from './shipped_objects';
import type { DashboardsStore, InstallRecord } from './store';

export interface DashboardsDeps {
  store: DashboardsStore;
  /** Where the store's reads and writes land (tenant.ts). */
  tenant(): Promise<TenantInfo>;
  pluginVersion: string;
  now?: () => Date;
  logger?: Logger;
}

interface Assessed {
  shipped: ExportedObject;
  status: ObjectStatus;
  /** What an install or update writes. */
  desired: ExportedObject;
}

interface Assessment {
  objects: Assessed[];
  record: InstallRecord | undefined | 'unsupported';
  tenant: TenantInfo;
}

const titleOf = (o: ExportedObject) => String((o.attributes as { title?: unknown }).title ?? o.id);

function verdict(
  shipped: ExportedObject,
  stored: SavedObject | undefined,
  record: Assessment['record']
): { state: ObjectState; detail: string; desired: ExportedObject } {
  if (shipped.type === 'index-pattern') {
    const v = indexPatternVerdict(shipped, stored);
    return { state: v.state, detail: v.detail, desired: v.merged };
  }
  if (!stored) return { state: 'missing', detail: 'not in this tenant', desired: shipped };
  const hash = contentHash(stored);
  if (hash === contentHash(shipped)) {
    return { state: 'current', detail: 'the shipped version', desired: shipped };
  }
  const entry = typeof record === 'object' ? record.objects[refKey(shipped)] : undefined;
  if (entry?.hash === hash) {
    return {
      state: 'outdated',
      detail: 'an earlier version we installed, unedited',
      desired: shipped,
    };
  }
  const detail = entry
    ? `edited since we installed it on ${entry.installedAt.slice(0, 10)}`
    : 'differs from the shipped version and there is no record that we installed it';
  return { state: 'edited', detail, desired: shipped };
}

/** A refusal from the saved-objects side, in words that name the tenant and the fix. */
function explain(error: unknown, doing: string, tenant: TenantInfo | undefined): unknown {
  const f = readUpstreamError(error);
  if (f.kind === 'forbidden' || f.kind === 'unauthorized') {
    const where = tenant ? ` in ${tenant.label}` : '';
    return new ForbiddenError(
      `${doing}${where}: the current user may not ${doing.startsWith('reading') ? 'read' : 'write'} saved objects there (${f.reason}); ask for write access to that tenant, or choose a tenant you can write to`,
      { tenant: tenant?.label }
    );
  }
  return toDomainError(error, doing);
}

async function assess(deps: DashboardsDeps): Promise<Assessment> {
  const shipped = shippedObjects();
  let tenant: TenantInfo | undefined;
  try {
    tenant = await deps.tenant();
    const refs = shipped.map((o) => ({ type: o.type as ShippedType, id: o.id }));
    const [stored, record] = await Promise.all([deps.store.read(refs), deps.store.readRecord()]);
    const objects = shipped.map((o) => {
      const v = verdict(o, stored.get(refKey(o)), record);
      const entry = typeof record === 'object' ? record.objects[refKey(o)] : undefined;
      const status: ObjectStatus = {
        type: o.type as ShippedType,
        id: o.id,
        title: titleOf(o),
        state: v.state,
        detail: v.detail,
        ...(entry && v.state !== 'missing' && { installedAt: entry.installedAt }),
      };
      return { shipped: o, status, desired: v.desired };
    });
    return { objects, record, tenant };
  } catch (error) {
    throw explain(error, 'reading the Pinpoint dashboards', tenant);
  }
}

function counts(objects: Assessed[]): Record<ObjectState, number> {
  const c: Record<ObjectState, number> = { missing: 0, current: 0, outdated: 0, edited: 0 };
  for (const o of objects) c[o.status.state] += 1;
  return c;
}

export async function dashboardsStatus(deps: DashboardsDeps): Promise<DashboardsStatus> {
  const a = await assess(deps);
  return {
    objects: a.objects.map((o) => o.status),
    tenant: a.tenant,
    record: a.record === 'unsupported' ? 'unsupported' : a.record ? 'present' : 'absent',
    counts: counts(a.objects),
  };
}

/** The requested objects plus, transitively, the missing objects they reference. */
function selection(objects: Assessed[], requested: ObjectRef[] | undefined): Set<string> {
  const byKey = new Map(objects.map((o) => [refKey(o.shipped), o]));
  const unknown = (requested ?? []).filter((r) => !byKey.has(refKey(r)));
  if (unknown.length > 0) {
    throw new ValidationError(
      `not shipped objects: ${unknown.map(refKey).join(', ')}; GET the dashboards status for the list`
    );
  }
  const chosen = new Set((requested ?? objects.map((o) => o.shipped)).map(refKey));
  const queue = [...chosen];
  while (queue.length > 0) {
    for (const ref of byKey.get(queue.pop()!)!.shipped.references) {
      const dep = byKey.get(refKey(ref));
      if (dep && dep.status.state === 'missing' && !chosen.has(refKey(ref))) {
        chosen.add(refKey(ref));
        queue.push(refKey(ref));
      }
    }
  }
  return chosen;
}

function plan(o: Assessed, replace: Set<string>): InstallOutcome {
  const base = { type: o.status.type, id: o.status.id, title: o.status.title };
  switch (o.status.state) {
    case 'missing':
      return { ...base, action: 'created', detail: 'installed' };
    case 'outdated':
      return { ...base, action: 'updated', detail: `updated: ${o.status.detail}` };
    case 'current':
      return { ...base, action: 'unchanged', detail: 'already the shipped version' };
    case 'edited':
      return replace.has(refKey(o.shipped))
        ? { ...base, action: 'replaced', detail: `replaced at your request (${o.status.detail})` }
        : {
            ...base,
            action: 'kept',
            detail: `kept: ${o.status.detail}; replace it only if you mean to`,
          };
  }
}

function nextRecord(
  a: Assessment,
  written: Set<string>,
  pluginVersion: string,
  now: string
): InstallRecord | undefined {
  if (a.record === 'unsupported') return undefined;
  const before = a.record?.objects ?? {};
  const objects: InstallRecord['objects'] = {};
  for (const o of a.objects) {
    const key = refKey(o.shipped);
    const current = o.status.state === 'current' || written.has(key);
    if (current) {
      // The shipped content: for the index pattern, whose stored field list moves on its own, that is stable.
      const hash = contentHash(o.shipped);
      objects[key] = before[key]?.hash === hash ? before[key] : { hash, installedAt: now };
    } else if (before[key]) {
      objects[key] = before[key];
    }
  }
  const same =
    a.record !== undefined &&
    Object.keys(objects).length === Object.keys(before).length &&
    Object.entries(objects).every(([k, e]) => before[k]?.hash === e.hash);
  return same ? undefined : { pluginVersion, updatedAt: now, objects };
}

function summarize(outcomes: InstallOutcome[], tenant: TenantInfo, changed: boolean): string {
  const n = (action: InstallOutcome['action']) =>
    outcomes.filter((o) => o.action === action).length;
  const kept = n('kept');
  if (!changed) {
    return `Nothing to change in ${tenant.label}: ${n('unchanged')} object(s) already current${kept ? `, ${kept} edited object(s) kept` : ''}`;
  }
  const parts = [
    n('created') && `${n('created')} created`,
    n('updated') && `${n('updated')} updated`,
    n('replaced') && `${n('replaced')} replaced`,
    n('unchanged') && `${n('unchanged')} unchanged`,
    kept && `${kept} edited kept`,
  ].filter(Boolean);
  return `Installed into ${tenant.label}: ${parts.join(', ') || 'install record updated'}`;
}

export async function installDashboards(
  deps: DashboardsDeps,
  request: InstallRequest = {}
): Promise<InstallResult> {
  const a = await assess(deps);
  const chosen = selection(a.objects, request.objects);
  const replace = new Set((request.replaceEdited ?? []).map(refKey));
  const outcomes = a.objects
    .filter((o) => chosen.has(refKey(o.shipped)))
    .map((o) => plan(o, replace));
  const toWrite = a.objects.filter((o) =>
    outcomes.some(
      (p) =>
        refKey(p) === refKey(o.shipped) && ['created', 'updated', 'replaced'].includes(p.action)
    )
  );
  const written = new Set(toWrite.map((o) => refKey(o.shipped)));
  const now = (deps.now?.() ?? new Date()).toISOString();
  let verified = { expected: 0, found: 0 };
  const record = nextRecord(a, written, deps.pluginVersion, now);
  try {
    if (toWrite.length > 0 || record)
      await deps.store.write(
        toWrite.map((o) => o.desired),
        record
      );
    if (toWrite.length > 0) {
      const back = await deps.store.read(
        toWrite.map((o) => ({ type: o.status.type, id: o.status.id }))
      );
      const found = toWrite.filter((o) => {
        const stored = back.get(refKey(o.shipped));
        return stored !== undefined && verdict(o.shipped, stored, undefined).state === 'current';
      }).length;
      verified = { expected: toWrite.length, found };
    }
    const changed = toWrite.length > 0 || record !== undefined;
    if (changed) {
      deps.logger?.info(
        `pinpoint: dashboards install in ${a.tenant.label}: wrote ${toWrite.length} object(s)${record ? ' and the install record' : ''}`
      );
    }
    return {
      changed,
      outcomes,
      tenant: a.tenant,
      verified,
      summary: summarize(outcomes, a.tenant, changed),
    };
  } catch (error) {
    throw explain(error, 'installing the Pinpoint dashboards', a.tenant);
  }
}

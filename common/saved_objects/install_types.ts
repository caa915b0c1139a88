/**
 * The install of the shipped saved objects, as both sides see it: per-object state, the tenant the objects go
 * to, the install request and its result, the route paths, and the plugin's own record type. Pure: validators
 * for the request body live here so the route and the CLI refuse the same inputs with the same words.
 */
import { API_BASE } from '../constants';
import { InvalidInputError } from '../validation';
import type { ShippedType } from './types';

export const DASHBOARDS_API_PATHS = {
  /** GET: every shipped object's state in the caller's tenant, and which tenant that is. */
  status: `${API_BASE}/dashboards`,
  /** POST {objects?, replaceEdited?}: install or update; idempotent. */
  install: `${API_BASE}/dashboards/install`,
} as const;

/** The plugin's own saved-object type: what we installed, a content hash per object, per tenant. */
export const INSTALL_RECORD_TYPE = 'pinpoint-dashboards-install' as const;
export const INSTALL_RECORD_ID = 'pinpoint-dashboards-install' as const;

/**
 * - missing: not in this tenant;
 * - current: exactly what this version ships;
 * - outdated: what an earlier version installed, unedited since (updated without asking);
 * - edited: changed since we installed it, or not installed by us (replaced only when the user asks).
 */
export type ObjectState = 'missing' | 'current' | 'outdated' | 'edited';

export interface ObjectRef {
  type: ShippedType;
  id: string;
}

export interface ObjectStatus extends ObjectRef {
  title: string;
  state: ObjectState;
  /** One sentence saying why, for the page and the CLI. */
  detail: string;
  /** When this plugin last wrote it in this tenant (from the record), if it did. */
  installedAt?: string;
}

export interface TenantInfo {
  /** Whether the security plugin's multi-tenancy decides where saved objects go. */
  multitenancy: boolean;
  /** The tenant as the security plugin names it: '' Global, '__user__' Private, or a custom tenant. */
  tenant?: string;
  /** For people: "Global", "Private (alice)", "Marketing". */
  label: string;
  /** Tenants the user may write to, by label (when the security plugin says). */
  writable?: string[];
  username?: string;
}

export interface DashboardsStatus {
  objects: ObjectStatus[];
  tenant: TenantInfo;
  /** Whether this tenant holds our install record (no record: every object that differs counts as edited). */
  record: 'present' | 'absent' | 'unsupported';
  counts: Record<ObjectState, number>;
}

export type InstallAction = 'created' | 'updated' | 'replaced' | 'unchanged' | 'kept';

export interface InstallOutcome extends ObjectRef {
  title: string;
  action: InstallAction;
  detail: string;
}

export interface InstallRequest {
  /** Objects to install (their missing dependencies come along); default every shipped object. */
  objects?: ObjectRef[];
  /** Edited objects the user agreed to replace with the shipped version. */
  replaceEdited?: ObjectRef[];
}

export interface InstallResult {
  changed: boolean;
  outcomes: InstallOutcome[];
  tenant: TenantInfo;
  /** Read back after the writes, through the same tenant: how many of the written objects are there. */
  verified: { expected: number; found: number };
  /** One line for a toast or the terminal. */
  summary: string;
}

const SHIPPED_TYPES: readonly string[] = ['index-pattern', 'visualization', 'dashboard'];
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function refList(value: unknown, what: string): ObjectRef[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 200) {
    throw new InvalidInputError(`${what} must be a list of at most 200 {type, id} objects`);
  }
  return value.map((item, i) => {
    const ref = item as { type?: unknown; id?: unknown };
    if (typeof ref?.type !== 'string' || !SHIPPED_TYPES.includes(ref.type)) {
      throw new InvalidInputError(
        `${what}[${i}].type must be one of ${SHIPPED_TYPES.join(', ')} (the types we ship)`
      );
    }
    if (typeof ref.id !== 'string' || !ID.test(ref.id)) {
      throw new InvalidInputError(
        `${what}[${i}].id must be a shipped object id: lowercase letters, digits and "-"`
      );
    }
    return { type: ref.type as ShippedType, id: ref.id };
  });
}

export function parseInstallRequest(body: unknown): InstallRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidInputError('the body must be an object {objects?, replaceEdited?}');
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => k !== 'objects' && k !== 'replaceEdited');
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown field(s) ${unknown.join(', ')}; expected objects, replaceEdited`
    );
  }
  return {
    objects: refList(b.objects, 'objects'),
    replaceEdited: refList(b.replaceEdited, 'replaceEdited'),
  };
}

export const refKey = (ref: { type: string; id: string }): string => `${ref.type}:${ref.id}`;

/** The security plugin's tenant names for people. */
/** Whether the user may write to the tenant their calls go to; null without multi-tenancy or when not said. */
export function tenantWritable(tenant: TenantInfo): boolean | null {
  if (!tenant.multitenancy || tenant.writable === undefined) return null;
  return tenant.writable.includes(tenant.label);
}

export function tenantLabel(tenant: string | undefined, username?: string): string {
  if (tenant === undefined) return 'the shared saved objects (no multi-tenancy)';
  if (tenant === '' || tenant.toLowerCase() === 'global' || tenant === 'global_tenant')
    return 'Global';
  if (tenant === '__user__' || tenant.toLowerCase() === 'private') {
    return username ? `Private (${username})` : 'Private';
  }
  return tenant;
}

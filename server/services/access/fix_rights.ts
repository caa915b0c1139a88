/**
 * Which fixes of the index report the current user may make, said before anyone presses a button: every fix's
 * remedy gets its `rights` (what it needs, and whether this user has it), and the report gets one check
 * (`access.fixes`) naming the fixes that need more rights.
 *
 * How we know, best first:
 * - no security plugin: nothing is checked per user;
 * - the security plugin answers permission checks (3.2+): each request the fix would make is checked, not made;
 * - Dashboards writes (index pattern, default): the tenant's write access from the plugin's authinfo;
 * - otherwise (the plugin before 3.2): not known in advance; the fix itself is refused with a 403 naming the
 *   permission, and nothing is written.
 */
import type { FixAction, FixRights } from '../../../common/check';
import { fixNeeds, permissionText, type FixContext } from '../../../common/fix_permissions';
import { indexPatternId } from '../../../common/index_pattern';
import { plural } from '../../../common/plural';
import { REPAIR_STATE_INDEX, repairTargetName } from '../../../common/repair';
import type { IndexCheck, IndexEvidence } from '../../../common/report';
import type { OpenSearchClient, TransportRequestParams } from '../../osd_port';
import { readUpstreamError } from '../../upstream_errors';
import { openPermissionChecker, type PermissionChecker } from './permission_check';
import { tenantWritable, type TenantInfo } from '../../../common/saved_objects/install_types';
import { tenantFromAuthInfo } from '../dashboards/tenant';
import { readSecurityIdentity, type SecurityIdentity } from './security_identity';

export interface AccessReading {
  identity: SecurityIdentity;
  /** Where the user's Dashboards writes go (a user identity only). */
  tenant?: TenantInfo;
  /** Present when the cluster answers permission checks for this user. */
  checker?: PermissionChecker;
}

/** Who the user is and how their rights can be learnt: two reads, started with the report's others. */
export async function readAccess(
  client: OpenSearchClient,
  distribution: 'opensearch' | 'elasticsearch'
): Promise<AccessReading> {
  const identity = await readSecurityIdentity(client, distribution);
  if (identity.kind !== 'user') return { identity };
  const checker = await openPermissionChecker(client).catch(() => undefined);
  return { identity, tenant: tenantFromAuthInfo(identity.authInfo), checker };
}

export interface FixRightsContext extends FixContext {
  templateName: string;
  /** The template body the fix would PUT. */
  desiredTemplate: Record<string, unknown>;
}

const enc = encodeURIComponent;

/** The requests a fix makes that need rights, in the shape the permission check wants them. */
export function fixRequests(fix: FixAction, ctx: FixRightsContext): TransportRequestParams[] {
  switch (fix.kind) {
    case 'install_template':
    case 'update_template':
      return [
        {
          method: 'PUT',
          path: `/${ctx.flavor === 'composable' ? '_index_template' : '_template'}/${enc(ctx.templateName)}`,
          body: ctx.desiredTemplate,
        },
      ];
    case 'repair_indices': {
      // One index speaks for all: they match the same patterns, which is what roles grant on.
      const source = fix.indices[0];
      if (!source) return [];
      const target = repairTargetName(source);
      return [
        {
          method: 'PUT',
          path: `/${enc(source)}/_settings`,
          body: { index: { blocks: { write: true } } },
        },
        { method: 'PUT', path: `/${enc(target)}`, body: {} },
        // Not `_reindex`: the 3.4 plugin answers its check with a 500 (a class cast), or, without waiting,
        // with a task whose stored result creates `.tasks`: a write nobody asked for. See UNCHECKED below.
        { method: 'PUT', path: `/${enc(target)}/_doc/permission-check`, body: {} },
        {
          method: 'POST',
          path: '/_aliases',
          body: {
            actions: [
              { add: { index: target, alias: source } },
              { remove_index: { index: source } },
            ],
          },
        },
        { method: 'PUT', path: `/${REPAIR_STATE_INDEX}/_doc/${enc(source)}`, body: {} },
      ];
    }
    case 'create_index_pattern':
    case 'update_index_pattern':
    case 'make_default': {
      const id = `index-pattern:${indexPatternId(ctx.prefix)}`;
      // What Dashboards writes, as the user, into the tenant's copy of its index (the client carries the
      // user's securitytenant header as Dashboards' own does).
      return [
        {
          method: 'PUT',
          path: `/${DASHBOARDS_INDEX}/_doc/${enc(id)}`,
          body: {},
        },
        // Saved objects are written with _bulk, a cluster permission of its own.
        {
          method: 'POST',
          path: '/_bulk',
          bulkBody: [{ index: { _index: DASHBOARDS_INDEX, _id: id } }, {}],
        },
      ];
    }
  }
}

/** Dashboards' default index name; the security plugin maps it to the tenant's own index. */
const DASHBOARDS_INDEX = '.kibana';

/** A fix that writes saved objects into the user's tenant, as the table says. */
const needsTenantWrite = (fix: FixAction, ctx: FixContext): boolean =>
  fixNeeds(fix, ctx).permissions.some((p) => p.scope === 'tenant');

const ALL_ACCESS = 'all_access';

const NOT_CHECKABLE =
  'The security plugin of this cluster cannot check permissions in advance (it can from OpenSearch 3.2): a fix you may not make is refused with a 403 naming the permission, and nothing is written.';

async function rightsFor(
  fix: FixAction,
  ctx: FixRightsContext,
  access: AccessReading
): Promise<FixRights> {
  const needs = fixNeeds(fix, ctx).permissions.map(permissionText);
  const rights = (allowed: boolean | null, basis: string, missing: string[] = []): FixRights => ({
    needs,
    allowed,
    missing,
    basis,
  });
  const { identity } = access;
  if (identity.kind === 'none') {
    return rights(
      true,
      'This cluster has no security plugin: requests are not checked per user (on Amazon OpenSearch Service the domain access policy still applies).'
    );
  }
  if (identity.kind === 'unknown') {
    return rights(null, `Could not ask the security plugin who you are (${identity.reason}).`);
  }
  const { tenant } = access;
  // The tenant's read-only flag is exact; a writable tenant still needs the roles' index rights.
  if (tenant && needsTenantWrite(fix, ctx) && tenantWritable(tenant) === false) {
    return rights(false, `The Dashboards tenant ${tenant.label} is read-only for you.`, [
      `write access to the Dashboards tenant ${tenant.label}`,
    ]);
  }
  // The plugin's static all_access role grants every permission and cannot be edited: exact, not a guess.
  if (identity.roles.includes(ALL_ACCESS)) {
    return rights(true, `You have the security plugin's ${ALL_ACCESS} role.`);
  }
  if (!access.checker) return rights(null, NOT_CHECKABLE);
  try {
    const answers = await Promise.all(fixRequests(fix, ctx).map((r) => access.checker!.check(r)));
    if (answers.some((a) => a === undefined)) return rights(null, NOT_CHECKABLE);
    const missing = [...new Set(answers.flatMap((a) => a!.missing))];
    if (missing.length > 0 || answers.some((a) => !a!.allowed)) {
      return rights(
        false,
        'The security plugin checked the requests of the fix without making them.',
        missing
      );
    }
    const unchecked = UNCHECKED[fix.kind];
    return unchecked
      ? rights(
          null,
          `The security plugin allows every request of the fix it can check; ${unchecked.what} it cannot check in advance (it needs ${unchecked.needs}).`
        )
      : rights(true, 'The security plugin checked each request of the fix without making it.');
  } catch (error) {
    return rights(null, `The permission check failed (${readUpstreamError(error).reason}).`);
  }
}

/** Requests of a fix the permission check cannot answer for (see fixRequests). */
const UNCHECKED: Partial<Record<FixAction['kind'], { what: string; needs: string }>> = {
  repair_indices: { what: 'the copy (_reindex)', needs: 'cluster: indices:data/write/reindex' },
};

type AccessCheck = Extract<IndexCheck, { id: 'access.fixes' }>;
type FixEntry = IndexEvidence['access.fixes']['fixes'][number];

/** Each check's remedy with its rights, and the one check that sums them up. */
export async function assessFixRights(
  checks: readonly IndexCheck[],
  ctx: FixRightsContext,
  access: AccessReading
): Promise<{ checks: IndexCheck[]; access?: AccessCheck }> {
  const byFix = new Map<string, Promise<FixRights>>();
  const rightsOf = (fix: FixAction): Promise<FixRights> => {
    const key = JSON.stringify(fix);
    if (!byFix.has(key)) byFix.set(key, rightsFor(fix, ctx, access));
    return byFix.get(key)!;
  };
  const annotated = await Promise.all(
    checks.map(async (check): Promise<IndexCheck> => {
      const fix = check.remedy?.fix;
      if (!fix || !check.remedy) return check;
      return { ...check, remedy: { ...check.remedy, rights: await rightsOf(fix) } } as IndexCheck;
    })
  );
  const fixes: FixEntry[] = [];
  for (const check of annotated) {
    const fix = check.remedy?.fix;
    const rights = check.remedy?.rights;
    if (!fix || !rights) continue;
    const { what, grantedBy } = fixNeeds(fix, ctx);
    if (fixes.some((f) => f.fix === what)) continue;
    fixes.push({ fix: what, check: check.id, ...rights, grantedBy });
  }
  // Nothing to do, nothing to have rights for: a clean report stays a list of passes.
  return {
    checks: annotated,
    access: fixes.length > 0 ? accessCheck(access, fixes) : undefined,
  };
}

const TITLE = 'Your rights for the fixes';

function accessCheck(access: AccessReading, fixes: FixEntry[]): AccessCheck {
  const { identity } = access;
  const who = identity.kind === 'user' ? identity.user : null;
  const evidence = {
    user: who,
    roles: identity.kind === 'user' ? identity.roles : [],
    tenant: access.tenant?.label ?? null,
    fixes,
  };
  const you = who ? `You (${who})` : 'You';
  const base = { id: 'access.fixes' as const, title: TITLE, evidence };
  const denied = fixes.filter((f) => f.allowed === false);
  const unknown = fixes.filter((f) => f.allowed === null);
  if (denied.length > 0) {
    return {
      ...base,
      status: 'warn',
      message: `${you} may not make ${denied.length} of the ${plural(fixes.length, 'fix', 'fixes')} offered: ${denied
        .map((f) => `${f.fix} (missing ${f.missing.join(', ') || f.needs.join(', ')})`)
        .join('; ')}.`,
      remedy: {
        text: `Ask someone with more rights to make ${denied.length === 1 ? 'it' : 'them'}, or an administrator to give you ${denied
          .map((f) => `${f.grantedBy} (${f.fix})`)
          .join('; ')}.`,
      },
    };
  }
  if (unknown.length > 0) {
    return {
      ...base,
      status: 'unknown',
      message: `Could not find out whether ${who ?? 'you'} may make ${unknown
        .map((f) => f.fix)
        .join(', ')}: ${unknown[0].basis} ${unknown.length === 1 ? 'It needs' : 'They need'} ${[
        ...new Set(unknown.flatMap((f) => f.needs)),
      ].join(', ')}.`,
    };
  }
  return {
    ...base,
    status: 'pass',
    message:
      identity.kind === 'none'
        ? `No security plugin on this cluster: the ${plural(fixes.length, 'fix', 'fixes')} offered ${fixes.length === 1 ? 'needs' : 'need'} no per-user rights.`
        : `${you} may make every fix offered (${fixes.map((f) => f.fix).join(', ')}).`,
  };
}

/**
 * What each fix of the index report needs of the user who makes it, in the security plugin's own terms (the
 * action names its 403s quote, and the static action groups that grant them), as data.
 *
 * Every user-triggered call runs as the current user, so on a cluster with fine-grained access control a
 * read-only user gets the report but not the fixes. The table lets the report say which fixes need more rights
 * before anyone presses a button; test/integration/fix_permissions.test.ts proves it is enough by giving a user
 * exactly these permissions (plus the read-only role) and making each fix as that user.
 */
import type { FixAction } from './check';
import { indexPatternTitle } from './index_naming';
import { REPAIR_STATE_INDEX, REPAIR_TARGET_SUFFIX } from './repair';
import type { TemplateFlavor } from './template';

export interface RequiredPermission {
  /** Cluster-wide, on indices matching `on`, or write access to the Dashboards tenant the user works in. */
  scope: 'cluster' | 'index' | 'tenant';
  /** The action name (`indices:admin/index_template/put`); for the tenant scope, the tenant permission. */
  action: string;
  /** Index pattern (index scope). */
  on?: string;
}

export interface FixNeeds {
  /** What the fix does, as a user would name it. */
  what: string;
  permissions: RequiredPermission[];
  /** What grants all of it in the security plugin's static roles and action groups, for the administrator. */
  grantedBy: string;
}

export interface FixContext {
  prefix: string;
  flavor: TemplateFlavor;
}

/**
 * The index pattern and the default index are saved objects, written by Dashboards as the user into the
 * tenant's copy of the Dashboards index: the tenant must be writable, and the user's roles must allow the
 * writes on that index (the static role kibana_user does).
 */
export const DASHBOARDS_INDEX_PATTERN = '.kibana*';

const DASHBOARDS_WRITE: RequiredPermission[] = [
  { scope: 'tenant', action: 'kibana_all_write' },
  { scope: 'cluster', action: 'indices:data/write/bulk' },
  { scope: 'index', action: 'indices:data/write/index', on: DASHBOARDS_INDEX_PATTERN },
  { scope: 'index', action: 'indices:data/write/update', on: DASHBOARDS_INDEX_PATTERN },
  { scope: 'index', action: 'indices:data/write/bulk[s]', on: DASHBOARDS_INDEX_PATTERN },
  // A saved object type the tenant's index has not seen yet adds its fields to the mapping.
  { scope: 'index', action: 'indices:admin/mapping/put', on: DASHBOARDS_INDEX_PATTERN },
];

const dashboardsWrite = (what: string): FixNeeds => ({
  what,
  permissions: DASHBOARDS_WRITE,
  grantedBy: 'the role kibana_user with kibana_all_write on the tenant',
});

function templateNeeds(ctx: FixContext, what: string): FixNeeds {
  return {
    what,
    permissions: [
      {
        scope: 'cluster',
        action:
          ctx.flavor === 'composable'
            ? 'indices:admin/index_template/put'
            : 'indices:admin/template/put',
      },
    ],
    grantedBy: 'the cluster action group cluster_manage_index_templates',
  };
}

/** A repair: write-block the daily index, copy it into `<index>-repaired`, move the name, keep its state. */
function repairNeeds(ctx: FixContext): FixNeeds {
  const archive = indexPatternTitle(ctx.prefix);
  const copies = `${archive}${REPAIR_TARGET_SUFFIX}`;
  return {
    what: 'repair the indices',
    permissions: [
      { scope: 'cluster', action: 'indices:data/write/reindex' },
      { scope: 'cluster', action: 'indices:data/write/bulk' },
      { scope: 'cluster', action: 'cluster:monitor/task/get' },
      // The daily index: made read-only, refreshed, its name moved to the copy, then removed.
      { scope: 'index', action: 'indices:admin/settings/update', on: archive },
      { scope: 'index', action: 'indices:admin/refresh*', on: archive },
      // The copy is sliced (`slices: auto`), which asks for the source's shards.
      { scope: 'index', action: 'indices:admin/shards/search_shards', on: archive },
      { scope: 'index', action: 'indices:admin/aliases', on: archive },
      { scope: 'index', action: 'indices:admin/delete', on: archive },
      // The copy: created, filled, its settings restored; deleted only if the repair has to start over.
      { scope: 'index', action: 'indices:admin/create', on: copies },
      { scope: 'index', action: 'indices:data/write/index', on: copies },
      { scope: 'index', action: 'indices:data/write/bulk[s]', on: copies },
      { scope: 'index', action: 'indices:admin/mapping/put', on: copies },
      { scope: 'index', action: 'indices:admin/settings/update', on: copies },
      { scope: 'index', action: 'indices:admin/refresh*', on: copies },
      { scope: 'index', action: 'indices:admin/aliases', on: copies },
      { scope: 'index', action: 'indices:admin/delete', on: copies },
      // The job's state, so that a repair survives a restart and any door can resume it.
      { scope: 'index', action: 'indices:admin/create', on: REPAIR_STATE_INDEX },
      { scope: 'index', action: 'indices:data/write/index', on: REPAIR_STATE_INDEX },
      { scope: 'index', action: 'indices:data/write/bulk[s]', on: REPAIR_STATE_INDEX },
      { scope: 'index', action: 'indices:admin/refresh*', on: REPAIR_STATE_INDEX },
    ],
    grantedBy: `the cluster action groups cluster_composite_ops and cluster_monitor with manage and crud on ${archive} and ${REPAIR_STATE_INDEX}`,
  };
}

export function fixNeeds(fix: FixAction, ctx: FixContext): FixNeeds {
  switch (fix.kind) {
    case 'install_template':
      return templateNeeds(ctx, 'install the index template');
    case 'update_template':
      return templateNeeds(ctx, 'update the index template');
    case 'create_index_pattern':
      return dashboardsWrite('create the index pattern');
    case 'update_index_pattern':
      return dashboardsWrite('update the index pattern');
    case 'make_default':
      return dashboardsWrite('make the index pattern the default');
    case 'repair_indices':
      return repairNeeds(ctx);
  }
}

/** `cluster: indices:admin/index_template/put`, `indices:admin/create on pinpoint*-repaired`, `tenant write`. */
export function permissionText(p: RequiredPermission): string {
  switch (p.scope) {
    case 'cluster':
      return `cluster: ${p.action}`;
    case 'index':
      return `${p.action} on ${p.on}`;
    case 'tenant':
      return 'write access to the Dashboards tenant';
  }
}

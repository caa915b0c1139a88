/**
 * Apply: install or update the template, create or refresh the index pattern, make it the default. Each
 * step writes only when something differs, so a second apply writes nothing and says so. A template someone
 * changed is replaced only with `overwrite`; otherwise the answer is a 409 carrying the field-level diff.
 */
import { TIME_FIELD } from '../../../common/constants';
import { eventMappings } from '../../../common/event_mappings';
import { indexPatternTitle } from '../../../common/index_naming';
import {
  buildIndexPatternAttributes,
  INDEX_PATTERN_TYPE,
  indexPatternId,
  type IndexPatternAttributes,
  type IndexPatternField,
} from '../../../common/index_pattern';
import type { ApplyOptions, ApplyResult, ApplyStep } from '../../../common/report';
import {
  needsTypeName,
  templateFlavorFor,
  templateName,
  templatePriority,
} from '../../../common/template';
import { ConflictError, ValidationError, toDomainError } from '../../errors';
import { readUpstreamError } from '../../upstream_errors';
import { plural } from '../../../common/plural';
import type { OpenSearchClient } from '../../osd_port';
import { readClusterInfo } from '../cluster_info';
import type { IndexEngineDeps } from './deps';
import { fieldsFromFieldCaps, fieldsFromTypes } from './index_pattern_fields';
import { readIndexPatternState } from './index_pattern_state';
import { walkMapping } from './mapping_walk';
import { readTemplateCatalog, type TemplateCatalog } from './template_catalog';
import { describeConflicts, templateConflicts } from './template_overlap';
import { templateStatus, type TemplateStatus } from './template_status';

async function readOurTemplate(
  client: OpenSearchClient,
  flavor: 'composable' | 'legacy',
  name: string
): Promise<TemplateCatalog> {
  const path =
    flavor === 'composable'
      ? `/_index_template/${encodeURIComponent(name)}`
      : `/_template/${encodeURIComponent(name)}`;
  const { body, statusCode } = await client.transport.request<Record<string, unknown>>(
    { method: 'GET', path },
    { ignore: [404] }
  );
  if (statusCode === 404) return { composable: [], legacy: [] };
  if (flavor === 'composable') {
    const list = (body.index_templates ?? []) as Array<{
      name: string;
      index_template: TemplateCatalog['composable'][number]['body'];
    }>;
    return { composable: list.map((t) => ({ name: t.name, body: t.index_template })), legacy: [] };
  }
  return {
    composable: [],
    legacy: Object.entries(body).map(([n, b]) => ({
      name: n,
      body: b as TemplateCatalog['legacy'][number]['body'],
    })),
  };
}

/** What applying the template would do: its state and the field-level diff (for a confirmation or a UI). */
export async function previewTemplate(
  deps: IndexEngineDeps,
  prefix: string
): Promise<TemplateStatus> {
  const cluster = await readClusterInfo(deps.client);
  const flavor = templateFlavorFor(cluster);
  const catalog = await readOurTemplate(deps.client, flavor, templateName(prefix));
  return templateStatus(catalog, {
    prefix,
    flavor,
    typeName: needsTypeName(cluster) ? '_doc' : undefined,
  });
}

async function applyTemplate(deps: IndexEngineDeps, options: ApplyOptions): Promise<ApplyStep> {
  const status = await previewTemplate(deps, options.prefix);
  const { name, flavor } = status;
  const kind = flavor === 'composable' ? '_index_template' : '_template';
  // Checked even when ours is current: "nothing to change" must not be said while the report fails.
  if (flavor === 'composable' && !options.allowOverlap) {
    const catalog = await readTemplateCatalog(deps.client, flavor);
    const ours = {
      name,
      prefix: options.prefix,
      priority: templatePriority(options.prefix),
      index_patterns: [indexPatternTitle(options.prefix)],
    };
    const conflicts = templateConflicts(catalog, ours, deps.now?.() ?? new Date());
    if (conflicts.length > 0) {
      throw new ConflictError(
        `${kind}/${name} overlaps ${conflicts.length === 1 ? 'another template' : `${conflicts.length} other templates`}: ${describeConflicts(name, conflicts)}. Narrow or remove the other template, or apply again with allowOverlap (CLI: --allow-overlap) if that is what you want.`,
        { conflicts }
      );
    }
  }
  if (status.state === 'identical') {
    return { step: 'template', action: 'unchanged', detail: `${kind}/${name} is already current` };
  }
  if ((status.state === 'modified' || status.state === 'foreign') && !options.overwrite) {
    throw new ConflictError(
      `${kind}/${name} differs from ours in ${plural(status.diff.length, 'field')} and was ${status.state === 'modified' ? 'changed after it was installed' : 'not installed by this plugin'}; review the diff and apply again with overwrite to replace it`,
      {
        diff: status.diff.slice(0, 200),
        state: status.state,
      }
    );
  }
  try {
    await deps.client.transport.request({
      method: 'PUT',
      path: `/${kind}/${encodeURIComponent(name)}`,
      // create=true on a fresh install: if someone installs one meanwhile, refuse rather than clobber it.
      querystring: status.state === 'absent' ? { create: true } : undefined,
      body: status.desired,
    });
  } catch (error) {
    const { reason } = readUpstreamError(error);
    if (/same priority|already exists/.test(reason)) {
      throw new ConflictError(`cannot install ${kind}/${name}: ${reason}`);
    }
    throw toDomainError(error, `installing ${kind}/${name}`);
  }
  deps.logger?.info(
    `pinpoint: ${status.state === 'absent' ? 'installed' : 'updated'} ${kind}/${name}`
  );
  return status.state === 'absent'
    ? { step: 'template', action: 'created', detail: `installed ${kind}/${name}` }
    : {
        step: 'template',
        action: 'updated',
        detail: `updated ${kind}/${name} (${plural(status.diff.length, 'field')} changed)`,
      };
}

async function currentFields(
  client: OpenSearchClient,
  prefix: string
): Promise<IndexPatternField[]> {
  const fromIndices = await fieldsFromFieldCaps(client, indexPatternTitle(prefix));
  if (fromIndices.some((f) => !f.name.startsWith('_'))) return fromIndices;
  // No index yet: take the fields from the template, so the time field can be chosen before the first event.
  return fieldsFromTypes(walkMapping(eventMappings() as Parameters<typeof walkMapping>[0]).types);
}

function scriptedFieldsOf(stored: string | undefined): IndexPatternField[] {
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? (parsed as IndexPatternField[]).filter((f) => f?.scripted) : [];
  } catch {
    return [];
  }
}

function sameFields(stored: string | undefined, fields: IndexPatternField[]): boolean {
  const key = (list: Array<{ name: string; type: string }>): string =>
    list
      .map((f) => `${f.name}:${f.type}`)
      .sort()
      .join('\n');
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) && key(parsed as IndexPatternField[]) === key(fields);
  } catch {
    return false;
  }
}

async function applyIndexPattern(
  deps: IndexEngineDeps,
  prefix: string
): Promise<{ step: ApplyStep; id: string }> {
  if (!deps.savedObjects) {
    throw new ValidationError(
      'creating the index pattern needs Dashboards: pass --dashboards <url>'
    );
  }
  const [state, fromCluster] = await Promise.all([
    readIndexPatternState(deps.savedObjects, undefined, prefix),
    currentFields(deps.client, prefix),
  ]);
  // Scripted fields exist only in the pattern (the shipped dashboards use some): a refresh keeps them, as
  // Dashboards' own field refresh does.
  const fields = [...fromCluster, ...scriptedFieldsOf(state.target?.attributes.fields)];
  const desired = buildIndexPatternAttributes(prefix, fields);
  const target = state.target;
  if (!target) {
    const id = indexPatternId(prefix);
    await deps.savedObjects.create<IndexPatternAttributes>(INDEX_PATTERN_TYPE, desired, {
      id,
      overwrite: false,
    });
    return {
      id,
      step: {
        step: 'index_pattern',
        action: 'created',
        detail: `created index pattern ${desired.title} (id ${id})`,
      },
    };
  }
  const changes: Partial<IndexPatternAttributes> = {};
  // Only our own pattern gets its title set back; a user's pattern was found by that very title.
  if (target.ours && target.attributes.title !== desired.title) changes.title = desired.title;
  if (target.attributes.timeFieldName !== TIME_FIELD) changes.timeFieldName = TIME_FIELD;
  if (!sameFields(target.attributes.fields, fields)) changes.fields = desired.fields;
  if (Object.keys(changes).length === 0) {
    return {
      id: target.id,
      step: {
        step: 'index_pattern',
        action: 'unchanged',
        detail: `index pattern ${target.attributes.title} is current`,
      },
    };
  }
  await deps.savedObjects.update<IndexPatternAttributes>(INDEX_PATTERN_TYPE, target.id, changes, {
    version: target.version,
  });
  return {
    id: target.id,
    step: {
      step: 'index_pattern',
      action: 'updated',
      detail: `updated index pattern ${target.attributes.title}: ${Object.keys(changes).join(', ')}`,
    },
  };
}

async function applyDefault(
  deps: IndexEngineDeps,
  prefix: string,
  id: string | undefined
): Promise<ApplyStep> {
  if (!deps.uiSettings || !deps.savedObjects) {
    throw new ValidationError(
      'making the index pattern the default needs Dashboards: pass --dashboards <url>'
    );
  }
  const targetId =
    id ?? (await readIndexPatternState(deps.savedObjects, undefined, prefix)).target?.id;
  if (!targetId) {
    throw new ValidationError(
      `there is no index pattern ${indexPatternTitle(prefix)} yet; create it first (indexPattern: true)`
    );
  }
  const current = await deps.uiSettings.get<string | null | undefined>('defaultIndex');
  if (current === targetId) {
    return {
      step: 'default_index',
      action: 'unchanged',
      detail: `${targetId} is already the default index pattern`,
    };
  }
  await deps.uiSettings.set('defaultIndex', targetId);
  return {
    step: 'default_index',
    action: 'updated',
    detail: `made ${targetId} the default index pattern`,
  };
}

export async function applySetup(
  deps: IndexEngineDeps,
  options: ApplyOptions
): Promise<ApplyResult> {
  const steps: ApplyStep[] = [];
  if (options.template) steps.push(await applyTemplate(deps, options));
  let id: string | undefined;
  if (options.indexPattern) {
    const result = await applyIndexPattern(deps, options.prefix);
    steps.push(result.step);
    id = result.id;
  }
  if (options.makeDefault) steps.push(await applyDefault(deps, options.prefix, id));
  return {
    prefix: options.prefix,
    changed: steps.some((s) => s.action === 'created' || s.action === 'updated'),
    steps,
  };
}

/**
 * Is our template installed, and is it the one this plugin version would install? Distinguishes an older
 * version of ours nobody edited (update freely) from one someone changed (only with an explicit overwrite).
 */
import {
  buildIndexTemplate,
  buildLegacyTemplate,
  TEMPLATE_MANAGED_BY,
  templateName,
  type TemplateFlavor,
} from '../../../common/template';
import {
  diffFlatTemplates,
  fingerprint,
  flattenComposableTemplate,
  flattenLegacyTemplate,
  type FlatTemplate,
  type TemplateDiffEntry,
} from '../../../common/template_normalize';
import { unwrapTypeName } from './mapping_walk';
import type { TemplateCatalog } from './template_catalog';

/**
 * absent: not installed. identical: what we would install. outdated: ours from another plugin version, not
 * edited since. modified: ours, edited by someone. foreign: a template of that name we did not create.
 */
export type TemplateState = 'absent' | 'identical' | 'outdated' | 'modified' | 'foreign';

export interface TemplateStatus {
  name: string;
  flavor: TemplateFlavor;
  state: TemplateState;
  /** Field-level difference, ours vs installed (empty unless outdated, modified or foreign). */
  diff: TemplateDiffEntry[];
  installedVersion?: number;
  /** The body we would PUT, and flattened for comparison (template_normalize.ts). */
  desired: Record<string, unknown>;
  desiredFlat: FlatTemplate;
}

export interface TemplateTarget {
  prefix: string;
  flavor: TemplateFlavor;
  /** Elasticsearch 6.x: the mapping type name to wrap the legacy mapping in. */
  typeName?: string;
}

export function desiredTemplate(target: TemplateTarget): Record<string, unknown> {
  // A spread copy is a plain object type, which (unlike the interfaces) is a Record<string, unknown>.
  return target.flavor === 'composable'
    ? { ...buildIndexTemplate(target.prefix) }
    : { ...buildLegacyTemplate(target.prefix, { typeName: target.typeName }) };
}

function installedMeta(
  flavor: TemplateFlavor,
  body: Record<string, unknown>
): Record<string, unknown> | undefined {
  const mappings =
    flavor === 'composable'
      ? ((body.template as Record<string, unknown> | undefined)?.mappings as unknown)
      : body.mappings;
  const meta =
    unwrapTypeName(mappings)._meta ?? (body._meta as Record<string, unknown> | undefined);
  return meta;
}

export function templateStatus(catalog: TemplateCatalog, target: TemplateTarget): TemplateStatus {
  const name = templateName(target.prefix);
  const desired = desiredTemplate(target);
  const flatten =
    target.flavor === 'composable' ? flattenComposableTemplate : flattenLegacyTemplate;
  const installed =
    target.flavor === 'composable'
      ? catalog.composable.find((t) => t.name === name)?.body
      : catalog.legacy.find((t) => t.name === name)?.body;
  const desiredFlat = flatten(desired);
  if (!installed)
    return { name, flavor: target.flavor, state: 'absent', diff: [], desired, desiredFlat };

  const flatInstalled = flatten(installed);
  const diff = diffFlatTemplates(desiredFlat, flatInstalled);
  const version = typeof installed.version === 'number' ? installed.version : undefined;
  const base = {
    name,
    flavor: target.flavor,
    diff,
    installedVersion: version,
    desired,
    desiredFlat,
  };
  if (diff.length === 0) return { ...base, state: 'identical' };
  const meta = installedMeta(target.flavor, installed);
  if (meta?.managed_by !== TEMPLATE_MANAGED_BY) return { ...base, state: 'foreign' };
  return {
    ...base,
    state: meta.content_hash === fingerprint(flatInstalled) ? 'outdated' : 'modified',
  };
}

/**
 * The mapping the next rotated index will actually get. OpenSearch's simulate API answers for composable
 * templates (and names the overlapping ones); when none matches it answers `{}` and the legacy templates
 * apply, merged by `order`, which is what the seed's `default_template` does. That merge is done here.
 */
import type { TemplateFlavor } from '../../../common/template';
import type { OpenSearchClient } from '../../osd_port';
import { unwrapTypeName, type IndexMappingBody, type MappingNode } from './mapping_walk';
import { composableFor, legacyFor, type TemplateCatalog } from './template_catalog';

export interface EffectiveTemplate {
  index: string;
  /** The template whose mapping the index gets: a composable one, or the legacy ones merged. */
  source:
    | { kind: 'composable'; name: string; priority: number }
    | { kind: 'legacy'; names: string[] }
    | { kind: 'none' };
  mappings: IndexMappingBody;
  /** Other composable templates whose patterns match the index; OpenSearch ignores them for it. */
  shadowedComposable: Array<{ name: string; priority: number; index_patterns: string[] }>;
  /** Legacy templates matching the index, with whether they apply (only when no composable template does). */
  legacy: Array<{ name: string; order: number; index_patterns: string[]; applies: boolean }>;
}

interface SimulateResponse {
  template?: { mappings?: unknown; settings?: unknown };
  overlapping?: Array<{ name: string; index_patterns: string[] }>;
}

function mergeProperties(
  into: Record<string, MappingNode>,
  from: Record<string, MappingNode> | undefined
): Record<string, MappingNode> {
  for (const [key, node] of Object.entries(from ?? {})) {
    const existing = into[key];
    if (existing?.properties && node.properties) {
      into[key] = {
        ...existing,
        ...node,
        properties: mergeProperties({ ...existing.properties }, node.properties),
      };
    } else {
      into[key] = node;
    }
  }
  return into;
}

export async function simulateIndex(
  client: OpenSearchClient,
  flavor: TemplateFlavor,
  index: string,
  catalog: TemplateCatalog
): Promise<EffectiveTemplate> {
  const composable = composableFor(catalog, index);
  const legacyMatching = legacyFor(catalog, index);
  let simulated: SimulateResponse = {};
  if (flavor === 'composable') {
    const { body } = await client.transport.request<SimulateResponse>({
      method: 'POST',
      path: `/_index_template/_simulate_index/${encodeURIComponent(index)}`,
    });
    simulated = body ?? {};
  }
  const winner = composable[0];
  const composableApplies = simulated.template !== undefined && winner !== undefined;
  const legacy = legacyMatching.map((t) => ({
    name: t.name,
    order: t.body.order ?? 0,
    index_patterns: t.body.index_patterns,
    applies: !composableApplies,
  }));
  const shadowedComposable = composable.slice(1).map((t) => ({
    name: t.name,
    priority: t.body.priority ?? 0,
    index_patterns: t.body.index_patterns,
  }));
  if (composableApplies) {
    return {
      index,
      source: { kind: 'composable', name: winner.name, priority: winner.body.priority ?? 0 },
      mappings: unwrapTypeName(simulated.template?.mappings),
      shadowedComposable,
      legacy,
    };
  }
  if (legacyMatching.length === 0) {
    return { index, source: { kind: 'none' }, mappings: {}, shadowedComposable, legacy };
  }
  const merged: IndexMappingBody = { properties: {} };
  for (const t of legacyMatching) {
    const m = unwrapTypeName(t.body.mappings);
    Object.assign(merged, {
      ...m,
      properties: mergeProperties(merged.properties ?? {}, m.properties),
    });
  }
  return {
    index,
    source: { kind: 'legacy', names: legacyMatching.map((t) => t.name) },
    mappings: merged,
    shadowedComposable,
    legacy,
  };
}

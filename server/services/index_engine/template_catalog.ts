/**
 * Every index template the cluster holds, in two requests whatever their number: the composable ones
 * (GET _index_template) and the legacy ones (GET _template). The status of ours, the templates overlapping the
 * next index and the seed's own `default_template` are all read from this one catalogue.
 */
import { matchesIndexPattern } from '../../../common/index_naming';
import type { TemplateFlavor } from '../../../common/template';
import type { OpenSearchClient } from '../../osd_port';

export interface ComposableEntry {
  name: string;
  body: Record<string, unknown> & { index_patterns: string[]; priority?: number };
}

export interface LegacyEntry {
  name: string;
  body: Record<string, unknown> & { index_patterns: string[]; order?: number };
}

export interface TemplateCatalog {
  composable: ComposableEntry[];
  legacy: LegacyEntry[];
}

interface ComposableListResponse {
  index_templates: Array<{ name: string; index_template: ComposableEntry['body'] }>;
}

export async function readTemplateCatalog(
  client: OpenSearchClient,
  flavor: TemplateFlavor
): Promise<TemplateCatalog> {
  const [composable, legacy] = await Promise.all([
    // Elasticsearch before 7.8 has no composable templates; on a legacy-flavoured cluster we do not ask.
    flavor === 'composable'
      ? client.transport.request<ComposableListResponse>({
          method: 'GET',
          path: '/_index_template',
        })
      : Promise.resolve({ body: { index_templates: [] } as ComposableListResponse }),
    client.transport.request<Record<string, LegacyEntry['body']>>({
      method: 'GET',
      path: '/_template',
    }),
  ]);
  return {
    composable: (composable.body.index_templates ?? []).map((t) => ({
      name: t.name,
      body: t.index_template,
    })),
    legacy: Object.entries(legacy.body ?? {}).map(([name, body]) => ({ name, body })),
  };
}

const matchesAny = (index: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => matchesIndexPattern(index, p));

/** Composable templates matching `index`, highest priority first: the first one is what OpenSearch uses. */
export function composableFor(catalog: TemplateCatalog, index: string): ComposableEntry[] {
  return catalog.composable
    .filter((t) => matchesAny(index, t.body.index_patterns ?? []))
    .sort((a, b) => (b.body.priority ?? 0) - (a.body.priority ?? 0));
}

/** Legacy templates matching `index`, lowest order first (the order they are merged in). */
export function legacyFor(catalog: TemplateCatalog, index: string): LegacyEntry[] {
  return catalog.legacy
    .filter((t) => matchesAny(index, t.body.index_patterns ?? []))
    .sort((a, b) => (a.body.order ?? 0) - (b.body.order ?? 0));
}

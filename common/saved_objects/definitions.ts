/**
 * Visualizations and dashboards as typed definitions, and their one conversion to the 2.x export format:
 * JSON attributes become strings, the index pattern is referenced by name (`indexRefName`, `control_N_...`),
 * dashboard panels by `panel_N`.
 */
import {
  MIGRATION_VERSIONS,
  SEARCH_SOURCE_INDEX_REF,
  type ExportedObject,
  type SavedObjectReference,
  type SearchSource,
  type VisState,
} from './types';

/** Every shipped object carries this export time; the generator is deterministic. */
export const SHIPPED_AT = '2026-12-01T00:00:00.000Z' as const;
/** `[1,1]` base64, the shape of an export's `version`; import drops it. */
export const EXPORT_VERSION = 'WzEsMV0=' as const;

export interface VisualizationDef {
  id: string;
  title: string;
  description: string;
  type: string;
  aggs: VisState['aggs'];
  params: Record<string, unknown>;
  /** Lucene query the visualization applies on top of the dashboard's; '' for none. */
  query?: string;
  /** false for markdown and input controls (controls reference the pattern per control). */
  usesIndexPattern?: boolean;
}

export interface PanelDef {
  vis: VisualizationDef;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardDef {
  id: string;
  title: string;
  description: string;
  timeFrom: string;
  panels: PanelDef[];
}

export function visState(def: VisualizationDef): VisState {
  return { title: def.title, type: def.type, aggs: def.aggs, params: def.params };
}

function visReferences(def: VisualizationDef, indexPatternId: string): SavedObjectReference[] {
  if (def.type === 'input_control_vis') {
    const controls = (def.params.controls ?? []) as Array<{ indexPatternRefName: string }>;
    return controls.map((c) => ({
      name: c.indexPatternRefName,
      type: 'index-pattern',
      id: indexPatternId,
    }));
  }
  return def.usesIndexPattern === false
    ? []
    : [{ name: SEARCH_SOURCE_INDEX_REF, type: 'index-pattern', id: indexPatternId }];
}

export function exportVisualization(def: VisualizationDef, indexPatternId: string): ExportedObject {
  const references = visReferences(def, indexPatternId);
  const searchSource: SearchSource = {
    query: { query: def.query ?? '', language: 'lucene' },
    filter: [],
    ...(references.some((r) => r.name === SEARCH_SOURCE_INDEX_REF) && {
      indexRefName: SEARCH_SOURCE_INDEX_REF,
    }),
  };
  return {
    attributes: {
      description: def.description,
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify(searchSource) },
      title: def.title,
      uiStateJSON: '{}',
      version: 1,
      visState: JSON.stringify(visState(def)),
    },
    id: def.id,
    migrationVersion: { visualization: MIGRATION_VERSIONS.visualization },
    references,
    type: 'visualization',
    updated_at: SHIPPED_AT,
    version: EXPORT_VERSION,
  };
}

/** The Dashboards release whose editor would have written these panels. */
const PANEL_VERSION = '2.19.0';

export function exportDashboard(def: DashboardDef): ExportedObject {
  const panels = def.panels.map((p, n) => ({
    version: PANEL_VERSION,
    gridData: { x: p.x, y: p.y, w: p.w, h: p.h, i: String(n + 1) },
    panelIndex: String(n + 1),
    embeddableConfig: {},
    panelRefName: `panel_${n}`,
  }));
  return {
    attributes: {
      description: def.description,
      hits: 0,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }),
      },
      optionsJSON: JSON.stringify({ hidePanelTitles: false, useMargins: true }),
      panelsJSON: JSON.stringify(panels),
      refreshInterval: { pause: true, value: 0 },
      timeFrom: def.timeFrom,
      timeRestore: true,
      timeTo: 'now',
      title: def.title,
      version: 1,
    },
    id: def.id,
    migrationVersion: { dashboard: MIGRATION_VERSIONS.dashboard },
    references: def.panels.map((p, n) => ({
      name: `panel_${n}`,
      type: 'visualization',
      id: p.vis.id,
    })),
    type: 'dashboard',
    updated_at: SHIPPED_AT,
    version: EXPORT_VERSION,
  };
}

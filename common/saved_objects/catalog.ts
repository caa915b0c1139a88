/**
 * Everything we ship as saved objects, in import order: the `pinpoint*` index pattern (fixed id, time field
 * arrival_timestamp, the template's fields plus our scripted fields), every visualization, the four dashboards.
 */
import { DEFAULT_INDEX_PREFIX } from '../constants';
import {
  buildIndexPatternAttributes,
  INDEX_PATTERN_TYPE,
  indexPatternId,
  type IndexPatternField,
} from '../index_pattern';
import { campaignOverview } from './dashboards/campaign_overview';
import { emailDeliverability } from './dashboards/email_deliverability';
import { pipelineHealth } from './dashboards/pipeline_health';
import { smsDelivery } from './dashboards/sms_delivery';
import {
  EXPORT_VERSION,
  exportDashboard,
  exportVisualization,
  SHIPPED_AT,
  type DashboardDef,
  type VisualizationDef,
} from './definitions';
import { scriptedFields } from './scripted_fields';
import { MIGRATION_VERSIONS, type ExportedObject, type ShippedObjectInfo } from './types';

export const SHIPPED_DASHBOARDS: readonly DashboardDef[] = [
  campaignOverview,
  emailDeliverability,
  smsDelivery,
  pipelineHealth,
];

/** The dashboards are for Firehose's default prefix: the ndjson file must work without the plugin. */
export const SHIPPED_INDEX_PATTERN_ID = indexPatternId(DEFAULT_INDEX_PREFIX);

export function shippedVisualizations(): VisualizationDef[] {
  const byId = new Map<string, VisualizationDef>();
  for (const d of SHIPPED_DASHBOARDS) for (const p of d.panels) byId.set(p.vis.id, p.vis);
  return [...byId.values()];
}

/** `templateFields`: the field list of the template's mapping, in OSD's stored shape (no scripted fields). */
export function exportIndexPattern(templateFields: IndexPatternField[]): ExportedObject {
  const fields = [...templateFields.filter((f) => !f.scripted), ...scriptedFields()];
  return {
    attributes: buildIndexPatternAttributes(DEFAULT_INDEX_PREFIX, fields),
    id: SHIPPED_INDEX_PATTERN_ID,
    migrationVersion: { [INDEX_PATTERN_TYPE]: MIGRATION_VERSIONS[INDEX_PATTERN_TYPE] },
    references: [],
    type: INDEX_PATTERN_TYPE,
    updated_at: SHIPPED_AT,
    version: EXPORT_VERSION,
  };
}

export function exportShippedObjects(templateFields: IndexPatternField[]): ExportedObject[] {
  return [
    exportIndexPattern(templateFields),
    ...shippedVisualizations().map((v) => exportVisualization(v, SHIPPED_INDEX_PATTERN_ID)),
    ...SHIPPED_DASHBOARDS.map(exportDashboard),
  ];
}

/** Ids and titles only (what the app lists before it asks the server for states). */
export function shippedObjectInfos(): ShippedObjectInfo[] {
  return [
    { type: 'index-pattern', id: SHIPPED_INDEX_PATTERN_ID, title: `${DEFAULT_INDEX_PREFIX}*` },
    ...shippedVisualizations().map((v) => ({
      type: 'visualization' as const,
      id: v.id,
      title: v.title,
    })),
    ...SHIPPED_DASHBOARDS.map((d) => ({ type: 'dashboard' as const, id: d.id, title: d.title })),
  ];
}

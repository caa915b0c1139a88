/** The 2.x export file format: one object a line, then the export summary line Dashboards writes. */
import type { ExportedObject } from './types';

export const NDJSON_FILE_NAME = 'pinpoint-dashboards.ndjson' as const;

export function toNdjson(objects: ExportedObject[]): string {
  const summary = { exportedCount: objects.length, missingRefCount: 0, missingReferences: [] };
  return `${[...objects, summary].map((o) => JSON.stringify(o)).join('\n')}\n`;
}

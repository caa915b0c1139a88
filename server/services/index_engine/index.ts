/** The index engine: the validation report and apply (template, index pattern, default index pattern). */
export { buildReport } from './report';
export { applySetup, previewTemplate } from './apply';
export type { IndexEngineDeps } from './deps';
export { scanIndices, indicesNeedingRepair, type IndexScan, type ScannedIndex } from './index_scan';

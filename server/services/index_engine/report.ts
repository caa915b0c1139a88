/**
 * The validation report: one structured answer to "is this cluster ready for Pinpoint events, and if not,
 * what exactly do I do?". Independent reads run concurrently; the number of requests does not depend on the
 * number of indices (see index_scan.ts).
 */
import { indexPatternTitle, nextDailyIndexName } from '../../../common/index_naming';
import { indexPatternId } from '../../../common/index_pattern';
import { worstStatus, type Finding, type ValidationReport } from '../../../common/report';
import { needsTypeName, templateFlavorFor, templateName } from '../../../common/template';
import { readClusterInfo } from '../cluster_info';
import type { IndexEngineDeps } from './deps';
import {
  freshnessFinding,
  conflictsFinding,
  fieldLimitFinding,
  timestampsFinding,
} from './findings_indices';
import { indexPatternFindings } from './findings_index_pattern';
import { effectiveFinding, overlappingFinding, templateFinding } from './findings_template';
import { latestArrival } from './freshness';
import { readIndexPatternState } from './index_pattern_state';
import { readIndexSettings, scanIndices } from './index_scan';
import { simulateIndex } from './simulate';
import { readTemplateCatalog } from './template_catalog';
import { templateStatus } from './template_status';

export async function buildReport(
  deps: IndexEngineDeps,
  prefix: string
): Promise<ValidationReport> {
  const now = deps.now?.() ?? new Date();
  const pattern = indexPatternTitle(prefix);
  const nextIndex = nextDailyIndexName(prefix, now);
  const name = templateName(prefix);

  // Every read starts now and is awaited together: one failure must not leave the others unhandled.
  // The settings answer fast and name the newest indices: the freshness search need not wait for mappings.
  const settings = readIndexSettings(deps.client, pattern);
  const scanning = scanIndices(deps.client, pattern, settings);
  const freshening = settings.then((list) => latestArrival(deps.client, list));
  const patternState = deps.savedObjects
    ? readIndexPatternState(deps.savedObjects, deps.uiSettings, prefix)
    : Promise.resolve(undefined);
  const clusterReading = readClusterInfo(deps.client);
  const templates = clusterReading.then(async (info) => {
    const flavor = templateFlavorFor(info);
    const catalog = await readTemplateCatalog(deps.client, flavor);
    return {
      flavor,
      catalog,
      effective: await simulateIndex(deps.client, flavor, nextIndex, catalog),
    };
  });
  const [scan, freshness, cluster, { flavor, catalog, effective }, ipState] = await Promise.all([
    scanning,
    freshening,
    clusterReading,
    templates,
    patternState,
  ]);

  const status = templateStatus(catalog, {
    prefix,
    flavor,
    typeName: needsTypeName(cluster) ? '_doc' : undefined,
  });
  const findings: Finding[] = [
    templateFinding(prefix, status),
    effectiveFinding(prefix, name, effective),
    overlappingFinding(name, effective),
    timestampsFinding(prefix, scan, now),
    conflictsFinding(scan),
    fieldLimitFinding(scan),
    freshnessFinding(prefix, scan, freshness, now),
  ];
  const skipped: ValidationReport['skipped'] = [];
  if (ipState) findings.push(...indexPatternFindings(prefix, ipState, scan));
  else {
    skipped.push({
      id: 'index_pattern',
      reason:
        'index pattern not checked: Dashboards was not reachable (pass --dashboards <url> to the CLI)',
    });
  }
  return {
    prefix,
    pattern,
    templateName: name,
    indexPatternId: indexPatternId(prefix),
    nextIndex,
    generatedAt: now.toISOString(),
    cluster,
    flavor,
    status: worstStatus(findings.map((f) => f.status)),
    findings,
    skipped,
  };
}

/**
 * The validation report: one structured answer to "is this cluster ready for Pinpoint events, and if not,
 * what exactly do I do?". Independent reads run concurrently; the number of requests does not depend on the
 * number of indices (see index_scan.ts).
 */
import { indexPatternTitle, nextDailyIndexName } from '../../../common/index_naming';
import { indexPatternId } from '../../../common/index_pattern';
import { summarizeChecks } from '../../../common/check';
import type { IndexCheck, ValidationReport } from '../../../common/report';
import { needsTypeName, templateFlavorFor, templateName } from '../../../common/template';
import { assessFixRights, readAccess } from '../access/fix_rights';
import { readClusterInfo } from '../cluster_info';
import type { IndexEngineDeps } from './deps';
import { DomainError } from '../../errors';
import { readUpstreamError } from '../../upstream_errors';
import {
  conflictsCheck,
  fieldLimitCheck,
  freshnessCheck,
  timestampsCheck,
} from './findings_indices';
import { indexPatternChecks } from './findings_index_pattern';
import {
  effectiveCheck,
  overlappingCheck,
  templateCheck,
  type OurTemplate,
} from './findings_template';
import { latestArrival } from './freshness';
import { readIndexPatternState } from './index_pattern_state';
import { readIndexSettings, scanIndices } from './index_scan';
import { simulateIndex } from './simulate';
import { readTemplateCatalog } from './template_catalog';
import { templateStatus, type TemplateStatus } from './template_status';

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
  // Dashboards refusing (a 403) leaves the index pattern unknown and the cluster's checks still count; not
  // reaching it at all is the caller's connection problem (the CLI's exit 2), not a finding.
  const patternState = deps.savedObjects
    ? readIndexPatternState(deps.savedObjects, deps.uiSettings, prefix).catch((error: unknown) => {
        if (unreachable(error)) throw error;
        return { error };
      })
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
  // Who the user is and whether the cluster can check their rights; never fails (unknown says why).
  const accessReading = clusterReading.then((info) => readAccess(deps.client, info.distribution));
  const [scan, freshness, cluster, { flavor, catalog, effective }, ipState, access] =
    await Promise.all([
      scanning,
      freshening,
      clusterReading,
      templates,
      patternState,
      accessReading,
    ]);

  const status = templateStatus(catalog, {
    prefix,
    flavor,
    typeName: needsTypeName(cluster) ? '_doc' : undefined,
  });
  const findings: IndexCheck[] = [
    templateCheck(prefix, status),
    effectiveCheck(prefix, name, effective),
    overlappingCheck(ourTemplate(status), effective, catalog),
    timestampsCheck(prefix, scan, now),
    conflictsCheck(scan, now),
    fieldLimitCheck(scan),
    freshnessCheck(prefix, scan, freshness, now),
  ];
  if (ipState && 'error' in ipState) findings.push(dashboardsFailed(ipState.error, deps));
  else if (ipState) findings.push(...indexPatternChecks(prefix, ipState, scan));
  else findings.push(dashboardsNotAsked(deps));
  const rights = await assessFixRights(
    findings,
    { prefix, flavor, templateName: name, desiredTemplate: status.desired },
    access
  );
  const checks = rights.access ? [...rights.checks, rights.access] : rights.checks;
  const summary = summarizeChecks(checks, REPORT_WORDS);
  return {
    prefix,
    pattern,
    templateName: name,
    indexPatternId: indexPatternId(prefix),
    nextIndex,
    generatedAt: now.toISOString(),
    cluster,
    flavor,
    status: summary.status,
    summary,
    checks,
  };
}

/** Ours as the overlapping check compares it: what we would install (installed or not). */
function ourTemplate(status: TemplateStatus): OurTemplate {
  const rank = status.flavor === 'legacy' ? status.desired.order : status.desired.priority;
  return {
    name: status.name,
    flavor: status.flavor,
    flat: status.desiredFlat,
    order: typeof rank === 'number' ? rank : 0,
    installed: status.state !== 'absent',
  };
}

const REPORT_WORDS = {
  pass: 'Ready for Pinpoint events',
  warn: 'Ready, with things to look at',
  fail: 'Not ready',
  unknown: 'Could not check everything',
};

const INDEX_PATTERN_TITLE = 'Index pattern and default';

/** The CLI without --dashboards: the index pattern lives in Dashboards, which nobody asked. */
function dashboardsNotAsked(deps: IndexEngineDeps): IndexCheck {
  return {
    id: 'index_pattern',
    title: INDEX_PATTERN_TITLE,
    status: 'skipped',
    message:
      'Not checked: the index pattern is a Dashboards saved object, and no Dashboards URL was given.',
    evidence: { dashboards: deps.dashboardsUrl ?? null },
    remedy: {
      text: 'Pass the Dashboards URL to check the index pattern too.',
      command: 'pinpoint-dashboards check --dashboards <dashboards-url>',
    },
  };
}

function unreachable(error: unknown): boolean {
  if (error instanceof DomainError) return error.statusCode >= 500;
  const kind = readUpstreamError(error).kind;
  return kind === 'network' || kind === 'timeout' || kind === 'aborted' || kind === 'server';
}

function dashboardsFailed(error: unknown, deps: IndexEngineDeps): IndexCheck {
  const f = readUpstreamError(error);
  const why =
    f.kind === 'forbidden' || f.kind === 'unauthorized'
      ? `the current user may not read saved objects or advanced settings (${f.reason})`
      : `Dashboards refused the request (${f.reason})`;
  deps.logger?.warn(`pinpoint: index pattern not checked: ${f.reason}`);
  return {
    id: 'index_pattern',
    title: INDEX_PATTERN_TITLE,
    status: 'unknown',
    message: `Could not check the index pattern: ${why}.`,
    evidence: { dashboards: deps.dashboardsUrl ?? null },
    remedy: {
      text: 'Check that Dashboards is running and that you may read its saved objects, then check again.',
    },
  };
}

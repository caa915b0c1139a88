/**
 * The validation report and the apply result: what the server, the CLI and the setup page exchange.
 * One finding per thing that can be wrong, each with its evidence and the exact way to fix it.
 */
import type { Json } from './validation';
import type { TemplateFlavor } from './template';

export type FindingStatus = 'ok' | 'warn' | 'fail';

export type FindingId =
  | 'template'
  | 'template.effective'
  | 'template.overlapping'
  | 'indices.timestamps'
  | 'indices.conflicts'
  | 'indices.field_limit'
  | 'data.freshness'
  | 'index_pattern.exists'
  | 'index_pattern.title'
  | 'index_pattern.time_field'
  | 'index_pattern.fields'
  | 'index_pattern.default';

/** A fix the plugin can make itself (a button on the setup page, a flag of `setup` or the `repair` command). */
export type FixAction =
  | { kind: 'install_template' }
  | { kind: 'update_template'; overwrite: boolean }
  | { kind: 'create_index_pattern' }
  | { kind: 'update_index_pattern' }
  | { kind: 'make_default' }
  | { kind: 'repair_indices'; indices: string[] };

export interface Remedy {
  /** What to do, in words a user can act on. */
  text: string;
  /** Present when the plugin can do it. */
  fix?: FixAction;
  /** The command line that does it. */
  command?: string;
  /** A Dev Tools request, for fixes the plugin does not make itself. */
  request?: string;
}

export interface Finding {
  id: FindingId;
  title: string;
  status: FindingStatus;
  summary: string;
  evidence: { [key: string]: Json };
  remedy?: Remedy;
}

export interface ClusterSummary {
  clusterName: string;
  distribution: 'opensearch' | 'elasticsearch';
  version: string;
}

export interface ValidationReport {
  prefix: string;
  /** The wildcard pattern the template and the index pattern cover (`<prefix>*`). */
  pattern: string;
  templateName: string;
  indexPatternId: string;
  /** The daily index Firehose creates next; its effective mapping is what the template check simulates. */
  nextIndex: string;
  generatedAt: string;
  cluster: ClusterSummary;
  flavor: TemplateFlavor;
  /** The worst status of all findings. */
  status: FindingStatus;
  findings: Finding[];
  /** Checks not run, and why (e.g. the CLI without --dashboards cannot see saved objects). */
  skipped: Array<{ id: string; reason: string }>;
}

export interface ApplyOptions {
  prefix: string;
  /** Install or update the template (default true). */
  template: boolean;
  /** Replace a template someone else changed (default false: such a template is a 409 with the diff). */
  overwrite: boolean;
  /** Create the index pattern, or bring its time field and field list up to date (default false). */
  indexPattern: boolean;
  /** Make the index pattern the default one (default false). */
  makeDefault: boolean;
}

export type ApplyAction = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ApplyStep {
  step: 'template' | 'index_pattern' | 'default_index';
  action: ApplyAction;
  detail: string;
}

export interface ApplyResult {
  prefix: string;
  /** False when nothing was written: a second apply says so. */
  changed: boolean;
  steps: ApplyStep[];
}

const ORDER: Record<FindingStatus, number> = { ok: 0, warn: 1, fail: 2 };

export function worstStatus(statuses: readonly FindingStatus[]): FindingStatus {
  return statuses.reduce<FindingStatus>((worst, s) => (ORDER[s] > ORDER[worst] ? s : worst), 'ok');
}

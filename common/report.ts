/**
 * The validation report and the apply result: what the server, the CLI and the setup page exchange.
 * One check (common/check.ts) per thing that can be wrong, each with its evidence and the exact way to fix it.
 */
import type { ChecksOf, CheckStatus, CheckSummary } from './check';
import type { TemplateFlavor } from './template';
import type { TemplateDiffEntry } from './template_normalize';

export type { CheckStatus, FixAction, Remedy } from './check';

/**
 * A field another legacy template sets differently from ours, and what a new index gets once ours is
 * installed: `ours` or `theirs` (the higher order wins a field both set), `undecided` (equal orders merge in
 * no defined order), `added` (only theirs sets it, and it applies), `ignored` (ours is composable, so
 * OpenSearch ignores every legacy template for the index).
 */
export type LegacyTemplateDifference = {
  path: string;
  theirs: string;
  /** What ours sets there; null when ours does not set it. */
  ours: string | null;
  effect: 'ours' | 'theirs' | 'undecided' | 'added' | 'ignored';
};

/** A date field's type in one index, or null when the index does not map it. */
export type FieldTypes = Record<string, string | null>;

/**
 * The index report's checks, id -> evidence. Object literal types (not interfaces) so that every evidence
 * value stays assignable to JSON.
 */
export type IndexEvidence = {
  template: {
    name: string;
    flavor: TemplateFlavor;
    state: 'absent' | 'identical' | 'outdated' | 'modified' | 'foreign';
    installedVersion: number | null;
    diffCount: number;
    /** Cut to the first 200 entries; diffCount is complete. */
    diff: TemplateDiffEntry[];
  };
  'template.effective': { index: string; source: string; dateFieldTypes: FieldTypes };
  'template.overlapping': {
    index: string;
    composable: Array<{ name: string; priority: number; index_patterns: string[] }>;
    legacy: Array<{
      name: string;
      order: number;
      index_patterns: string[];
      /** Whether it applies to new indices now (not when a composable template matches). */
      applies: boolean;
      /** What it sets differently from ours, cut to the first 50; differenceCount is complete. */
      differenceCount: number;
      differences: LegacyTemplateDifference[];
    }>;
  };
  'indices.timestamps': {
    indexCount: number;
    badCount: number;
    /** The first 50. repairableAfter: when Firehose can no longer write to it (null: repairable now). */
    bad: Array<{ index: string; dateFieldTypes: FieldTypes; repairableAfter: string | null }>;
    /** Indices already repaired (`<name>-repaired`, the old name an alias of it). */
    repairedCount: number;
  };
  'indices.conflicts': {
    conflictCount: number;
    conflicts: Array<{
      field: string;
      types: Record<string, { count: number; indices: string[] }>;
    }>;
    /** Fields whose types differ only because some indices still wait for their repair (see timestamps). */
    pendingRepairFields: string[];
  };
  'indices.field_limit': {
    highest: Array<{ index: string; fields: number; limit: number }>;
    nearLimitCount: number;
  };
  'data.freshness': {
    latest: string | null;
    /** The index (or repaired copy) that holds the latest event. */
    latestIndex: string | null;
    ageHours: number | null;
    pattern: string;
    now: string;
  };
  'index_pattern.exists': {
    title: string;
    found: boolean;
    id: string | null;
    createdByPlugin: boolean | null;
  };
  'index_pattern.title': { title: string; uncoveredCount: number; uncovered: string[] };
  'index_pattern.time_field': { timeFieldName: string | null; expected: string };
  'index_pattern.fields': {
    stored: number;
    missingCount: number;
    missing: string[];
    changed: Array<{ field: string; saved: string; current: string }>;
  };
  'index_pattern.default': { defaultIndex: string | null; defaultExists: boolean; id: string };
  /** Which of the fixes offered the current user may make (server/services/access/fix_rights.ts). */
  'access.fixes': {
    user: string | null;
    roles: string[];
    /** The Dashboards tenant the user's writes go to. */
    tenant: string | null;
    fixes: Array<{
      fix: string;
      /** The check whose remedy offers it. */
      check: string;
      needs: string[];
      allowed: boolean | null;
      missing: string[];
      basis: string;
      /** What grants it (common/fix_permissions.ts). */
      grantedBy: string;
    }>;
  };
  /** Present instead of the index_pattern.* checks when Dashboards was not asked or did not answer. */
  index_pattern: { dashboards: string | null };
};

export type IndexCheckId = keyof IndexEvidence;
export type IndexCheck = ChecksOf<IndexEvidence>;

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
  /** The verdict over all checks (summary.status). */
  status: CheckStatus;
  summary: CheckSummary;
  checks: IndexCheck[];
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
  /** Install the template although it overlaps another one (default false: a 409 naming the conflict). */
  allowOverlap?: boolean;
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

/**
 * What a role may do: IAM's policy simulator where the checker may call it, else the role's own policy
 * documents read and evaluated here. The evidence says which method answered: the simulator sees permission
 * boundaries, reading the documents does not.
 */
import { roleNameOfArn } from '../../../common/arn';
import type { EvaluationResult } from '../../aws/iam';
import { type HopContext, isAwsError } from './context';
import type { PermissionFacts } from './facts';
import {
  type Decision,
  type NamedStatement,
  evaluate,
  labelStatements,
  PolicyParseError,
} from './policy_eval';

export interface Requirement {
  action: string;
  resource: string;
  /** Missing a required action breaks delivery (fail); missing an optional one degrades it (warn). */
  required: boolean;
}

export interface PermissionResult extends Requirement {
  decision: Decision | 'unknown';
  by?: string[];
}

export interface PermissionReport {
  method: 'simulation' | 'policy documents' | 'none';
  results: PermissionResult[];
  note?: string;
  /** Set when neither method could answer. */
  error?: unknown;
}

function fromSimulation(result: EvaluationResult): Decision {
  switch (result.EvalDecision) {
    case 'allowed':
      return 'allowed';
    case 'explicitDeny':
      return 'denied';
    default:
      return (result.MissingContextValues ?? []).length > 0 ? 'conditional' : 'implicit';
  }
}

/** One simulation per role: IAM evaluates every action against every resource and answers per pair. */
async function simulate(
  ctx: HopContext,
  roleArn: string,
  requirements: Requirement[]
): Promise<PermissionResult[]> {
  const actions = [...new Set(requirements.map((r) => r.action))];
  const resources = [...new Set(requirements.map((r) => r.resource))];
  const results = await ctx
    .aws()
    .iam.simulatePrincipalPolicy({ policySourceArn: roleArn, actions, resources }, ctx.call);
  return requirements.map((r) => {
    const hit =
      results.find(
        (e) =>
          e.EvalActionName?.toLowerCase() === r.action.toLowerCase() &&
          e.EvalResourceName === r.resource
      ) ??
      results.find(
        (e) =>
          e.EvalActionName?.toLowerCase() === r.action.toLowerCase() &&
          (e.EvalResourceName === '*' || e.EvalResourceName === undefined)
      );
    return {
      ...r,
      decision: hit ? fromSimulation(hit) : 'unknown',
      by: (hit?.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? '').filter(Boolean),
    };
  });
}

async function readPolicies(
  ctx: HopContext,
  roleArn: string,
  requirements: Requirement[]
): Promise<{ results: PermissionResult[]; policies: number; unreadable: string[] }> {
  const documents = await ctx.aws().iam.listRolePolicyDocuments(roleNameOfArn(roleArn), ctx.call);
  const statements: NamedStatement[] = [];
  const unreadable: string[] = [];
  for (const doc of documents) {
    try {
      statements.push(...labelStatements(doc.document, doc.name));
    } catch (error) {
      if (!(error instanceof PolicyParseError)) throw error;
      unreadable.push(doc.name);
    }
  }
  const results = requirements.map((r) => {
    const { decision, by } = evaluate(statements, r.action, r.resource);
    return { ...r, decision, by };
  });
  return { results, policies: documents.length, unreadable };
}

/** Throws AwsCallError(not_found) when the role does not exist; every other failure lands in the report. */
export async function rolePermissions(
  ctx: HopContext,
  roleArn: string,
  requirements: Requirement[]
): Promise<PermissionReport> {
  let simulationError: unknown;
  try {
    return { method: 'simulation', results: await simulate(ctx, roleArn, requirements) };
  } catch (error) {
    if (isAwsError(error, 'not_found')) throw error;
    simulationError = error;
  }
  const why = isAwsError(simulationError) ? simulationError.describe() : String(simulationError);
  try {
    const { results, policies, unreadable } = await readPolicies(ctx, roleArn, requirements);
    return {
      method: 'policy documents',
      results,
      note:
        `IAM policy simulation was not available (${why}); read the role's ${policies} policies instead. ` +
        'Permission boundaries and SCPs are not visible this way.' +
        (unreadable.length > 0 ? ` Unreadable: ${unreadable.join(', ')}.` : ''),
    };
  } catch (error) {
    if (isAwsError(error, 'not_found')) throw error;
    return {
      method: 'none',
      results: requirements.map((r) => ({ ...r, decision: 'unknown' })),
      note: `Neither policy simulation (${why}) nor reading the role's policies worked.`,
      error,
    };
  }
}

/** Actions a report found missing, split by how much they matter. */
function missingActions(report: PermissionReport): {
  required: PermissionResult[];
  optional: PermissionResult[];
  conditional: PermissionResult[];
} {
  const missing = (r: PermissionResult) => r.decision === 'denied' || r.decision === 'implicit';
  return {
    required: report.results.filter((r) => r.required && missing(r)),
    optional: report.results.filter((r) => !r.required && missing(r)),
    conditional: report.results.filter((r) => r.decision === 'conditional'),
  };
}

/** A permission report as the facts a judgement reads (and the report shows). */
export function permissionFacts(
  report: PermissionReport,
  roleArn: string,
  target: string,
  targetArn: string
): PermissionFacts {
  const { required, optional, conditional } = missingActions(report);
  return {
    roleArn,
    roleName: roleNameOfArn(roleArn),
    method: report.method,
    decisions: report.results.map((r) => ({
      action: r.action,
      resource: r.resource,
      decision: r.decision,
      ...(r.by && r.by.length > 0 ? { by: r.by } : {}),
    })),
    ...(report.note ? { note: report.note } : {}),
    missingRequired: required.map((r) => r.action),
    missingOptional: optional.map((r) => r.action),
    conditional: conditional.map((r) => r.action),
    target,
    targetArn,
  };
}

/**
 * A small reading of IAM policy documents, for when IAM's own simulator is not available to the checker (or
 * to emulators) and for resource policies the simulator does not take (domain access policies, trust
 * policies). It answers "does some statement allow this action on this resource" with wildcards, NotAction and
 * NotResource; a statement with a Condition it cannot evaluate makes the answer `conditional`, never `allowed`.
 * Permission boundaries and SCPs are not visible here; the evidence says so.
 */
import { globalArn, tryParseArn } from '../../../common/arn';

export type Decision = 'allowed' | 'denied' | 'implicit' | 'conditional';

export interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  NotPrincipal?: string | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export class PolicyParseError extends Error {}

export function statementsOf(documentText: string): Statement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(documentText);
  } catch {
    throw new PolicyParseError('the policy document is not valid JSON');
  }
  const statement = (parsed as { Statement?: unknown })?.Statement;
  if (statement === undefined) return [];
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null);
}

export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** IAM wildcards: `*` any run, `?` one character. Actions compare case-insensitively, ARNs exactly. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

export function actionMatches(statement: Statement, action: string): boolean {
  if (statement.NotAction !== undefined)
    return !asList(statement.NotAction).some((p) => wildcardMatch(p, action, true));
  return asList(statement.Action).some((p) => wildcardMatch(p, action, true));
}

export function resourceMatches(statement: Statement, resource: string): boolean {
  if (statement.NotResource !== undefined)
    return !asList(statement.NotResource).some((p) => wildcardMatch(p, resource));
  // Trust policies carry no Resource: the role itself is the resource.
  if (statement.Resource === undefined) return true;
  return asList(statement.Resource).some((p) => wildcardMatch(p, resource));
}

export interface Evaluation {
  decision: Decision;
  /** Which statements decided: Sid or position, with the policy name. */
  by: string[];
}

export interface NamedStatement {
  statement: Statement;
  label: string;
}

/**
 * Combine matching statements the way IAM does: an explicit Deny wins, then an Allow; Conditions keep the
 * answer open. `applies` filters statements further (a resource policy's Principal).
 */
export function evaluate(
  statements: NamedStatement[],
  action: string,
  resource: string,
  applies: (s: Statement) => 'yes' | 'no' | 'conditional' = () => 'yes'
): Evaluation {
  const allow: string[] = [];
  const conditionalAllow: string[] = [];
  const deny: string[] = [];
  const conditionalDeny: string[] = [];
  for (const { statement, label } of statements) {
    if (!actionMatches(statement, action) || !resourceMatches(statement, resource)) continue;
    const scope = applies(statement);
    if (scope === 'no') continue;
    const conditional = scope === 'conditional' || statement.Condition !== undefined;
    const effect = String(statement.Effect ?? '').toLowerCase();
    if (effect === 'deny') (conditional ? conditionalDeny : deny).push(label);
    if (effect === 'allow') (conditional ? conditionalAllow : allow).push(label);
  }
  if (deny.length > 0) return { decision: 'denied', by: deny };
  if (allow.length > 0 && conditionalDeny.length === 0) return { decision: 'allowed', by: allow };
  if (allow.length > 0 || conditionalAllow.length > 0)
    return { decision: 'conditional', by: [...allow, ...conditionalAllow, ...conditionalDeny] };
  return { decision: 'implicit', by: [] };
}

export function labelStatements(documentText: string, policyName: string): NamedStatement[] {
  return statementsOf(documentText).map((statement, i) => ({
    statement,
    label: `${policyName}#${statement.Sid || i + 1}`,
  }));
}

/** Does a Principal element name this AWS principal (by ARN, account root, account id, or "*")? */
export function principalMatches(
  principal: Statement['Principal'],
  who: { arn: string; account: string }
): boolean {
  if (principal === undefined) return false;
  if (principal === '*') return true;
  if (typeof principal === 'string') return false;
  // The account root in the principal's own partition (arn:aws-cn:iam::<account>:root in China).
  const root = globalArn(tryParseArn(who.arn)?.partition ?? 'aws', 'iam', who.account, 'root');
  return asList(principal.AWS).some(
    (p) =>
      p === '*' || p === who.arn || p === who.account || p === root || wildcardMatch(p, who.arn)
  );
}

export function servicePrincipalMatches(
  principal: Statement['Principal'],
  service: string
): boolean {
  if (principal === undefined) return false;
  if (principal === '*') return true;
  if (typeof principal === 'string') return false;
  return asList(principal.Service).includes(service) || asList(principal.AWS).includes('*');
}

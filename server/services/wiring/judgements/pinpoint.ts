/**
 * Judgements of the first three hops, pure: who the check runs as, each project's event stream, and the role
 * Pinpoint writes with (its trust policy evaluated here, against the context Pinpoint sends).
 */
import { arnIn } from '../../../../common/arn';
import type { Json } from '../../../../common/validation';
import { PINPOINT_SERVICE } from '../catalogue/commands';
import type {
  DestinationFacts,
  EventStreamFacts,
  IdentityFacts,
  PermissionFacts,
  RoleSetFacts,
  TrustFacts,
} from '../facts';
import {
  actionMatches,
  asList,
  servicePrincipalMatches,
  statementsOf,
  type Statement,
  wildcardMatch,
} from '../policy_eval';
import { verdict } from './verdict';

export function judgeIdentity(f: IdentityFacts) {
  if (f.arn) return verdict('identity.caller', 'pass', 'as', f);
  // GetCallerIdentity needs no permission: AccessDenied here can only be the role assumption being refused.
  if (f.assumedRole && f.failureKind === 'access_denied')
    return verdict('identity.caller', 'fail', 'assume_refused', f);
  return verdict('identity.caller', 'fail', 'no_credentials', f);
}

export type AppState = 'ok' | 'no_stream' | 'no_app' | 'gone';

export function judgeEventStream(f: EventStreamFacts, state: AppState) {
  switch (state) {
    case 'ok':
      return verdict('event_stream.exists', 'pass', 'streams', f);
    case 'gone':
      // Pinpoint's end of support is not a fault of the pipeline: what comes after is checked on its own.
      return verdict('event_stream.exists', 'unknown', 'gone', f);
    default:
      return verdict('event_stream.exists', 'fail', state, f);
  }
}

export function judgeDestination(f: DestinationFacts) {
  if (f.kind === 'firehose') {
    if (f.asked && !destinationIsAsked(f))
      return verdict('event_stream.destination', 'fail', 'other_stream', f);
    return verdict('event_stream.destination', 'pass', 'firehose', f);
  }
  if (f.kind === 'kinesis') return verdict('event_stream.destination', 'warn', 'kinesis', f);
  return verdict('event_stream.destination', 'fail', 'not_firehose', f);
}

/** A stream asked for by ARN must be that ARN (region and account too); by name, that name. */
function destinationIsAsked(f: DestinationFacts): boolean {
  return f.asked?.startsWith('arn:')
    ? f.asked === f.destinationStreamArn
    : f.asked === f.destinationName;
}

export function judgeRoleSet(f: RoleSetFacts) {
  return f.roleArn
    ? verdict('event_stream.role', 'pass', 'set', f)
    : verdict('event_stream.role', 'fail', 'missing', f);
}

type ConditionResult = { result: 'match' | 'mismatch' | 'unknown' | 'open'; detail: string };

/** Evaluate the conditions we can (SourceAccount, SourceArn) against the context Pinpoint sends. */
export function conditionVerdict(
  condition: Record<string, Record<string, string | string[] | boolean>>,
  context: Record<string, string>
): ConditionResult {
  const unknown: string[] = [];
  for (const [operator, entries] of Object.entries(condition)) {
    for (const [key, raw] of Object.entries(entries)) {
      const contextKey = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
      const values = asList(typeof raw === 'boolean' ? String(raw) : raw);
      const op = operator.replace(/IfExists$/, '');
      if (!contextKey || !/^(StringEquals|StringLike|ArnEquals|ArnLike)$/.test(op)) {
        unknown.push(`${operator} ${key}`);
        continue;
      }
      const actual = context[contextKey];
      const like = op.endsWith('Like');
      if (!values.some((v) => (like ? wildcardMatch(v, actual) : v === actual))) {
        return {
          result: 'mismatch',
          detail: `${key} must be ${values.join(' or ')}, Pinpoint sends ${actual}`,
        };
      }
    }
  }
  if (unknown.length > 0)
    return { result: 'unknown', detail: `cannot evaluate ${unknown.join(', ')}` };
  return { result: 'match', detail: 'conditions match' };
}

export interface TrustInput {
  roleName: string;
  trustPolicy: string;
  account: string;
  region: string;
  appIds: string[];
}

/** The trust policy read as Pinpoint would meet it, for each project that uses the role. */
export function trustFacts(input: TrustInput): TrustFacts {
  const base = {
    roleName: input.roleName,
    account: input.account,
    region: input.region,
    trusting: 0,
    blocked: [],
    open: false,
  };
  let statements: Statement[];
  try {
    statements = statementsOf(input.trustPolicy);
  } catch {
    return { ...base, trustPolicy: null, invalidJson: true };
  }
  const trustPolicy = JSON.parse(input.trustPolicy) as Json;
  const trusting = statements.filter(
    (s) =>
      String(s.Effect).toLowerCase() === 'allow' &&
      actionMatches(s, 'sts:AssumeRole') &&
      servicePrincipalMatches(s.Principal, PINPOINT_SERVICE)
  );
  const perApp = input.appIds.map((appId) => {
    const context = {
      'aws:SourceAccount': input.account,
      'aws:SourceArn': arnIn(input.region, 'mobiletargeting', input.account, `apps/${appId}`),
    };
    const results = trusting.map((s): ConditionResult =>
      s.Condition
        ? conditionVerdict(s.Condition, context)
        : { result: 'open', detail: 'no condition' }
    );
    return { appId, results };
  });
  const blocked = perApp.filter((p) => p.results.every((r) => r.result === 'mismatch'));
  const unsure = perApp.flatMap((p) => p.results.filter((r) => r.result === 'unknown'));
  const allMatch = perApp.every((p) => p.results.some((r) => r.result === 'match'));
  return {
    ...base,
    trustPolicy,
    invalidJson: false,
    trusting: trusting.length,
    blocked: trusting.length > 0 ? blocked.map((b) => b.appId) : [],
    blockedDetail: blocked[0]?.results[0]?.detail,
    open: perApp.some((p) => p.results.some((r) => r.result === 'open')),
    unsure: unsure.length > 0 && !allMatch ? unsure[0].detail : undefined,
  };
}

export function judgeTrust(f: TrustFacts) {
  if (f.invalidJson) return verdict('pinpoint_role.trust', 'fail', 'invalid', f);
  if (f.trusting === 0) return verdict('pinpoint_role.trust', 'fail', 'untrusted', f);
  if (f.blocked.length > 0) return verdict('pinpoint_role.trust', 'fail', 'blocked', f);
  if (f.open) return verdict('pinpoint_role.trust', 'warn', 'open', f);
  if (f.unsure) return verdict('pinpoint_role.trust', 'warn', 'unsure', f);
  return verdict('pinpoint_role.trust', 'pass', 'trusted', f);
}

/** Pinpoint's role: every required action allowed on the stream (method `none` is read as a failure first). */
export function judgePinpointPermissions(f: PermissionFacts) {
  if (f.missingRequired.length > 0)
    return verdict('pinpoint_role.permissions', 'fail', 'missing', f);
  if (f.conditional.length > 0)
    return verdict('pinpoint_role.permissions', 'warn', 'conditional', f);
  return verdict('pinpoint_role.permissions', 'pass', 'allowed', f);
}

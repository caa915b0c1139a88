/**
 * Judgements of the last three hops, pure: failed documents in S3, Firehose's access to the domain (its role,
 * the network, the access policy evaluated here, the security plugin's mapping), and the flow of events.
 */
import { tryParseArn } from '../../../../common/arn';
import type { Json } from '../../../../common/validation';
import type {
  AccessPolicyFacts,
  DomainFacts,
  FailedRecordsFacts,
  FlowFactsEvidence,
  FreshnessFacts,
  LatestDocumentFacts,
  MappingFacts,
  NetworkFacts,
  PermissionFacts,
  SuccessFacts,
} from '../facts';
import { evaluate, labelStatements, principalMatches, type Statement } from '../policy_eval';
import { verdict } from './verdict';

export function judgeFailedRecords(f: FailedRecordsFacts) {
  if (f.missingBucket) return verdict('failed_records.recent', 'fail', 'missing_bucket', f);
  if (f.files === 0) return verdict('failed_records.recent', 'pass', 'none', f);
  return f.recent
    ? verdict('failed_records.recent', 'fail', 'recent', f)
    : verdict('failed_records.recent', 'warn', 'older', f);
}

export function judgeFirehoseRole(f: PermissionFacts) {
  const id = 'delivery_access.role_permissions' as const;
  if (f.missingRequired.length > 0) return verdict(id, 'fail', 'lacks_required', f);
  if (f.missingOptional.length > 0 || f.conditional.length > 0)
    return verdict(id, 'warn', 'lacks_optional', f);
  return verdict(id, 'pass', 'allowed', f);
}

export function judgeDomain(f: DomainFacts) {
  const id = 'delivery_access.domain' as const;
  if (!f.domain) return verdict(id, 'unknown', 'endpoint_only', f);
  if (f.missing) return verdict(id, 'fail', 'missing', f);
  return f.deleted ? verdict(id, 'fail', 'deleted', f) : verdict(id, 'pass', 'exists', f);
}

/** Only when either side uses a VPC is there a network path to judge. */
export function judgeNetwork(f: NetworkFacts) {
  const id = 'delivery_access.network' as const;
  const domainInVpc = f.domainVpc !== null;
  if (!domainInVpc && !f.streamVpc) return undefined;
  if (domainInVpc === f.streamVpc) return verdict(id, 'pass', 'vpc', f);
  return domainInVpc
    ? verdict(id, 'fail', 'domain_vpc_only', f)
    : verdict(id, 'fail', 'stream_vpc_only', f);
}

export interface AccessPolicyInput {
  roleArn: string;
  domainArn: string;
  domainName: string;
  accessPolicies?: string;
  /** The role's own decisions for es:ESHttpPost/Put, from its permission report. */
  roleDecisions?: Array<{ action: string; decision: string }>;
  roleUnreadable: boolean;
}

/** The domain's access policy evaluated for Firehose's role writing `_bulk`. */
export function accessPolicyFacts(input: AccessPolicyInput): AccessPolicyFacts {
  const domainAccount = tryParseArn(input.domainArn)?.account ?? '';
  const who = { arn: input.roleArn, account: tryParseArn(input.roleArn)?.account ?? '' };
  const base = {
    roleArn: input.roleArn,
    domainArn: input.domainArn,
    domainName: input.domainName,
    sameAccount: who.account === domainAccount,
    roleUnreadable: input.roleUnreadable,
    identityAllows:
      !input.roleUnreadable &&
      (input.roleDecisions ?? [])
        .filter((r) => r.action === 'es:ESHttpPost' || r.action === 'es:ESHttpPut')
        .every((r) => r.decision === 'allowed') &&
      (input.roleDecisions ?? []).length > 0,
  };
  let statements;
  try {
    statements = input.accessPolicies ? labelStatements(input.accessPolicies, 'access policy') : [];
  } catch {
    return { ...base, accessPolicies: null, invalidJson: true, decisions: [] };
  }
  // aws:SourceIp conditions never match Firehose (it calls from AWS's own addresses): such a statement does not apply.
  const applies = (s: Statement) => {
    if (!principalMatches(s.Principal, who)) return 'no' as const;
    const keys = Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c));
    if (keys.some((k) => k.toLowerCase() === 'aws:sourceip')) return 'no' as const;
    return keys.length > 0 ? ('conditional' as const) : ('yes' as const);
  };
  const decisions = ['es:ESHttpPost', 'es:ESHttpPut'].map((action) => {
    const e = evaluate(statements, action, `${input.domainArn}/_bulk`, applies);
    return { action, resource: `${input.domainArn}/_bulk`, decision: e.decision, by: e.by };
  });
  return {
    ...base,
    accessPolicies: input.accessPolicies ? (JSON.parse(input.accessPolicies) as Json) : null,
    invalidJson: false,
    decisions,
  };
}

export function judgeAccessPolicy(f: AccessPolicyFacts) {
  const id = 'delivery_access.access_policy' as const;
  if (f.invalidJson) return verdict(id, 'unknown', 'invalid', f);
  if (f.decisions.some((d) => d.decision === 'denied')) return verdict(id, 'fail', 'denied', f);
  if (f.decisions.every((d) => d.decision === 'allowed')) return verdict(id, 'pass', 'allowed', f);
  if (f.sameAccount && f.identityAllows) return verdict(id, 'pass', 'identity_enough', f);
  if (f.decisions.some((d) => d.decision === 'conditional'))
    return verdict(id, 'warn', 'conditional', f);
  if (!f.sameAccount) return verdict(id, 'fail', 'other_account', f);
  return f.roleUnreadable
    ? verdict(id, 'unknown', 'closed_unreadable', f)
    : verdict(id, 'fail', 'closed', f);
}

export function judgeMapping(f: MappingFacts) {
  const id = 'delivery_access.fgac_mapping' as const;
  if (!f.fineGrainedAccessControl) return verdict(id, 'pass', 'off', f);
  if (f.readable !== 'yes') return verdict(id, 'unknown', 'elsewhere', f);
  if (f.readStatus === 401 || f.readStatus === 403) return verdict(id, 'unknown', 'forbidden', f);
  if (f.readError !== undefined) return verdict(id, 'unknown', 'unreadable', f);
  return (f.mappedRoles ?? []).length > 0
    ? verdict(id, 'pass', 'mapped', f)
    : verdict(id, 'fail', 'unmapped', f);
}

/** How far behind the data may be before it counts as stuck: two buffer intervals and a minute. */
export function lagLimitSeconds(intervalSeconds: number): number {
  return intervalSeconds * 2 + 60;
}

export function judgeSuccess(f: SuccessFacts) {
  const id = 'delivery_metrics.success' as const;
  if (f.successRatio === undefined) return verdict(id, 'pass', 'none', f);
  return f.successRatio < 0.99 ? verdict(id, 'fail', 'failing', f) : verdict(id, 'pass', 'ok', f);
}

export function judgeFreshness(f: FreshnessFacts) {
  const id = 'delivery_metrics.freshness' as const;
  if (f.dataFreshnessMaxSeconds === undefined) return verdict(id, 'pass', 'none', f);
  return f.dataFreshnessMaxSeconds > f.limitSeconds
    ? verdict(id, 'fail', 'stale', f)
    : verdict(id, 'pass', 'ok', f);
}

export function judgeLatestDocument(f: LatestDocumentFacts) {
  const id = 'delivery_metrics.latest_document' as const;
  if (f.source === 'other_cluster') return verdict(id, 'unknown', 'other_cluster', f);
  if (f.source === 'no_cluster') return verdict(id, 'unknown', 'no_cluster', f);
  if (f.source === 'error') return verdict(id, 'unknown', 'unreadable', f);
  const recent = f.ageSeconds !== undefined && f.ageSeconds <= f.limitSeconds;
  const missing = f.incomingRecords > 0 && !recent;
  if (f.latestArrival === undefined) return verdict(id, missing ? 'fail' : 'warn', 'empty', f);
  if (recent) return verdict(id, 'pass', 'recent', f);
  return missing ? verdict(id, 'fail', 'missing', f) : verdict(id, 'warn', 'old', f);
}

export interface FlowInput {
  metricsRead: boolean;
  incoming?: number;
  delivered?: number;
  successRatio?: number;
  freshnessMaxSeconds?: number;
  /** Age of the newest document in the cluster, seconds. */
  latestAgeSeconds?: number;
}

/** The verdict from the facts: flowing, stalled, idle, or unknown when neither CloudWatch nor the cluster told. */
export function flowVerdict(
  facts: FlowInput,
  intervalSeconds: number
): FlowFactsEvidence['verdict'] {
  const limit = lagLimitSeconds(intervalSeconds);
  const recentDoc = facts.latestAgeSeconds !== undefined && facts.latestAgeSeconds <= limit;
  if (facts.metricsRead) {
    const incoming = facts.incoming ?? 0;
    if (incoming === 0) return recentDoc ? 'flowing' : 'idle';
    const stuck =
      (facts.delivered ?? 0) === 0 ||
      (facts.successRatio !== undefined && facts.successRatio < 0.99) ||
      (facts.freshnessMaxSeconds !== undefined && facts.freshnessMaxSeconds > limit);
    return stuck ? 'stalled' : 'flowing';
  }
  return recentDoc ? 'flowing' : 'unknown';
}

const FLOW_STATUS = { flowing: 'pass', stalled: 'fail', idle: 'warn', unknown: 'unknown' } as const;

export function judgeFlow(f: FlowFactsEvidence) {
  return verdict('delivery_metrics.flow', FLOW_STATUS[f.verdict], f.verdict, f);
}

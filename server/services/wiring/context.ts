/**
 * What every hop gets: the request, the AWS ports per region, the cluster the user is looking at (as the current
 * user), call options carrying the deadline, and "now". Also the one reading of an AWS failure as facts: a
 * failure of the checker (permission, throttling, timeout, DNS) becomes an `unknown` check with a remedy for the
 * checker (worded in the catalogue), never a verdict about the pipeline.
 */
import type { WiringRequest } from '../../../common/wiring_types';
import type { AwsPorts } from '../../aws/client_factory';
import type { CallOptions } from '../../aws/call';
import { AwsCallError } from '../../aws/errors';
import type { OpenSearchClient } from '../../osd_port';
import type { CallFailure } from './facts';

export interface HopContext {
  request: WiringRequest;
  /** Ports for a region (the request's by default): a stream or domain ARN may name another region. */
  aws(region?: string): AwsPorts;
  /** The cluster these dashboards read; absent in the CLI when no cluster was given. */
  cluster?: OpenSearchClient;
  call: CallOptions;
  /** Bound for cluster-side requests. */
  clusterTimeoutMs: number;
  now: Date;
}

/** The IAM action behind each call we make: what to grant the identity running the check. */
const CHECKER_ACTIONS: Record<string, string> = {
  'sts:GetCallerIdentity': 'sts:GetCallerIdentity',
  'pinpoint:GetEventStream': 'mobiletargeting:GetEventStream',
  'firehose:DescribeDeliveryStream': 'firehose:DescribeDeliveryStream',
  'iam:GetRole': 'iam:GetRole',
  'iam:SimulatePrincipalPolicy': 'iam:SimulatePrincipalPolicy',
  'iam:ListRolePolicies':
    'iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicy, iam:GetPolicyVersion',
  's3:ListObjectsV2': 's3:ListBucket',
  's3:GetObject': 's3:GetObject',
  'opensearch:DescribeDomain': 'es:DescribeDomain',
  'cloudwatch:GetMetricData': 'cloudwatch:GetMetricData',
};

/** Every permission the check uses, for the setup page and the CLI's help. */
export const CHECKER_POLICY_ACTIONS = [
  'sts:GetCallerIdentity',
  'mobiletargeting:GetEventStream',
  'firehose:DescribeDeliveryStream',
  'iam:GetRole',
  'iam:SimulatePrincipalPolicy',
  'iam:ListRolePolicies',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  's3:ListBucket',
  's3:GetObject',
  'es:DescribeDomain',
  'cloudwatch:GetMetricData',
] as const;

/** DNS answered "no such name": the call never reached AWS, whatever the service's state. */
function unresolvedHost(error: AwsCallError): string | undefined {
  if (error.code !== 'ENOTFOUND' && error.code !== 'EAI_AGAIN') return undefined;
  return /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(error.message)?.[1] ?? 'the service endpoint';
}

/** A failed call as facts for a judgement: which call, what kind of failure, what to grant. */
export function readFailure(error: unknown): CallFailure {
  if (!(error instanceof AwsCallError)) {
    return { kind: 'other', error: error instanceof Error ? error.message : String(error) };
  }
  const call = `${error.service}:${error.operation}`;
  return {
    kind: error.kind,
    call,
    action: CHECKER_ACTIONS[call],
    unresolvedHost: unresolvedHost(error),
    error: error.describe(),
  };
}

export function isAwsError(
  error: unknown,
  ...kinds: AwsCallError['kind'][]
): error is AwsCallError {
  return error instanceof AwsCallError && (kinds.length === 0 || kinds.includes(error.kind));
}

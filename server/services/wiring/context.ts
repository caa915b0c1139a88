/**
 * What every hop gets: the request, the AWS ports per region, the cluster the user is looking at (as the current
 * user), call options carrying the deadline, and "now". Also the one reading of an AWS failure as a check: a
 * failure of the checker (permission, throttling, timeout) is `unknown` with a remedy for the checker, never a
 * verdict about the pipeline.
 */
import type { WiringRequest } from '../../../common/wiring_types';
import type { AwsPorts } from '../../aws/client_factory';
import type { CallOptions } from '../../aws/call';
import { AwsCallError } from '../../aws/errors';
import type { OpenSearchClient } from '../../osd_port';
import type { CheckInput } from './hop_builder';

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

function describeKind(error: AwsCallError): string {
  switch (error.kind) {
    case 'access_denied':
      return 'the identity running this check may not call';
    case 'credentials':
      return 'no usable AWS credentials for';
    case 'throttled':
      return 'AWS kept throttling';
    case 'timeout':
      return 'no answer in time from';
    case 'cancelled':
      return 'the 20 s budget ran out before';
    case 'network':
      return 'could not connect to';
    case 'gone':
      return 'the API no longer answers:';
    case 'not_found':
      return 'not found:';
    default:
      return 'AWS refused';
  }
}

/** A failed call as an `unknown` check with a remedy that fixes the checker's side. */
export function unknownFromError(
  base: Omit<CheckInput, 'status' | 'message'>,
  error: unknown,
  what: string
): CheckInput {
  if (!(error instanceof AwsCallError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'unknown', message: `Could not ${what}: ${message}` };
  }
  const action = CHECKER_ACTIONS[`${error.service}:${error.operation}`];
  const evidence = { ...base.evidence, error: error.describe() };
  const message = `Could not ${what}: ${describeKind(error)} ${error.service}:${error.operation}.`;
  switch (error.kind) {
    case 'access_denied':
      return {
        ...base,
        status: 'unknown',
        message,
        evidence,
        remedy: {
          summary: `Allow ${action ?? `${error.service}:${error.operation}`} to the identity the check runs as (see the Identity hop), then run the check again.`,
          console:
            'IAM console → Roles (or Users) → the identity → Add permissions → Create inline policy',
        },
      };
    case 'credentials':
      return {
        ...base,
        status: 'unknown',
        message,
        evidence,
        remedy: {
          summary:
            'Give the OpenSearch Dashboards server AWS credentials through the default provider chain (environment, shared config, container or instance role).',
        },
      };
    case 'throttled':
    case 'timeout':
    case 'cancelled':
    case 'network':
      return {
        ...base,
        status: 'unknown',
        message,
        evidence,
        remedy: {
          summary: 'Run the check again; if it keeps happening, check the network path to AWS.',
        },
      };
    default:
      return { ...base, status: 'unknown', message, evidence };
  }
}

export function isAwsError(
  error: unknown,
  ...kinds: AwsCallError['kind'][]
): error is AwsCallError {
  return error instanceof AwsCallError && (kinds.length === 0 || kinds.includes(error.kind));
}

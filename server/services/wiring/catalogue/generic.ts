/**
 * Wording every hop shares: a call that failed (the checker's problem, never a verdict about the pipeline),
 * a hop with nothing to look at, a hop the deadline ended, and a bug caught by the orchestrator.
 */
import type { Remedy } from '../../../../common/check';
import type { CallFailure, DeadlineFacts } from '../facts';

function describeKind(f: CallFailure): string {
  const call = f.call ?? 'AWS';
  switch (f.kind) {
    case 'access_denied':
      return `the identity running this check may not call ${call}`;
    case 'credentials':
      return `no usable AWS credentials for ${call}`;
    case 'throttled':
      return `AWS kept throttling ${call}`;
    case 'timeout':
      return `no answer in time from ${call}`;
    case 'cancelled':
      return `the time budget ran out before ${call}`;
    case 'network':
      return f.unresolvedHost
        ? `the name ${f.unresolvedHost} does not resolve (DNS), so ${call} was never reached`
        : `could not connect to ${call}`;
    case 'gone':
      return `the API no longer answers: ${call}`;
    case 'not_found':
      return `not found: ${call}`;
    default:
      return `AWS refused ${call}`;
  }
}

/** `Could not <what>: <what happened>.` */
export function failureMessage(what: string, f: CallFailure): string {
  if (!f.call) return `Could not ${what}: ${f.error}`;
  return `Could not ${what}: ${describeKind(f)}.`;
}

export function failureRemedy(f: CallFailure): Remedy | undefined {
  switch (f.kind) {
    case 'access_denied':
      return {
        text: `Allow ${f.action ?? f.call} to the identity the check runs as (see the Identity hop), then run the check again.`,
        console:
          'IAM console → Roles (or Users) → the identity → Add permissions → Create inline policy',
      };
    case 'credentials':
      return {
        text: 'Give the OpenSearch Dashboards server AWS credentials through the default provider chain (environment, shared config, container or instance role).',
      };
    case 'network':
      return f.unresolvedHost
        ? {
            text: `Check the DNS and outbound network of the machine running the check (a proxy, a VPC endpoint or AWS_ENDPOINT_URL set wrong are the usual causes): ${f.unresolvedHost} must resolve. A name that does not resolve says nothing about the service itself.`,
          }
        : { text: 'Check the network path from this machine to AWS, then run the check again.' };
    case 'throttled':
    case 'timeout':
    case 'cancelled':
      return { text: 'Run the check again; if it keeps happening, check the network path to AWS.' };
    default:
      return undefined;
  }
}

export const GENERIC_TITLES = {
  internal: 'Check',
  deadline: 'Finished in time',
} as const;

export const INTERNAL_MESSAGE =
  'This hop could not be checked (internal error; see the server log).';

export function deadlineMessage(f: DeadlineFacts): string {
  return f.cancelled
    ? 'The check was cancelled before this hop finished.'
    : `Not finished within ${f.deadlineMs / 1000} s: the checks above are what was known by then.`;
}

export const DEADLINE_REMEDY: Remedy = {
  text: 'Run the check again; a slow or throttled AWS API is the usual cause.',
};

/** Why a hop (or one subject of it) has nothing to look at. */
export const SKIP = {
  noAppIds: 'No Pinpoint application id given: checking from the Firehose stream onwards.',
  noCredentials: 'No usable AWS credentials (see Identity).',
  noStreamToFollow: 'No Firehose stream to follow.',
  streamUnchecked: (name: string) =>
    `Firehose stream ${name} could not be checked (see the Firehose hop).`,
  noEventStreamPoints: 'No event stream points at a Firehose delivery stream.',
  pinpointGoneRole: 'Pinpoint no longer answers, so its role is not known.',
  noRoleToCheck: 'No event stream with a role and a stream destination to check.',
  roleMissing: 'The role does not exist.',
  noBackupBucket: 'The stream names no backup bucket.',
} as const;

/** Wording of the first three hops: who checks, each project's event stream, and the role Pinpoint writes with. */
import type {
  DestinationFacts,
  EventStreamFacts,
  IdentityFacts,
  PermissionFacts,
  PinpointRoleFacts,
  RoleSetFacts,
  TrustFacts,
} from '../facts';
import {
  EVENT_STREAM_CONSOLE,
  IAM_INLINE_POLICY_CONSOLE,
  PINPOINT_SERVICE,
  pinpointTrustPolicy,
  putEventStreamCli,
} from './commands';
import { forReasons, wording } from './wording';

const NAME_THE_STREAM =
  'Give the Firehose delivery stream name (firehoseStream, or --firehose-stream in the CLI). New events can keep flowing into the same stream from SES configuration-set event publishing or AWS End User Messaging SMS event destinations.';

export const PINPOINT_CHECKS = {
  'identity.caller': wording<IdentityFacts>()({
    title: 'AWS identity',
    message: {
      as: (f) => `Checking as ${f.arn} in ${f.region}.`,
      no_credentials: (f) => `No usable AWS credentials: ${f.error}`,
      assume_refused: (f) => `The server's credentials may not assume ${f.assumedRole}: ${f.error}`,
    },
    remedy: {
      no_credentials: () => ({
        text: "Give the Dashboards server AWS credentials through the SDK's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a container/instance role.",
        command: 'aws sts get-caller-identity',
      }),
      assume_refused: (f) => ({
        text: `Check that the server's credentials may assume ${f.assumedRole} (its trust policy and sts:AssumeRole).`,
        command: 'aws sts get-caller-identity',
      }),
    },
  }),

  'event_stream.exists': wording<EventStreamFacts>()({
    title: 'Event stream configured',
    message: {
      streams: (f) =>
        `Project ${f.applicationId} streams its events to ${f.destinationStreamArn || '(no destination)'}.`,
      no_app: (f) =>
        `Pinpoint has no project ${f.applicationId} in ${f.region}: check the id and the region.`,
      no_stream: (f) => `Project ${f.applicationId} has no event stream: its events go nowhere.`,
      gone: (f) =>
        `Amazon Pinpoint reached end of support on ${f.endOfSupport} and its API no longer answers, so the ` +
        `event stream of ${f.applicationId} cannot be read. ` +
        (f.askedStream
          ? `The Firehose stream ${f.askedStream} and everything after it are checked on their own.`
          : 'Name the Firehose stream to check everything after it.'),
    },
    remedy: {
      no_app: () => ({
        text: 'Use the Project ID shown in Pinpoint, and the region the project lives in.',
      }),
      no_stream: (f) => ({
        text: 'Point the project’s event stream at the Firehose delivery stream.',
        console: EVENT_STREAM_CONSOLE,
        command: putEventStreamCli(f.region, f.applicationId, f.askedStream),
      }),
      gone: () => ({ text: NAME_THE_STREAM }),
    },
  }),

  'event_stream.destination': wording<DestinationFacts>()({
    title: 'Destination is a Firehose stream',
    message: {
      firehose: (f) => `Firehose delivery stream ${f.destinationName}.`,
      other_stream: (f) =>
        `Project ${f.applicationId} sends to Firehose stream ${f.asked?.startsWith('arn:') ? f.destinationStreamArn : f.destinationName}, not to ${f.asked} as asked.`,
      kinesis: (f) =>
        `Project ${f.applicationId} sends to the Kinesis data stream ${f.destinationName}. A data stream holds records until ` +
        'something consumes them: nothing reaches OpenSearch unless a Firehose stream (source: Kinesis data stream) reads it.',
      not_firehose: (f) =>
        `The destination ${f.destinationStreamArn || '(empty)'} is not a Firehose delivery stream.`,
    },
    remedy: {
      other_stream: (f) => ({
        text: `Point the event stream at ${f.asked}, or check ${f.destinationName} instead.`,
        console: EVENT_STREAM_CONSOLE,
        command: putEventStreamCli(f.region, f.applicationId, f.asked, f.roleArn),
      }),
      kinesis: (f) => ({
        text: f.asked
          ? `Make sure ${f.asked} reads from ${f.destinationName} (its source is checked in the Firehose hop).`
          : 'Stream to a Firehose delivery stream directly, or name the Firehose stream that consumes this data stream.',
        console: EVENT_STREAM_CONSOLE,
        command: putEventStreamCli(f.region, f.applicationId, f.asked, f.roleArn),
      }),
      not_firehose: (f) => ({
        text: 'Point the event stream at the Firehose delivery stream that delivers to OpenSearch.',
        console: EVENT_STREAM_CONSOLE,
        command: putEventStreamCli(f.region, f.applicationId, f.asked, f.roleArn),
      }),
    },
  }),

  'event_stream.role': wording<RoleSetFacts>()({
    title: 'Role set',
    message: {
      set: (f) => `Pinpoint writes as ${f.roleArn}.`,
      missing: () => 'The event stream names no role, so Pinpoint cannot write to the stream.',
    },
    remedy: {
      missing: (f) => ({
        text: 'Set a role that pinpoint.amazonaws.com may assume and that may call firehose:PutRecordBatch.',
        console: EVENT_STREAM_CONSOLE,
        command: putEventStreamCli(f.region, f.applicationId, f.destinationName),
      }),
    },
  }),

  'pinpoint_role.exists': wording<PinpointRoleFacts>()({
    title: 'Role exists',
    message: {
      exists: (f) => `${f.roleArn}, used by ${f.applications.join(', ')}.`,
      missing: (f) => `The event stream's role ${f.roleArn} does not exist.`,
    },
    remedy: {
      missing: (f) => ({
        text: 'Create the role (trusted by pinpoint.amazonaws.com) or point the event stream at an existing one.',
        command: `aws iam create-role --role-name ${f.roleName} --assume-role-policy-document '${pinpointTrustPolicy(f.account, f.region)}'`,
      }),
    },
  }),

  'pinpoint_role.trust': wording<TrustFacts>()({
    title: 'Trusted by pinpoint.amazonaws.com',
    message: {
      invalid: () => 'The trust policy is not valid JSON.',
      untrusted: () =>
        `${PINPOINT_SERVICE} may not assume this role, so Pinpoint cannot deliver events.`,
      blocked: (f) =>
        `The trust policy's conditions shut Pinpoint out for ${f.blocked.join(', ')}: ${f.blockedDetail}.`,
      open: () =>
        'Pinpoint may assume the role, but without an aws:SourceAccount or aws:SourceArn condition any account’s Pinpoint could use it (confused deputy).',
      unsure: (f) =>
        `Pinpoint is trusted under conditions this check cannot evaluate (${f.unsure}).`,
      trusted: () =>
        'Pinpoint may assume the role, limited by aws:SourceAccount/aws:SourceArn to this account.',
    },
    remedy: forReasons(['invalid', 'untrusted', 'blocked', 'open', 'unsure'], (f: TrustFacts) => ({
      text: 'Let Pinpoint assume the role, limited to your account and its projects.',
      console: `IAM console → Roles → ${f.roleName} → Trust relationships → Edit trust policy`,
      command: `aws iam update-assume-role-policy --role-name ${f.roleName} --policy-document '${pinpointTrustPolicy(f.account, f.region)}'`,
    })),
  }),

  'pinpoint_role.permissions': wording<PermissionFacts>()({
    title: 'Allowed to write to the stream',
    message: {
      missing: (f) =>
        `${f.roleName} may not ${f.decisions
          .filter((d) => f.missingRequired.includes(d.action))
          .map(
            (d) => `${d.action} (${d.decision === 'denied' ? 'explicitly denied' : 'not allowed'})`
          )
          .join(', ')} on ${f.target}.`,
      conditional: (f) =>
        `${f.conditional.join(', ')} are allowed only under conditions this check cannot evaluate.`,
      allowed: (f) =>
        `${f.roleName} may ${f.decisions.map((d) => d.action).join(' and ')} on ${f.target}.`,
    },
    remedy: forReasons(['missing', 'conditional'], (f: PermissionFacts) => {
      const actions = [...new Set(f.decisions.map((d) => d.action))];
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: actions, Resource: f.targetArn }],
      });
      return {
        text: `Allow ${actions.join(' and ')} on ${f.targetArn}.`,
        console: IAM_INLINE_POLICY_CONSOLE(f.roleName),
        command: `aws iam put-role-policy --role-name ${f.roleName} --policy-name pinpoint-event-stream --policy-document '${policy}'`,
      };
    }),
  }),
} as const;

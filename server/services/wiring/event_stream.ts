/**
 * Hop 2: each Pinpoint application's event stream: there is one, it points at a Firehose delivery stream, and
 * it names a role. Pinpoint reached end of support on 2026-10-30: when its API no longer answers this hop says
 * so plainly and stays `unknown`, never `fail`, and the Firehose side is checked on its own.
 */
import { type Arn, parseArn } from '../../../common/aws_validation';
import { InvalidInputError } from '../../../common/validation';
import { isAwsError, type HopContext, unknownFromError } from './context';
import type { HopBuilder } from './hop_builder';

export interface Destination {
  kind: 'firehose' | 'kinesis' | 'other';
  arn: string;
  name: string;
  region: string;
  account: string;
}

export interface AppStream {
  appId: string;
  state: 'ok' | 'no_stream' | 'no_app' | 'gone' | 'unknown';
  destination?: Destination;
  roleArn?: string;
}

export const PINPOINT_END_OF_SUPPORT = '2026-10-30';

export function parseDestination(arnText: string): Destination | undefined {
  let arn: Arn;
  try {
    arn = parseArn(arnText);
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
  const base = { arn: arnText, region: arn.region, account: arn.account };
  if (arn.service === 'firehose' && arn.resource.startsWith('deliverystream/'))
    return { ...base, kind: 'firehose', name: arn.resource.slice('deliverystream/'.length) };
  if (arn.service === 'kinesis' && arn.resource.startsWith('stream/'))
    return { ...base, kind: 'kinesis', name: arn.resource.slice('stream/'.length) };
  return { ...base, kind: 'other', name: arn.resource };
}

function putEventStreamCli(
  ctx: HopContext,
  appId: string,
  stream = '<stream>',
  role = '<role>'
): string {
  return (
    `aws pinpoint put-event-stream --region ${ctx.request.region} --application-id ${appId} ` +
    `--write-event-stream DestinationStreamArn=arn:aws:firehose:${ctx.request.region}:<account>:deliverystream/${stream},RoleArn=${role}`
  );
}

const EVENT_STREAM_CONSOLE =
  'Pinpoint console → All projects → the project → Settings → Event stream → Edit → Stream to Amazon Kinesis → Send events to an Amazon Kinesis Data Firehose delivery stream';

async function checkApp(ctx: HopContext, hop: HopBuilder, appId: string): Promise<AppStream> {
  const subject = appId;
  const title = 'Event stream configured';
  let eventStream;
  try {
    eventStream = await ctx.aws().pinpoint.getEventStream(appId, ctx.call);
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      const noApp = /application/i.test(error.message);
      hop.add({
        id: 'exists',
        title,
        subject,
        status: 'fail',
        message: noApp
          ? `Pinpoint has no project ${appId} in ${ctx.request.region}: check the id and the region.`
          : `Project ${appId} has no event stream: its events go nowhere.`,
        evidence: { applicationId: appId, region: ctx.request.region, error: error.describe() },
        remedy: noApp
          ? {
              summary: 'Use the Project ID shown in Pinpoint, and the region the project lives in.',
            }
          : {
              summary: 'Point the project’s event stream at the Firehose delivery stream.',
              console: EVENT_STREAM_CONSOLE,
              cli: putEventStreamCli(ctx, appId, ctx.request.firehoseStream),
            },
      });
      return { appId, state: noApp ? 'no_app' : 'no_stream' };
    }
    if (isAwsError(error, 'gone')) {
      hop.add({
        id: 'exists',
        title,
        subject,
        status: 'unknown',
        message:
          `Amazon Pinpoint reached end of support on ${PINPOINT_END_OF_SUPPORT} and its API no longer answers, so the ` +
          `event stream of ${appId} cannot be read. ` +
          (ctx.request.firehoseStream
            ? `The Firehose stream ${ctx.request.firehoseStream} and everything after it are checked on their own.`
            : 'Name the Firehose stream to check everything after it.'),
        evidence: {
          applicationId: appId,
          error: error.describe(),
          endOfSupport: PINPOINT_END_OF_SUPPORT,
        },
        remedy: {
          summary:
            'Give the Firehose delivery stream name (firehoseStream, or --firehose-stream in the CLI). New events can keep flowing into the same stream from SES configuration-set event publishing or AWS End User Messaging SMS event destinations.',
        },
      });
      return { appId, state: 'gone' };
    }
    hop.add(
      unknownFromError({ id: 'exists', title, subject }, error, `read the event stream of ${appId}`)
    );
    return { appId, state: 'unknown' };
  }

  const destinationArn = eventStream.DestinationStreamArn ?? '';
  const roleArn = eventStream.RoleArn || undefined;
  hop.add({
    id: 'exists',
    title,
    subject,
    status: 'pass',
    message: `Project ${appId} streams its events to ${destinationArn || '(no destination)'}.`,
    evidence: {
      applicationId: appId,
      destinationStreamArn: destinationArn,
      roleArn: roleArn ?? null,
      lastModifiedDate: eventStream.LastModifiedDate,
      lastUpdatedBy: eventStream.LastUpdatedBy,
    },
  });
  const destination = parseDestination(destinationArn);
  checkDestination(ctx, hop, appId, destination, destinationArn, roleArn);
  hop.add(
    roleArn
      ? {
          id: 'role',
          title: 'Role set',
          subject,
          status: 'pass',
          message: `Pinpoint writes as ${roleArn}.`,
          evidence: { roleArn },
        }
      : {
          id: 'role',
          title: 'Role set',
          subject,
          status: 'fail',
          message: 'The event stream names no role, so Pinpoint cannot write to the stream.',
          evidence: { roleArn: null },
          remedy: {
            summary:
              'Set a role that pinpoint.amazonaws.com may assume and that may call firehose:PutRecordBatch.',
            console: EVENT_STREAM_CONSOLE,
            cli: putEventStreamCli(ctx, appId, destination?.name),
          },
        }
  );
  return { appId, state: 'ok', destination, roleArn };
}

function checkDestination(
  ctx: HopContext,
  hop: HopBuilder,
  appId: string,
  destination: Destination | undefined,
  destinationArn: string,
  roleArn: string | undefined
): void {
  const base = { id: 'destination', title: 'Destination is a Firehose stream', subject: appId };
  const evidence = { destinationStreamArn: destinationArn, kind: destination?.kind ?? 'invalid' };
  const wanted = ctx.request.firehoseStream;
  if (destination?.kind === 'firehose') {
    if (wanted && wanted !== destination.name) {
      hop.add({
        ...base,
        status: 'fail',
        message: `Project ${appId} sends to Firehose stream ${destination.name}, not to ${wanted} as asked.`,
        evidence: { ...evidence, asked: wanted },
        remedy: {
          summary: `Point the event stream at ${wanted}, or check ${destination.name} instead.`,
          console: EVENT_STREAM_CONSOLE,
          cli: putEventStreamCli(ctx, appId, wanted, roleArn),
        },
      });
      return;
    }
    hop.add({
      ...base,
      status: 'pass',
      message: `Firehose delivery stream ${destination.name}.`,
      evidence,
    });
    return;
  }
  if (destination?.kind === 'kinesis') {
    hop.add({
      ...base,
      status: 'warn',
      message:
        `Project ${appId} sends to the Kinesis data stream ${destination.name}. A data stream holds records until ` +
        'something consumes them: nothing reaches OpenSearch unless a Firehose stream (source: Kinesis data stream) reads it.',
      evidence,
      remedy: {
        summary: wanted
          ? `Make sure ${wanted} reads from ${destination.name} (its source is checked in the Firehose hop).`
          : 'Stream to a Firehose delivery stream directly, or name the Firehose stream that consumes this data stream.',
        console: EVENT_STREAM_CONSOLE,
        cli: putEventStreamCli(ctx, appId, wanted, roleArn),
      },
    });
    return;
  }
  hop.add({
    ...base,
    status: 'fail',
    message: `The destination ${destinationArn || '(empty)'} is not a Firehose delivery stream.`,
    evidence,
    remedy: {
      summary:
        'Point the event stream at the Firehose delivery stream that delivers to OpenSearch.',
      console: EVENT_STREAM_CONSOLE,
      cli: putEventStreamCli(ctx, appId, wanted, roleArn),
    },
  });
}

export async function checkEventStreams(ctx: HopContext, hop: HopBuilder): Promise<AppStream[]> {
  if (ctx.request.appIds.length === 0) {
    hop.skip('No Pinpoint application id given: checking from the Firehose stream onwards.');
    return [];
  }
  return Promise.all(ctx.request.appIds.map((appId) => checkApp(ctx, hop, appId)));
}

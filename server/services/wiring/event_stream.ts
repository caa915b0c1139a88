/**
 * Hop 2: each Pinpoint application's event stream: there is one, it points at a Firehose delivery stream, and
 * it names a role. Pinpoint reached end of support on 2026-10-30: when its API no longer answers this hop says
 * so plainly and stays `unknown`, never `fail`, and the Firehose side is checked on its own.
 */
import { resourceName, tryParseArn } from '../../../common/arn';
import { isAwsError, type HopContext, readFailure } from './context';
import type { EventStreamFacts } from './facts';
import type { HopBuilder } from './hop_builder';
import { SKIP } from './catalogue';
import {
  type AppState,
  judgeDestination,
  judgeEventStream,
  judgeRoleSet,
} from './judgements/pinpoint';

export interface Destination {
  kind: 'firehose' | 'kinesis' | 'other';
  arn: string;
  name: string;
  region: string;
  account: string;
  partition: string;
}

export interface AppStream {
  appId: string;
  state: AppState | 'unknown';
  destination?: Destination;
  roleArn?: string;
}

export const PINPOINT_END_OF_SUPPORT = '2026-10-30';

export function parseDestination(arnText: string): Destination | undefined {
  const arn = tryParseArn(arnText);
  if (!arn) return undefined;
  const base = { arn: arnText, region: arn.region, account: arn.account, partition: arn.partition };
  const firehose = arn.service === 'firehose' ? resourceName(arn, 'deliverystream') : undefined;
  if (firehose !== undefined) return { ...base, kind: 'firehose', name: firehose };
  const kinesis = arn.service === 'kinesis' ? resourceName(arn, 'stream') : undefined;
  if (kinesis !== undefined) return { ...base, kind: 'kinesis', name: kinesis };
  return { ...base, kind: 'other', name: arn.resource };
}

async function checkApp(ctx: HopContext, hop: HopBuilder, appId: string): Promise<AppStream> {
  const facts: EventStreamFacts = {
    applicationId: appId,
    region: ctx.request.region,
    askedStream: ctx.request.firehoseStream,
  };
  let eventStream;
  try {
    eventStream = await ctx.aws().pinpoint.getEventStream(appId, ctx.call);
  } catch (error) {
    if (isAwsError(error, 'not_found', 'gone')) {
      const state: AppState =
        error.kind === 'gone'
          ? 'gone'
          : /application/i.test(error.message)
            ? 'no_app'
            : 'no_stream';
      const withError = {
        ...facts,
        error: error.describe(),
        ...(state === 'gone' ? { endOfSupport: PINPOINT_END_OF_SUPPORT } : {}),
      };
      hop.record(judgeEventStream(withError, state), appId);
      return { appId, state };
    }
    hop.failure(
      'event_stream.exists',
      readFailure(error),
      `read the event stream of ${appId}`,
      appId,
      { applicationId: appId }
    );
    return { appId, state: 'unknown' };
  }

  const destinationArn = eventStream.DestinationStreamArn ?? '';
  const roleArn = eventStream.RoleArn || undefined;
  hop.record(
    judgeEventStream(
      {
        ...facts,
        destinationStreamArn: destinationArn,
        roleArn: roleArn ?? null,
        lastModifiedDate: eventStream.LastModifiedDate,
        lastUpdatedBy: eventStream.LastUpdatedBy,
      },
      'ok'
    ),
    appId
  );
  const destination = parseDestination(destinationArn);
  hop.record(
    judgeDestination({
      applicationId: appId,
      region: ctx.request.region,
      destinationStreamArn: destinationArn,
      kind: destination?.kind ?? 'invalid',
      destinationName: destination?.name,
      destinationAccount: destination?.account,
      asked: ctx.request.firehoseStream,
      roleArn,
    }),
    appId
  );
  hop.record(
    judgeRoleSet({
      applicationId: appId,
      region: ctx.request.region,
      roleArn: roleArn ?? null,
      destinationName: destination?.name,
    }),
    appId
  );
  return { appId, state: 'ok', destination, roleArn };
}

export async function checkEventStreams(ctx: HopContext, hop: HopBuilder): Promise<AppStream[]> {
  if (ctx.request.appIds.length === 0) {
    hop.skip(SKIP.noAppIds);
    return [];
  }
  return Promise.all(ctx.request.appIds.map((appId) => checkApp(ctx, hop, appId)));
}

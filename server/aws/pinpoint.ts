import {
  ForbiddenException,
  GetEventStreamCommand,
  NotFoundException,
  type EventStream,
  type PinpointClient,
  TooManyRequestsException,
} from '@aws-sdk/client-pinpoint';
import { type CallOptions, callAws } from './call';
import { type AwsErrorKind, genericKind, httpStatusOf } from './errors';

export type { EventStream };

/** The Pinpoint calls the wiring check makes. */
export interface PinpointPort {
  getEventStream(applicationId: string, options: CallOptions): Promise<EventStream>;
}

/**
 * Pinpoint reached end of support on 2026-10-30. How a retired API answers is not documented, so an answer that
 * is not a modelled Pinpoint answer reads as "gone": 410, an HTML 404 with no Pinpoint error in it, an unknown
 * operation, or a message about the end of support. No answer at all is not one of them: a name that does not
 * resolve (ENOTFOUND), a refused or reset connection, says something about this machine's network (DNS, proxy,
 * endpoint override), so it stays a network failure and the report says to check the network.
 */
export function pinpointErrorKind(error: unknown): AwsErrorKind {
  if (error instanceof NotFoundException) return 'not_found';
  if (error instanceof TooManyRequestsException) return 'throttled';
  const message = error instanceof Error ? error.message : String(error);
  if (
    /end of support|no longer (available|supported)|discontinued|retired|deprecated/i.test(message)
  )
    return 'gone';
  if (error instanceof ForbiddenException) return 'access_denied';
  const kind = genericKind(error);
  if (kind === 'network') return 'network';
  const name = (error as { name?: string })?.name ?? '';
  if (/UnknownOperation|UnknownEndpoint|InvalidAction/i.test(name)) return 'gone';
  const status = httpStatusOf(error);
  if (kind === 'other' && (status === 404 || status === 410 || status === 501)) return 'gone';
  return kind;
}

export function pinpointPort(client: PinpointClient): PinpointPort {
  return {
    async getEventStream(applicationId, options) {
      const out = await callAws(
        'pinpoint',
        'GetEventStream',
        options,
        (abortSignal) =>
          client.send(new GetEventStreamCommand({ ApplicationId: applicationId }), { abortSignal }),
        pinpointErrorKind
      );
      if (!out.EventStream)
        throw new Error(`GetEventStream answered without an event stream for ${applicationId}`);
      return out.EventStream;
    },
  };
}

/**
 * Campaign and journey names from Pinpoint's API (GetCampaigns, ListJourneys) while it still answers — owned by
 * the names helper. The names are copied into the cluster's lookup index (server/services/names/), so they
 * outlive the API's end of support. Each page is one bounded call (callAws: SDK retries inside the timeout);
 * pages are drained with the API's token; clients come from the one client factory (default credential chain,
 * the factory's timeouts and endpoint override), so credentials never pass through here.
 */
import {
  GetCampaignsCommand,
  ListJourneysCommand,
  type PinpointClient,
} from '@aws-sdk/client-pinpoint';
import { callAws, type CallOptions } from './call';
import { AwsClientFactory } from './client_factory';
import { pinpointErrorKind } from './pinpoint';

export interface NamedItem {
  id: string;
  name: string;
  kind: 'campaign' | 'journey';
  applicationId: string;
}

/** What the names refresh needs from Pinpoint: every campaign and journey of one application. */
export interface PinpointNamesPort {
  campaignsAndJourneys(applicationId: string, options: CallOptions): Promise<NamedItem[]>;
}

/** One port per region (tests hand in a fake or a mocked client). */
export interface PinpointNamesSource {
  forRegion(region: string): PinpointNamesPort;
}

/** GetCampaigns and ListJourneys take PageSize as a string; 200 is the API's maximum. */
const PAGE_SIZE = '200';
/** A runaway paginator (an API that keeps handing out tokens) stops here: 200 x 200 items per kind. */
export const MAX_PAGES = 200;

interface Page {
  items: Array<{ Id?: string; Name?: string }>;
  next?: string;
}

async function drain(
  fetchPage: (token: string | undefined) => Promise<Page>,
  keep: (item: { Id?: string; Name?: string }) => void
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, next } = await fetchPage(token);
    items.forEach(keep);
    // An empty or repeated token ends the listing (a repeated one would loop forever).
    if (!next || seen.has(next)) return;
    seen.add(next);
    token = next;
  }
}

export function pinpointNamesPort(client: PinpointClient): PinpointNamesPort {
  return {
    async campaignsAndJourneys(applicationId, options) {
      const items: NamedItem[] = [];
      const keep =
        (kind: NamedItem['kind']) =>
        (item: { Id?: string; Name?: string }): void => {
          if (item.Id && item.Name?.trim())
            items.push({ id: item.Id, name: item.Name.trim(), kind, applicationId });
        };
      await drain(async (token) => {
        const out = await callAws(
          'pinpoint',
          'GetCampaigns',
          options,
          (abortSignal) =>
            client.send(
              new GetCampaignsCommand({
                ApplicationId: applicationId,
                PageSize: PAGE_SIZE,
                Token: token,
              }),
              { abortSignal }
            ),
          pinpointErrorKind
        );
        const page = out.CampaignsResponse;
        return { items: page?.Item ?? [], next: page?.NextToken };
      }, keep('campaign'));
      await drain(async (token) => {
        const out = await callAws(
          'pinpoint',
          'ListJourneys',
          options,
          (abortSignal) =>
            client.send(
              new ListJourneysCommand({
                ApplicationId: applicationId,
                PageSize: PAGE_SIZE,
                Token: token,
              }),
              { abortSignal }
            ),
          pinpointErrorKind
        );
        const page = out.JourneysResponse;
        return { items: page?.Item ?? [], next: page?.NextToken };
      }, keep('journey'));
      return items;
    },
  };
}

/** Ports over the client factory's Pinpoint clients (one per region, made on first use, closed with it). */
export class PinpointNamesClients implements PinpointNamesSource {
  private factory?: AwsClientFactory;

  constructor(factory?: AwsClientFactory) {
    this.factory = factory;
  }

  forRegion(region: string): PinpointNamesPort {
    // Made on first use: a plugin that never refreshes names never builds a credential chain.
    this.factory ??= new AwsClientFactory();
    return pinpointNamesPort(this.factory.pinpointClient(region));
  }

  destroy(): void {
    this.factory?.destroy();
  }
}

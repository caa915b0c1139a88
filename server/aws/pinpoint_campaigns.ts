/**
 * Campaign and journey names from Pinpoint (GetCampaigns, ListJourneys) while that API still answers. The
 * names are copied into the cluster's lookup index, so they outlive the API. Pages drained with the API's
 * NextToken; each call bounded (callAws); credentials from the SDK's default provider chain.
 */
import { GetCampaignsCommand, ListJourneysCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { callAws, type CallOptions } from './call';
import { pinpointErrorKind } from './pinpoint';

export interface NamedItem {
  id: string;
  name: string;
  kind: 'campaign' | 'journey';
}

export interface PinpointNamesPort {
  campaignsAndJourneys(applicationId: string, options: CallOptions): Promise<NamedItem[]>;
}

const PAGE_SIZE = '100';
/** A runaway paginator (an API that keeps answering the same token) stops here. */
const MAX_PAGES = 200;

export function pinpointNamesPort(client: PinpointClient): PinpointNamesPort {
  return {
    async campaignsAndJourneys(applicationId, options) {
      const items: NamedItem[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
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
        for (const c of out.CampaignsResponse?.Item ?? []) {
          if (c.Id && c.Name) items.push({ id: c.Id, name: c.Name, kind: 'campaign' });
        }
        token = out.CampaignsResponse?.NextToken;
        if (!token) break;
      }
      token = undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
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
        for (const j of out.JourneysResponse?.Item ?? []) {
          if (j.Id && j.Name) items.push({ id: j.Id, name: j.Name, kind: 'journey' });
        }
        token = out.JourneysResponse?.NextToken;
        if (!token) break;
      }
      return items;
    },
  };
}

/** One client per region, made on first use (the SDK's default credential chain, AWS_ENDPOINT_URL honoured). */
export class PinpointNamesClients {
  private readonly clients = new Map<string, PinpointClient>();

  forRegion(region: string): PinpointNamesPort {
    let client = this.clients.get(region);
    if (!client) {
      client = new PinpointClient({
        region,
        credentials: fromNodeProviderChain(),
        maxAttempts: 2,
      });
      this.clients.set(region, client);
    }
    return pinpointNamesPort(client);
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

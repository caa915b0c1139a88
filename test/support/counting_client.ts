import { Client } from '@opensearch-project/opensearch';
import type { OpenSearchClient, TransportRequestParams } from '../../server/osd_port';

/** The test node's URL; a suite that needs it and does not get it fails loudly rather than skipping. */
export function opensearchUrl(): string {
  const url = process.env.OPENSEARCH_URL;
  if (!url)
    throw new Error(
      'OPENSEARCH_URL is not set: start OpenSearch (npm run opensearch) and export it'
    );
  return url;
}

export interface CountingClient extends OpenSearchClient {
  /** Every request made through this client, in order. */
  readonly requests: TransportRequestParams[];
  reset(): void;
}

/** An opensearch-js client whose transport.request is counted: what the request-count test measures. */
export function countingClient(url = opensearchUrl()): CountingClient {
  const raw = new Client({ node: url, requestTimeout: 120_000 }) as unknown as OpenSearchClient;
  const requests: TransportRequestParams[] = [];
  return {
    requests,
    reset: () => {
      requests.length = 0;
    },
    transport: {
      request: ((params, options) => {
        requests.push(params);
        return raw.transport.request(params, options);
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

/** A client that fails every call: handed as asInternalUser to prove routes act as the current user. */
export const forbiddenClient: OpenSearchClient = {
  transport: {
    request: (async (params: TransportRequestParams) => {
      throw new Error(`asInternalUser must not be used (${params.method} ${params.path})`);
    }) as OpenSearchClient['transport']['request'],
  },
};

/** A lowercase, valid, unique index prefix for one test file. */
export function uniquePrefix(tag: string): string {
  return `ie_${tag}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

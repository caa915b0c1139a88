import {
  DescribeDomainCommand,
  type DomainStatus,
  type OpenSearchClient as OpenSearchServiceClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-opensearch';
import { type CallOptions, callAws } from './call';

export type { DomainStatus };

/**
 * The Amazon OpenSearch Service (control plane) calls the wiring check makes. Its DescribeDomain answers for
 * Elasticsearch domains too, so the legacy "es" client is not needed.
 */
export interface OpenSearchServicePort {
  describeDomain(domainName: string, options: CallOptions): Promise<DomainStatus>;
}

export function openSearchServicePort(client: OpenSearchServiceClient): OpenSearchServicePort {
  return {
    async describeDomain(domainName, options) {
      const out = await callAws(
        'opensearch',
        'DescribeDomain',
        options,
        (abortSignal) =>
          client.send(new DescribeDomainCommand({ DomainName: domainName }), { abortSignal }),
        (error) => (error instanceof ResourceNotFoundException ? 'not_found' : undefined)
      );
      if (!out.DomainStatus)
        throw new Error(`DescribeDomain answered without a status for ${domainName}`);
      return out.DomainStatus;
    },
  };
}

import type { OpenSearchClient } from '../osd_port';

export interface ClusterInfo {
  clusterName: string;
  /** 'opensearch' or 'elasticsearch' (Amazon OpenSearch Service still runs Elasticsearch 6.8/7.x domains). */
  distribution: 'opensearch' | 'elasticsearch';
  version: string;
}

interface RootResponse {
  cluster_name: string;
  version: { number: string; distribution?: string };
}

export async function readClusterInfo(client: OpenSearchClient): Promise<ClusterInfo> {
  const { body } = await client.transport.request<RootResponse>({ method: 'GET', path: '/' });
  return {
    clusterName: body.cluster_name,
    distribution: body.version.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch',
    version: body.version.number,
  };
}

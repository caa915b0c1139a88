/**
 * What the wiring check reads from the cluster itself, through the narrow OpenSearchClient port (as the current
 * user in Dashboards): its name (on Amazon OpenSearch Service GET / reports `<account>:<domain>`), the newest
 * arrival_timestamp Firehose delivered, and the security plugin's role mappings.
 */
import type { OpenSearchClient } from '../../osd_port';
import { TIME_FIELD } from '../../../common/constants';
import { readUpstreamError } from '../../upstream_errors';

export class ClusterReadError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number
  ) {
    super(message);
    this.name = 'ClusterReadError';
  }
}

async function request<T>(
  cluster: OpenSearchClient,
  params: Parameters<OpenSearchClient['transport']['request']>[0],
  timeoutMs: number
): Promise<T> {
  try {
    const { body } = await cluster.transport.request<T>(params, {
      requestTimeout: timeoutMs,
      maxRetries: 0,
    });
    return body;
  } catch (error) {
    const failure = readUpstreamError(error);
    throw new ClusterReadError(
      `${params.method} ${params.path}: ${failure.reason}`,
      failure.status
    );
  }
}

export interface ClusterRoot {
  clusterName: string;
  /** Set when the name has Amazon OpenSearch Service's `<account>:<domain>` form. */
  account?: string;
  domain?: string;
  version?: string;
}

export async function readClusterRoot(
  cluster: OpenSearchClient,
  timeoutMs: number
): Promise<ClusterRoot> {
  const body = await request<{ cluster_name?: string; version?: { number?: string } }>(
    cluster,
    { method: 'GET', path: '/' },
    timeoutMs
  );
  const clusterName = body.cluster_name ?? '';
  const managed = /^(\d{12}):([a-z][a-z0-9-]{2,27})$/.exec(clusterName);
  return {
    clusterName,
    version: body.version?.number,
    ...(managed ? { account: managed[1], domain: managed[2] } : {}),
  };
}

export interface LatestArrival {
  /** Epoch milliseconds of the newest document, or undefined when there is none. */
  latest?: number;
  pattern: string;
}

/** The newest arrival_timestamp under an index pattern (a max aggregation: works whether it is a date or a long). */
export async function readLatestArrival(
  cluster: OpenSearchClient,
  pattern: string,
  timeoutMs: number
): Promise<LatestArrival> {
  const body = await request<{ aggregations?: { latest?: { value?: number | null } } }>(
    cluster,
    {
      method: 'POST',
      path: `/${encodeURIComponent(pattern)}/_search`,
      querystring: { ignore_unavailable: true, allow_no_indices: true, track_total_hits: false },
      body: { size: 0, aggs: { latest: { max: { field: TIME_FIELD } } } },
    },
    timeoutMs
  );
  const value = body.aggregations?.latest?.value;
  return {
    pattern,
    latest: typeof value === 'number' && Number.isFinite(value) ? value : undefined,
  };
}

export interface RoleMapping {
  backend_roles?: string[];
  users?: string[];
  hosts?: string[];
}

/** The security plugin's role mappings; ClusterReadError with 401/403 when the user may not read them. */
export async function readRolesMapping(
  cluster: OpenSearchClient,
  timeoutMs: number
): Promise<Record<string, RoleMapping>> {
  return request<Record<string, RoleMapping>>(
    cluster,
    { method: 'GET', path: '/_plugins/_security/api/rolesmapping' },
    timeoutMs
  );
}

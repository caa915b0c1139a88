/**
 * What the generate and replay benches share: medians, a client that records the _bulk bodies it sends (the
 * "same NDJSON" the raw side replays), and sending recorded bodies with a fixed number in flight.
 */
import { Client } from '@opensearch-project/opensearch';
import type { OpenSearchClient } from '../server/osd_port';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function argNumber(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

export function benchClient(url: string): { raw: Client; port: OpenSearchClient } {
  const raw = new Client({ node: url, requestTimeout: 300_000 });
  return { raw, port: raw as unknown as OpenSearchClient };
}

/** A port client that keeps every _bulk body it sends. */
export function recording(client: OpenSearchClient, bodies: string[]): OpenSearchClient {
  return {
    transport: {
      request: ((params, options) => {
        if (params.path === '/_bulk' && typeof params.body === 'string') bodies.push(params.body);
        return client.transport.request(params, options);
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

/** The raw side: the same bodies, `concurrency` in flight, errors counted. */
export async function rawBulk(
  client: Client,
  bodies: string[],
  concurrency: number
): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await client.transport.request({ method: 'POST', path: '/_bulk', body });
      if ((res.body as { errors: boolean }).errors) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
  return failed;
}

export async function dropIndices(client: Client, pattern: string): Promise<void> {
  await client.transport.request({
    method: 'DELETE',
    path: `/${pattern}`,
    querystring: { expand_wildcards: 'all', ignore_unavailable: 'true' },
  });
}

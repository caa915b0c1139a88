import type { OpenSearchClient } from '../../osd_port';
import { fromOpenSearchError } from '../../errors';

/**
 * First and latest event of the archive (arrival time): what an empty range points the user to. Min and max
 * come from index metadata, so this stays cheap on a year of indices.
 */
export async function dataSpan(
  client: OpenSearchClient,
  target: string,
  indices: readonly string[],
  field: string
): Promise<{ first: string; latest: string } | null> {
  if (indices.length === 0) return null;
  try {
    const { body } = await client.transport.request<{
      aggregations?: { first: { value: number | null }; latest: { value: number | null } };
    }>(
      {
        method: 'POST',
        path: `/${target}/_search`,
        querystring: { ignore_unavailable: true, allow_no_indices: true },
        body: {
          size: 0,
          track_total_hits: false,
          aggs: { first: { min: { field } }, latest: { max: { field } } },
        },
      },
      { requestTimeout: 30_000 }
    );
    const first = body.aggregations?.first.value;
    const latest = body.aggregations?.latest.value;
    if (typeof first !== 'number' || typeof latest !== 'number') return null;
    return { first: new Date(first).toISOString(), latest: new Date(latest).toISOString() };
  } catch (error) {
    throw fromOpenSearchError(error, 'finding the first and latest event');
  }
}

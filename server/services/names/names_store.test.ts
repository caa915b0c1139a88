import { describe, expect, it } from '@jest/globals';
import type { OpenSearchClient, TransportRequestParams } from '../../osd_port';
import { NamesStore } from './names_store';

const A = '0123456789abcdef0123456789abcdef';

function failing(
  statusCode: number,
  type: string
): OpenSearchClient & { calls: TransportRequestParams[] } {
  const calls: TransportRequestParams[] = [];
  return {
    calls,
    transport: {
      request: (async (params: TransportRequestParams) => {
        calls.push(params);
        throw Object.assign(new Error(type), {
          name: 'ResponseError',
          meta: {
            statusCode,
            body: { error: { type, reason: `no permissions for [indices:data/read/mget]` } },
          },
        });
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

describe('NamesStore.resolve', () => {
  it('a user who may not read the names index gets no names rather than no campaigns', async () => {
    const client = failing(403, 'security_exception');
    expect(await new NamesStore(client).resolve([A, A])).toEqual(new Map());
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0].body).toEqual({ ids: [A] });
  });

  it('other failures are not hidden', async () => {
    await expect(new NamesStore(failing(500, 'boom')).resolve([A])).rejects.toThrow(
      /reading campaign names/
    );
  });

  it('asks nothing for no ids', async () => {
    const client = failing(500, 'boom');
    expect(await new NamesStore(client).resolve([])).toEqual(new Map());
    expect(client.calls).toEqual([]);
  });
});

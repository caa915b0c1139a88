/**
 * Bug 1 (repair rewrote any index): `POST /api/pinpoint/repair {"index":"customer-2026-11-21"}` answered 202 and
 * replaced the customer's index with a copy under the Pinpoint mapping. Now every door refuses an index that
 * is not a daily index of the archive's prefix, with a 400 that says why, before a single request to the
 * cluster. (Checked against the old code: the route answered 202 after reading and writing the cluster.)
 */
import { describe, expect, it } from '@jest/globals';
import { API_PATHS } from '../../common/constants';
import type { OpenSearchClient, RequestHandlerContext, TransportRequestParams } from '../osd_port';
import { FakeRouter } from '../../test/support/fake_router';
import { main } from '../../cli/index';
import { RepairService } from '../services/repair/repair_service';
import { registerRepairRoutes } from './repair';

const logger = { debug() {}, info() {}, warn() {}, error() {} };

function recordingClient() {
  const requests: TransportRequestParams[] = [];
  const client: OpenSearchClient = {
    transport: {
      request: (async (params: TransportRequestParams) => {
        requests.push(params);
        throw new Error('the cluster must not be asked');
      }) as OpenSearchClient['transport']['request'],
    },
  };
  return { client, requests };
}

describe('the archive guard of the repair', () => {
  it('the route answers 400 for an index outside the prefix and asks the cluster nothing', async () => {
    const { client, requests } = recordingClient();
    const router = new FakeRouter();
    registerRepairRoutes(router, logger);
    const context = {
      core: { opensearch: { client: { asCurrentUser: client, asInternalUser: client } } },
    } as unknown as RequestHandlerContext;
    const res = await router.call('post', API_PATHS.repair, context, {
      body: { index: 'customer-2026-11-21' },
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(
      /customer-2026-11-21 is not a daily index of the Pinpoint archive pinpoint\*/
    );
    expect(requests).toEqual([]);
  });

  it('a prefix that merely starts the name is not enough', async () => {
    const { client, requests } = recordingClient();
    const service = new RepairService(client, logger);
    await expect(service.start('pinpointx-2026-11-21', 'pinpoint')).rejects.toThrow(
      /not a daily index/
    );
    await expect(service.start('pinpoint-events', 'pinpoint')).rejects.toThrow(/not a daily index/);
    expect(requests).toEqual([]);
  });

  it('the CLI refuses it with exit 2 before connecting', async () => {
    const err: string[] = [];
    const code = await main(
      ['repair', 'customer-2026-11-21', '--opensearch', 'http://127.0.0.1:1', '--yes'],
      { out: () => undefined, err: (s) => err.push(s) }
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/not a daily index of the Pinpoint archive pinpoint\*/);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { IndexCheck } from '../../../common/report';
import type { OpenSearchClient, TransportRequestParams } from '../../osd_port';
import { assessFixRights, readAccess, type FixRightsContext } from './fix_rights';

const CTX: FixRightsContext = {
  prefix: 'pinpoint',
  flavor: 'composable',
  templateName: 'pinpoint-events',
  desiredTemplate: { index_patterns: ['pinpoint*'] },
};

const templateCheck = {
  id: 'template',
  title: 'Index template pinpoint-events',
  status: 'fail',
  message: 'No template',
  evidence: {},
  remedy: { text: 'Install the template.', fix: { kind: 'install_template' } },
} as unknown as IndexCheck;

/** A client answering by path; records every request it is sent. */
function fakeClient(answer: (r: TransportRequestParams) => { statusCode: number; body: unknown }) {
  const seen: TransportRequestParams[] = [];
  const client: OpenSearchClient = {
    transport: {
      async request<T>(params: TransportRequestParams) {
        seen.push(params);
        const a = answer(params);
        return { statusCode: a.statusCode, body: a.body as T };
      },
    },
  };
  return { client, seen };
}

const unrecognized = {
  statusCode: 400,
  body: { error: { type: 'illegal_argument_exception', reason: 'unrecognized parameter' } },
};

describe('assessFixRights', () => {
  it('no security plugin: every fix allowed, and no write-shaped request is ever sent', async () => {
    const { client, seen } = fakeClient(() => unrecognized);
    const access = await readAccess(client, 'opensearch');
    const { checks, access: check } = await assessFixRights([templateCheck], CTX, access);
    expect(checks[0].remedy?.rights?.allowed).toBe(true);
    expect(check?.status).toBe('pass');
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /_plugins/_security/authinfo']);
  });

  it('a plugin without permission checks: the support probe is a read, and nothing else is sent', async () => {
    const { client, seen } = fakeClient((r) =>
      r.path.endsWith('authinfo')
        ? {
            statusCode: 200,
            body: { user_name: 'reader', roles: ['ro'], tenants: { global_tenant: false } },
          }
        : unrecognized
    );
    const access = await readAccess(client, 'opensearch');
    const { checks, access: check } = await assessFixRights([templateCheck], CTX, access);
    expect(checks[0].remedy?.rights).toMatchObject({ allowed: null, missing: [] });
    expect(check?.status).toBe('unknown');
    expect(check?.message).toMatch(/needs cluster: indices:admin\/index_template\/put/);
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a plugin that checks: the probe carries the parameter, and a denial names what is missing', async () => {
    const { client, seen } = fakeClient((r) =>
      r.path.endsWith('authinfo')
        ? { statusCode: 200, body: { user_name: 'reader', roles: ['ro'], tenants: {} } }
        : r.method === 'GET'
          ? { statusCode: 200, body: { accessAllowed: true, missingPrivileges: [] } }
          : {
              statusCode: 200,
              body: {
                accessAllowed: false,
                missingPrivileges: ['indices:admin/index_template/put'],
              },
            }
    );
    const access = await readAccess(client, 'opensearch');
    const { checks, access: check } = await assessFixRights([templateCheck], CTX, access);
    expect(checks[0].remedy?.rights).toMatchObject({
      allowed: false,
      missing: ['indices:admin/index_template/put'],
    });
    expect(check?.status).toBe('warn');
    expect(check?.remedy?.text).toMatch(/cluster_manage_index_templates/);
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.querystring).toEqual({ perform_permission_check: true });
  });

  it('the identity cannot be read: unknown, saying why', async () => {
    const client: OpenSearchClient = {
      transport: {
        request: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
            code: 'ECONNREFUSED',
          });
        },
      },
    };
    const access = await readAccess(client, 'opensearch');
    const { access: check } = await assessFixRights([templateCheck], CTX, access);
    expect(check?.status).toBe('unknown');
    expect(check?.message).toMatch(/ECONNREFUSED/);
  });

  it('no fix offered: no access check at all', async () => {
    const { client } = fakeClient(() => unrecognized);
    const { access: check } = await assessFixRights(
      [],
      CTX,
      await readAccess(client, 'opensearch')
    );
    expect(check).toBeUndefined();
  });
});

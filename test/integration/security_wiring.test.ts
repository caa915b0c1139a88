/**
 * The wiring check's fine-grained-access hop against the real security plugin (SECURE_URL): it reads the real
 * `_plugins/_security/api/rolesmapping`, says whether Firehose's role is mapped as a backend role, and its
 * remedy adds the role without overwriting the mapping. The plugin's `PUT` replaces a mapping whole (pinned
 * below on a throw-away role, so the pitfall the remedy avoids is real); the remedy's `PATCH` add keeps every
 * user and backend role already there. A read-only user may not read the mapping: the hop says `unknown`
 * (ask an administrator), not pass or fail.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { OpenSearchClient } from '../../server/osd_port';
import { DELIVERY_CHECKS } from '../../server/services/wiring/catalogue/delivery';
import { ClusterReadError, readRolesMapping } from '../../server/services/wiring/cluster_facts';
import type { MappingFacts } from '../../server/services/wiring/facts';
import { judgeMapping } from '../../server/services/wiring/judgements/delivery';
import { clientAs, engineUnderTest } from '../engines/support/engines_under_test';

const admin = clientAs('admin');
const ROLE = `pinpoint_t_firehose_${Date.now().toString(36)}`;
const ROLE_ARN = `arn:aws:iam::111122223333:role/${ROLE}`;

/** What checkDeliveryAccess computes from the mapping (delivery_access.ts). */
async function mappingFacts(client: OpenSearchClient): Promise<MappingFacts> {
  const facts: MappingFacts = {
    fineGrainedAccessControl: true,
    roleArn: ROLE_ARN,
    indexName: 'pinpoint',
    domainName: 'pinpoint',
    endpoint: 'search-pinpoint.example',
    readable: 'yes',
  };
  try {
    const mapping = await readRolesMapping(client, 10_000);
    facts.mappedRoles = Object.entries(mapping)
      .filter(([, m]) => (m.backend_roles ?? []).includes(ROLE_ARN))
      .map(([name]) => name);
  } catch (error) {
    facts.readStatus = error instanceof ClusterReadError ? error.statusCode : undefined;
    facts.readError = error instanceof Error ? error.message : String(error);
  }
  return facts;
}

/** The security REST API as the admin (raw HTTP: the port's client has no PATCH). */
async function security<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await engineUnderTest('secure').http<T>(
    method,
    `/_plugins/_security/api/${path}`,
    body
  );
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The JSON body of the remedy's curl command, and the role it targets. */
function remedyPatch(facts: MappingFacts): { role: string; body: unknown } {
  const remedy = DELIVERY_CHECKS['delivery_access.fgac_mapping'].remedy?.unmapped?.(facts);
  assert.ok(remedy?.command, 'the unmapped verdict has a command');
  assert.match(remedy.text, /PUT replaces/);
  const role = /rolesmapping\/([^"' ]+)"/.exec(remedy.command)?.[1];
  const json = /-d '(.*)'$/.exec(remedy.command)?.[1];
  assert.ok(role && json, remedy.command);
  assert.match(remedy.command, /-XPATCH/);
  return { role, body: JSON.parse(json) };
}

describe('wiring: fine-grained access mapping on the real security plugin', () => {
  beforeAll(async () => {
    await security('PUT', `roles/${ROLE}`, {
      index_permissions: [
        { index_patterns: ['pinpoint*'], allowed_actions: ['crud', 'create_index'] },
      ],
    });
    await security('PUT', `rolesmapping/${ROLE}`, { users: ['someone'], backend_roles: ['team'] });
  });
  afterAll(async () => {
    await admin.transport.request(
      { method: 'DELETE', path: `/_plugins/_security/api/rolesmapping/${ROLE}` },
      { ignore: [404] }
    );
    await admin.transport.request(
      { method: 'DELETE', path: `/_plugins/_security/api/roles/${ROLE}` },
      { ignore: [404] }
    );
  });

  it("reads the real mapping: Firehose's role is not mapped -> fail, with a PATCH remedy", async () => {
    const facts = await mappingFacts(admin);
    assert.deepEqual(facts.mappedRoles, []);
    assert.equal(judgeMapping(facts).status, 'fail');
    assert.equal(judgeMapping(facts).reason, 'unmapped');
  });

  it('the remedy adds the backend role and keeps what the mapping had', async () => {
    const facts = await mappingFacts(admin);
    const { role, body } = remedyPatch(facts);
    assert.equal(
      role,
      'all_access',
      'the remedy maps to all_access (the test applies it to its own role)'
    );
    await security('PATCH', `rolesmapping/${ROLE}`, body);
    const after = await security<Record<string, { users: string[]; backend_roles: string[] }>>(
      'GET',
      `rolesmapping/${ROLE}`
    );
    assert.deepEqual(after[ROLE].users, ['someone']);
    assert.deepEqual([...after[ROLE].backend_roles].sort(), [ROLE_ARN, 'team'].sort());
    const mapped = await mappingFacts(admin);
    assert.deepEqual(mapped.mappedRoles, [ROLE]);
    assert.equal(judgeMapping(mapped).status, 'pass');
  });

  it('a PUT would have replaced the mapping whole (why the remedy says PATCH)', async () => {
    await security('PUT', `rolesmapping/${ROLE}`, { backend_roles: [ROLE_ARN] });
    const after = await security<Record<string, { users: string[]; backend_roles: string[] }>>(
      'GET',
      `rolesmapping/${ROLE}`
    );
    assert.deepEqual(after[ROLE].users, [], 'the users are gone');
    assert.deepEqual(after[ROLE].backend_roles, [ROLE_ARN], "'team' is gone");
  });

  it('a read-only user may not read the mapping: unknown (ask an administrator), not pass or fail', async () => {
    const facts = await mappingFacts(clientAs('reader'));
    assert.equal(facts.readStatus, 403, facts.readError);
    const verdict = judgeMapping(facts);
    assert.equal(verdict.status, 'unknown');
    assert.equal(verdict.reason, 'forbidden');
    const message = DELIVERY_CHECKS['delivery_access.fgac_mapping'].message.forbidden(facts);
    assert.match(message, /Ask an administrator/);
  });
});

/**
 * Which fixes need more rights, for real, on both secured engines: OpenSearch 2.19 with the security plugin
 * (SECURE_URL; no permission check) and OpenSearch 3.4 with it (SECURE3_URL; `perform_permission_check`).
 * The report runs as each user through the development host (which forwards `authorization` and
 * `securitytenant` like Dashboards), and the permission table (common/fix_permissions.ts) is proven sufficient
 * by a user who has exactly it on top of the read-only role and makes every fix.
 *
 * - reader in Global (read-only tenant): the index pattern fix is "you may not", naming the tenant. The
 *   template and repair fixes: on 2.19 not known in advance, listing what they need; on 3.4 "you may not",
 *   with the privileges the plugin found missing. The report's access check is a warning naming the fixes.
 * - reader in Private (writable tenant, no write rights on the Dashboards index): on 2.19 not known, on 3.4
 *   refused for `indices:data/write/bulk`; the 403 the fix really earns names a permission the report listed.
 * - admin: all_access, so every fix is allowed.
 * - a user with exactly the table's permissions installs the template, creates the index pattern in Global
 *   and repairs an index: nothing the table leaves out is needed. On 3.4 the plugin's own check agrees.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { findCheck, type FixRights } from '../../common/check';
import { API_PATHS } from '../../common/constants';
import { fixNeeds, type RequiredPermission } from '../../common/fix_permissions';
import { indexPatternId } from '../../common/index_pattern';
import type { IndexCheck, ValidationReport } from '../../common/report';
import { templateName } from '../../common/template';
import { basicAuth, secureUsersFromEnv, type SecureUser } from '../../scripts/lib/engines';
import type { OpenSearchClient } from '../../server/osd_port';
import { RepairService } from '../../server/services/repair/repair_service';
import { Client } from '@opensearch-project/opensearch';
import { main } from '../../cli/index';
import { clientAs, engineUnderTest, engineUrl } from '../engines/support/engines_under_test';
import { startTestDevHost, type TestDevHost } from '../support/dev_host';
import { cleanupPrefix, loadBeforeTemplate, pastDay } from '../support/repair_fixtures';

const users = secureUsersFromEnv();
const FIXER: SecureUser = { username: 'pinpoint_t_fixer', password: 'Pinpoint-fixer-1' };
const FIXER_ROLE = 'pinpoint_t_fixer_role';
const logger = { debug() {}, info() {}, warn() {}, error() {} };

describe.each(['secure', 'secure3'] as const)(
  'which fixes need more rights on %s',
  (engineName) => {
    const checks = engineName === 'secure3';
    const admin = clientAs('admin', undefined, engineName);
    const secure = engineUnderTest(engineName);
    const prefix = `pinpoint_t_rights_${engineName}_${Date.now().toString(36)}`;
    let host: TestDevHost;
    let indices: string[] = [];

    async function report(user: SecureUser, tenant?: string): Promise<ValidationReport> {
      const res = await fetch(`${host.url}${API_PATHS.report}?prefix=${prefix}`, {
        headers: {
          authorization: basicAuth(user),
          ...(tenant === undefined ? {} : { securitytenant: tenant }),
        },
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as ValidationReport;
      assert.equal(res.status, 200, JSON.stringify(body));
      return body;
    }

    async function apply(user: SecureUser, body: unknown, tenant?: string) {
      const res = await fetch(`${host.url}${API_PATHS.apply}`, {
        method: 'POST',
        headers: {
          authorization: basicAuth(user),
          'osd-xsrf': 'true',
          'content-type': 'application/json',
          ...(tenant === undefined ? {} : { securitytenant: tenant }),
        },
        body: JSON.stringify({ prefix, ...(body as object) }),
        signal: AbortSignal.timeout(60_000),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    function rightsOf(r: ValidationReport, id: IndexCheck['id']): FixRights {
      const rights = findCheck(r.checks, id)?.remedy?.rights;
      assert.ok(rights, `${id} has a fix with rights: ${JSON.stringify(findCheck(r.checks, id))}`);
      return rights;
    }

    const accessOf = (r: ValidationReport) => {
      const check = findCheck(r.checks, 'access.fixes');
      assert.ok(check);
      return check;
    };

    async function security(method: string, path: string, body?: unknown): Promise<void> {
      const res = await secure.http(method, `/_plugins/_security/api/${path}`, body);
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }

    /** The read-only role (opensearch/secure/config/opensearch-security/roles.yml) plus exactly the table. */
    function fixerRole(): Record<string, unknown> {
      const ctx = { prefix, flavor: 'composable' as const };
      const all: RequiredPermission[] = [
        fixNeeds({ kind: 'install_template' }, ctx),
        fixNeeds({ kind: 'create_index_pattern' }, ctx),
        fixNeeds({ kind: 'repair_indices', indices: [] }, ctx),
      ].flatMap((n) => n.permissions);
      const byPattern = new Map<string, string[]>();
      for (const p of all.filter((p) => p.scope === 'index')) {
        byPattern.set(p.on!, [...(byPattern.get(p.on!) ?? []), p.action]);
      }
      return {
        cluster_permissions: [
          'cluster_composite_ops_ro',
          'cluster_monitor',
          'indices:admin/template/get',
          'indices:admin/index_template/get',
          'indices:admin/index_template/simulate_index',
          'indices:admin/index_template/simulate',
          ...all.filter((p) => p.scope === 'cluster').map((p) => p.action),
        ],
        index_permissions: [
          {
            index_patterns: ['*'],
            allowed_actions: [
              'read',
              'indices_monitor',
              'indices:admin/mappings/get',
              'indices:admin/get',
              'indices:admin/aliases/get',
            ],
          },
          ...[...byPattern].map(([pattern, actions]) => ({
            index_patterns: [pattern],
            allowed_actions: actions,
          })),
        ],
        tenant_permissions: all.some((p) => p.scope === 'tenant')
          ? [{ tenant_patterns: ['global_tenant'], allowed_actions: ['kibana_all_write'] }]
          : [],
      };
    }

    beforeAll(async () => {
      indices = await loadBeforeTemplate(admin, prefix, [pastDay(4), pastDay(3)], 150);
      await security('PUT', `roles/${FIXER_ROLE}`, fixerRole());
      await security('PUT', `internalusers/${FIXER.username}`, { password: FIXER.password });
      await security('PUT', `rolesmapping/${FIXER_ROLE}`, { users: [FIXER.username] });
      host = await startTestDevHost(`fix-rights-${engineName}`, {
        opensearchUrl: engineUrl(engineName),
        opensearchAuth: users.kibanaserver,
        // The index the security plugin maps per tenant (kibana.index in its config).
        savedObjectsIndex: '.kibana',
      });
    }, 180_000);

    afterAll(async () => {
      await host?.stop();
      await cleanupPrefix(admin, prefix);
      for (const path of [
        `rolesmapping/${FIXER_ROLE}`,
        `roles/${FIXER_ROLE}`,
        `internalusers/${FIXER.username}`,
      ]) {
        await secure.http('DELETE', `/_plugins/_security/api/${path}`);
      }
      await secure.http('POST', `/.kibana*/_delete_by_query?expand_wildcards=all&refresh=true`, {
        query: { ids: { values: [`index-pattern:${indexPatternId(prefix)}`] } },
      });
    });

    describe('the report and the fixes', () => {
      it('reader in Global: the index pattern fix is refused by the tenant; template and repair per engine', async () => {
        const r = await report(users.reader, 'global');
        const pattern = rightsOf(r, 'index_pattern.exists');
        assert.equal(pattern.allowed, false);
        assert.deepEqual(pattern.missing, ['write access to the Dashboards tenant Global']);
        const template = rightsOf(r, 'template');
        assert.deepEqual(template.needs, ['cluster: indices:admin/index_template/put']);
        const repair = rightsOf(r, 'indices.timestamps');
        assert.ok(
          repair.needs.includes(`indices:admin/create on ${prefix}*-repaired`),
          repair.needs.join()
        );
        if (checks) {
          assert.equal(template.allowed, false);
          assert.deepEqual(template.missing, ['indices:admin/index_template/put']);
          assert.equal(repair.allowed, false);
          assert.ok(
            repair.missing.includes('indices:admin/settings/update'),
            repair.missing.join()
          );
        } else {
          assert.equal(template.allowed, null);
          assert.match(
            template.basis,
            /cannot check permissions in advance \(it can from OpenSearch 3\.2\)/
          );
          assert.equal(repair.allowed, null);
        }
        const access = accessOf(r);
        assert.equal(access.status, 'warn');
        assert.equal(access.evidence.user, 'reader');
        assert.equal(access.evidence.tenant, 'Global');
        assert.match(
          access.message,
          checks
            ? /^You \(reader\) may not make 3 of the 3 fixes offered: install the index template \(missing indices:admin\/index_template\/put\)/
            : /^You \(reader\) may not make 1 of the 3 fixes offered: create the index pattern/
        );
        // Nothing was written by asking.
        const template404 = await secure.http('GET', `/_index_template/${templateName(prefix)}`);
        assert.equal(template404.status, 404);
        assert.equal((await secure.http('HEAD', `/${indices[0]}-repaired`)).status, 404);
      });

      it('reader in Private: a writable tenant is not enough; the 403 names a permission the report listed', async () => {
        const r = await report(users.reader, '__user__');
        const rights = rightsOf(r, 'index_pattern.exists');
        if (checks) {
          assert.equal(rights.allowed, false);
          assert.deepEqual(rights.missing, ['indices:data/write/bulk']);
        } else {
          assert.equal(rights.allowed, null);
        }
        const made = await apply(users.reader, { template: false, indexPattern: true }, '__user__');
        assert.equal(made.status, 403, JSON.stringify(made.body));
        const permission = (made.body.attributes as { permission?: string } | undefined)
          ?.permission;
        assert.ok(permission, JSON.stringify(made.body));
        assert.ok(
          rights.needs.some((n) => n.includes(permission)),
          `${permission} is among ${rights.needs.join(', ')}`
        );
        if (checks) assert.deepEqual(rights.missing, [permission]);
      });

      it('the CLI says the same as the route: what each fix needs, and which this user may not make', async () => {
        let out = '';
        let err = '';
        process.env.OPENSEARCH_PASSWORD = users.reader.password;
        const code = await main(
          [
            'check',
            '--opensearch',
            engineUrl(engineName),
            '--user',
            users.reader.username,
            '--prefix',
            prefix,
          ],
          { out: (t) => void (out += t), err: (t) => void (err += t) }
        );
        delete process.env.OPENSEARCH_PASSWORD;
        assert.equal(code, 1, `${out}\n${err}`);
        assert.match(out, /needs: cluster: indices:admin\/index_template\/put/);
        if (checks) {
          assert.match(
            out,
            /you may not make this fix: missing indices:admin\/index_template\/put\./
          );
          assert.match(
            out,
            /Your rights for the fixes: You \(reader\) may not make 2 of the 2 fixes offered/
          );
        } else {
          assert.match(
            out,
            /rights: The security plugin of this cluster cannot check permissions in advance/
          );
          assert.match(
            out,
            /Your rights for the fixes: Could not find out whether reader may make/
          );
        }
      });

      it('admin: all_access, so every fix is allowed', async () => {
        const r = await report(users.admin, 'global');
        const access = accessOf(r);
        assert.equal(access.status, 'pass', access.message);
        assert.match(access.message, /^You \(admin\) may make every fix offered/);
        assert.ok(access.evidence.fixes.every((f) => f.allowed === true));
      });

      it('a user with exactly the permissions the table lists makes every fix', async () => {
        const before = await report(FIXER, 'global');
        if (checks) {
          // The plugin's own check agrees with the table, except for the copy it cannot check.
          assert.equal(rightsOf(before, 'template').allowed, true);
          assert.equal(rightsOf(before, 'index_pattern.exists').allowed, true);
          const repair = rightsOf(before, 'indices.timestamps');
          assert.equal(repair.allowed, null);
          assert.match(repair.basis, /the copy \(_reindex\) it cannot check in advance/);
        } else {
          // Not known in advance on 2.19 (the tenant is writable; the index rights cannot be asked about).
          assert.equal(rightsOf(before, 'index_pattern.exists').allowed, null);
        }

        const template = await apply(FIXER, { template: true }, 'global');
        assert.equal(template.status, 200, JSON.stringify(template.body));
        const pattern = await apply(FIXER, { template: false, indexPattern: true }, 'global');
        assert.equal(pattern.status, 200, JSON.stringify(pattern.body));

        const asFixer = new Client({
          node: engineUrl(engineName),
          auth: FIXER,
          requestTimeout: 60_000,
        }) as unknown as OpenSearchClient;
        const state = await new RepairService(asFixer, logger, { progressIntervalMs: 200 }).repair(
          indices[0],
          prefix
        );
        assert.equal(state.step, 'done', JSON.stringify(state));
        assert.equal(
          (await secure.http('GET', `/_index_template/${templateName(prefix)}`)).status,
          200
        );
      });
    });
  }
);

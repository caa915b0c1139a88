/**
 * The cost of saying which fixes need more rights: the index report as a read-only user and as the admin on
 * OpenSearch 3.4 with the security plugin (SECURE3_URL), where the report also reads the user's authinfo and
 * asks `perform_permission_check` about each request of each fix offered, against the raw
 * `GET <prefix>*\/_mapping` in the same run. Medians of --runs (default 17), alternating.
 *
 *   SECURE3_URL=http://127.0.0.1:9201 npx tsx bench/rights.ts [--runs 17]
 */
import { Client } from '@opensearch-project/opensearch';
import { performance } from 'node:perf_hooks';
import { secureUsersFromEnv, type SecureUser } from '../scripts/lib/engines';
import { buildReport } from '../server/services/index_engine';
import type { OpenSearchClient } from '../server/osd_port';
import { cleanupPrefix, loadBeforeTemplate, pastDay } from '../test/support/repair_fixtures';
import { median } from './validation';

const url = process.env.SECURE3_URL;
if (!url) throw new Error('SECURE3_URL is not set (npm run opensearch -- --engine secure3)');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 17;
const users = secureUsersFromEnv();
const clientOf = (user: SecureUser): OpenSearchClient =>
  new Client({ node: url, auth: user, requestTimeout: 60_000 }) as unknown as OpenSearchClient;

async function main(): Promise<void> {
  const admin = clientOf(users.admin);
  const prefix = 'pinpoint_bench_rights';
  await cleanupPrefix(admin, prefix);
  await loadBeforeTemplate(admin, prefix, [pastDay(4), pastDay(3)], 200);
  try {
    for (const name of ['reader', 'admin'] as const) {
      const client = clientOf(users[name]);
      const report: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        await buildReport({ client }, prefix);
        report.push(performance.now() - t);
        t = performance.now();
        await client.transport.request({ method: 'GET', path: `/${prefix}*/_mapping` });
        raw.push(performance.now() - t);
      }
      const [r, m] = [median(report), median(raw)];
      console.log(
        `${name}: report ${r.toFixed(1)} ms, raw mapping ${m.toFixed(1)} ms, ratio ${(r / m).toFixed(2)}x (median of ${runs})`
      );
    }
  } finally {
    await cleanupPrefix(admin, prefix);
  }
}

void main();

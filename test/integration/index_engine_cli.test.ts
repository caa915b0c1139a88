/**
 * The CLI door (`main()` with captured output) against the real OpenSearch node: check finds the indices
 * created before the template and exits 1; setup installs the template (and, with --dashboards, the index
 * pattern through Dashboards' API with osd-xsrf), a second setup writes nothing; after the repair check is clean
 * and exits 0. Usage and connection errors exit 2 with one line saying what to fix, never a stack trace.
 */
import { findCheck } from '../../common/check';
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { main } from '../../cli/index';
import type { ValidationReport } from '../../common/report';
import { countingClient, opensearchUrl, uniquePrefix } from '../support/counting_client';
import { startFakeDashboards, type FakeDashboards } from '../support/fake_dashboards_server';
import {
  cleanupPrefix,
  seedBeforeTemplate,
  simulateRepair,
} from '../support/index_engine_fixtures';

const client = countingClient();
const prefix = uniquePrefix('cli');
const os = opensearchUrl();
let dashboards: FakeDashboards;
let seeded: string[] = [];

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('index engine CLI', () => {
  beforeAll(async () => {
    await cleanupPrefix(client, prefix);
    seeded = await seedBeforeTemplate(client, prefix, { days: 2, perDay: 50 });
    dashboards = await startFakeDashboards();
  });
  afterAll(async () => {
    await cleanupPrefix(client, prefix);
    await dashboards.close();
  });

  it('check lists every index created before the template and exits 1', async () => {
    const { code, out, err } = await run('check', '--opensearch', os, '--prefix', prefix);
    assert.equal(code, 1, err);
    assert.match(out, /FAIL {2}Index template/);
    assert.match(out, /FAIL {2}Timestamps/);
    for (const index of seeded) assert.match(out, new RegExp(index));
    assert.match(out, new RegExp(`run: pinpoint-dashboards setup --prefix ${prefix}`));
    // Bug 4: this used to say Dashboards "was not reachable" although nobody had asked it.
    assert.match(out, /--\s+Index pattern and default: Not checked: .*no Dashboards URL was given/);
    assert.match(out, /run: pinpoint-dashboards check --dashboards <dashboards-url>/);
    assert.doesNotMatch(out, /not reachable/);
  });

  it('check --json prints the report as JSON', async () => {
    const { code, out } = await run('check', '--opensearch', os, '--prefix', prefix, '--json');
    assert.equal(code, 1);
    const report = (JSON.parse(out) as { index: ValidationReport }).index;
    const ts = findCheck(report.checks, 'indices.timestamps');
    assert.deepEqual(ts?.remedy?.fix, { kind: 'repair_indices', indices: seeded.slice(0, -1) });
    assert.deepEqual(
      (ts?.evidence.bad ?? []).map((b) => b.index),
      seeded
    );
  });

  it('setup refuses to write unattended without --yes', async () => {
    const { code, err } = await run('setup', '--opensearch', os, '--prefix', prefix);
    assert.equal(code, 2);
    assert.match(err, /pass --yes/);
    const t = await client.transport.request(
      { method: 'GET', path: `/_index_template/${prefix}-events` },
      { ignore: [404] }
    );
    assert.equal(t.statusCode, 404);
  });

  it('setup --yes installs the template and the index pattern; a second run changes nothing', async () => {
    const first = await run(
      'setup',
      '--opensearch',
      os,
      '--prefix',
      prefix,
      '--dashboards',
      dashboards.url,
      '--make-default',
      '--yes'
    );
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /created +installed _index_template/);
    assert.match(first.out, /created +created index pattern/);
    const pattern = await dashboards.savedObjects.get<{ title: string; timeFieldName: string }>(
      'index-pattern',
      `${prefix}-events`
    );
    assert.equal(pattern.attributes.timeFieldName, 'arrival_timestamp');
    assert.equal(await dashboards.uiSettings.get('defaultIndex'), `${prefix}-events`);
    assert.ok(dashboards.requests.filter((r) => r.method !== 'GET').every((r) => r.xsrf));

    const second = await run(
      'setup',
      '--opensearch',
      os,
      '--prefix',
      prefix,
      '--dashboards',
      dashboards.url,
      '--make-default',
      '--yes'
    );
    assert.equal(second.code, 0);
    assert.match(second.out, /nothing to change/);
  });

  it('check is clean (exit 0) once the indices are repaired', async () => {
    for (const index of seeded) await simulateRepair(client, index);
    await run(
      'setup',
      '--opensearch',
      os,
      '--prefix',
      prefix,
      '--dashboards',
      dashboards.url,
      '--yes'
    );
    const { code, out } = await run(
      'check',
      '--opensearch',
      os,
      '--prefix',
      prefix,
      '--dashboards',
      dashboards.url
    );
    assert.equal(code, 0, out);
    assert.doesNotMatch(out, /FAIL|WARN/);
  });

  // Bug 4: pointing --opensearch at Dashboards printed `GET /pinpoint*/_settings…: not found`.
  it('says so when --opensearch is a Dashboards server', async () => {
    const { code, err } = await run('check', '--opensearch', dashboards.url, '--prefix', prefix);
    assert.equal(code, 2);
    assert.match(
      err,
      /is an OpenSearch Dashboards server, not OpenSearch: give the cluster's URL to --opensearch/
    );
    assert.doesNotMatch(err, /_settings|not found/);
    assert.equal(err.trim().split('\n').length, 1);
  });

  it('exits 2 with a message for usage and connection errors, never a stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['check', '--opensearch', os, '--prefix', 'Bad'], /--prefix "Bad" must be lowercase/],
      [['check', '--opensearch', 'ftp://x'], /--opensearch must be an http/],
      [['check', '--opensearch', 'not a url'], /is not a URL/],
      [['check', '--nope'], /unknown option '--nope'/],
      [
        ['check', '--opensearch', 'http://127.0.0.1:1'],
        /cannot connect to OpenSearch at http:\/\/127\.0\.0\.1:1: connection refused; check the host and port in --opensearch/,
      ],
      [
        ['check', '--opensearch', os, '--prefix', prefix, '--dashboards', 'http://127.0.0.1:1'],
        /cannot connect to Dashboards at http:\/\/127\.0\.0\.1:1: connection refused; check the host and port in --dashboards/,
      ],
      [
        ['setup', '--opensearch', os, '--prefix', prefix, '--make-default', '--yes'],
        /--make-default needs --dashboards/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(...args);
      assert.equal(code, 2, `${args.join(' ')}: ${err}`);
      assert.match(err, message);
      assert.doesNotMatch(err, /\n\s+at /);
    }
  });
});

/**
 * The dashboards through every door of the development host (the built zip, as Dashboards runs it) on the real
 * OpenSearch node:
 * - Dashboards' own `_import` (multipart `file`, osd-xsrf) accepts the shipped file; a second import with
 *   overwrite=false reports a conflict per object and writes nothing;
 * - the plugin's routes: status, install (writes only the record when the objects are already there), a second
 *   install that changes nothing, 400s for bad bodies;
 * - the CLI's `setup --dashboards`: nothing to change when installed, an edited visualization kept (exit 1)
 *   unless --replace-edited.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@opensearch-project/opensearch';
import { main } from '../../cli/index';
import { multipartFile } from '../../cli/dashboards_install';
import { NDJSON_FILE_NAME } from '../../common/saved_objects/ndjson';
import type { DashboardsStatus, InstallResult } from '../../common/saved_objects/install_types';
import { requireOpenSearchUrl, startTestDevHost, type TestDevHost } from '../support/dev_host';

const os = requireOpenSearchUrl();
const internal = new Client({ node: os });
const ndjson = readFileSync(
  join(__dirname, '..', '..', 'common', 'saved_objects', NDJSON_FILE_NAME),
  'utf8'
);
const count = ndjson.trim().split('\n').length - 1;
let host: TestDevHost;

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
) {
  const res = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      'osd-xsrf': 'true',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function importFile(overwrite: boolean) {
  const { text, contentType } = multipartFile(ndjson);
  const res = await fetch(`${host.url}/api/saved_objects/_import?overwrite=${overwrite}`, {
    method: 'POST',
    headers: { 'osd-xsrf': 'true', 'content-type': contentType },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function seqNos(): Promise<Record<string, number>> {
  await internal.indices.refresh({ index: host.savedObjectsIndex });
  const { body } = await internal.search({
    index: host.savedObjectsIndex,
    body: { size: 1000, seq_no_primary_term: true, query: { match_all: {} } },
  });
  return Object.fromEntries(
    (body.hits.hits as Array<{ _id: string; _seq_no: number }>).map((h) => [h._id, h._seq_no])
  );
}

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
const setup = (...extra: string[]) =>
  cli('setup', '--opensearch', os, '--no-template', '--dashboards', host.url, '--yes', ...extra);

beforeAll(async () => {
  host = await startTestDevHost('dashboards-doors');
});

afterAll(async () => {
  await host?.stop();
  await internal.close();
});

describe("Dashboards' _import on the development host", () => {
  it('accepts the shipped file: every object written', async () => {
    const { status, body } = await importFile(false);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, successCount: count });
  });

  it('a second import with overwrite=false reports conflicts and writes nothing', async () => {
    const before = await seqNos();
    const { status, body } = await importFile(false);
    expect(status).toBe(200);
    expect(body.success).toBe(false);
    const errors = body.errors as Array<{ error: { type: string } }>;
    expect(errors).toHaveLength(count);
    expect(new Set(errors.map((e) => e.error.type))).toEqual(new Set(['conflict']));
    expect(await seqNos()).toEqual(before);
  });
});

describe('the plugin routes', () => {
  it('sees the imported objects as current, with no install record yet', async () => {
    const { status, body } = await call<DashboardsStatus>('GET', '/api/pinpoint/dashboards');
    expect(status).toBe(200);
    expect(body.counts).toEqual({ missing: 0, current: count, outdated: 0, edited: 0 });
    expect(body.record).toBe('absent');
    expect(body.tenant.multitenancy).toBe(false);
  });

  it('install writes only the record, and a second install changes nothing', async () => {
    const first = await call<InstallResult>('POST', '/api/pinpoint/dashboards/install', {});
    expect(first.status).toBe(200);
    expect(first.body.changed).toBe(true);
    expect(first.body.outcomes.every((o) => o.action === 'unchanged')).toBe(true);
    const before = await seqNos();
    const second = await call<InstallResult>('POST', '/api/pinpoint/dashboards/install', {});
    expect(second.body.changed).toBe(false);
    expect(second.body.summary).toMatch(/^Nothing to change/);
    expect(await seqNos()).toEqual(before);
  });

  it('refuses a bad body with a 400 that says what to fix', async () => {
    const bad = await call<{ message: string }>('POST', '/api/pinpoint/dashboards/install', {
      objects: [{ type: 'dashboard', id: 'Bad_Id' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/objects\[0\]\.id must be a shipped object id/);
    const unknown = await call<{ message: string }>('POST', '/api/pinpoint/dashboards/install', {
      everything: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/unknown field\(s\) everything/);
    const notShipped = await call<{ message: string }>('POST', '/api/pinpoint/dashboards/install', {
      objects: [{ type: 'dashboard', id: 'not-ours' }],
    });
    expect(notShipped.status).toBe(400);
    expect(notShipped.body.message).toMatch(/not shipped objects: dashboard:not-ours/);
  });
});

describe('the CLI: setup --dashboards', () => {
  it('has nothing to change once everything is installed', async () => {
    const { code, out, err } = await setup();
    expect({ code, err }).toEqual({
      code: 0,
      err: expect.stringMatching(/dashboards: \d+ saved objects for tenant/),
    });
    expect(out).toMatch(/Nothing to change in the shared saved objects/);
  });

  it('keeps a visualization a user edited (exit 1), replaces it with --replace-edited', async () => {
    const id = 'pinpoint-email-bounce-types';
    const { body } = await call<{ version: string }>(
      'GET',
      `/api/saved_objects/visualization/${id}`
    );
    const edit = await call('PUT', `/api/saved_objects/visualization/${id}`, {
      attributes: { title: 'Bounces (ours)' },
      version: body.version,
    });
    expect(edit.status).toBe(200);
    const kept = await setup();
    expect(kept.code).toBe(1);
    expect(kept.out).toMatch(
      /kept +visualization Pinpoint: bounce events by bounce type: kept: edited since/
    );
    const replaced = await setup('--replace-edited');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toMatch(/replaced +visualization/);
    expect(replaced.out).toMatch(
      /read back from the shared saved objects \(no multi-tenancy\): 1 of 1/
    );
  });

  it('--json prints the setup and the dashboards result as one document', async () => {
    const { code, out } = await setup('--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { steps: unknown[]; dashboards: InstallResult };
    expect(parsed.dashboards.changed).toBe(false);
    expect(parsed.steps.length).toBeGreaterThan(0);
  });
});

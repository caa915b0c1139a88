/**
 * Connections against the real security plugin (SECURE_URL): 401 without credentials or with a wrong password,
 * 403 for a user without the permission a command needs, success as a user with it — the password from
 * OPENSEARCH_PASSWORD or the URL, never printed. TLS through a local HTTPS listener in front of the node
 * (--ca, --insecure). Dashboards behind basic auth: the osd-xsrf and securitytenant headers and the
 * credentials arrive; without them one line says what to pass.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { secureUsersFromEnv } from '../../scripts/lib/engines';
import { notOneLineError, runCli } from '../support/cli_run';
import { makeTestCerts, startTlsProxy, type Listener, type TestCerts } from '../support/cli_tls';
import { startFakeDashboards, type FakeDashboards } from '../support/fake_dashboards_server';

function secureUrl(): string {
  const url = process.env.SECURE_URL;
  if (!url)
    throw new Error(
      'SECURE_URL is not set: start the secured engine (npm run opensearch -- --engine secure)'
    );
  return url;
}

const users = secureUsersFromEnv();
const url = secureUrl();
const prefix = `cliconn${Date.now().toString(36)}`;
const admin = `Basic ${Buffer.from(`${users.admin.username}:${users.admin.password}`).toString('base64')}`;
let certs: TestCerts;
let tls: Listener;
let dashboards: FakeDashboards;
let gate: Server;
let gateUrl: string;
const seen: Array<Record<string, string | string[] | undefined>> = [];

/** Basic auth in front of the fake Dashboards, recording the headers that reached it. */
function startGate(upstream: string): Promise<string> {
  const target = new URL(upstream);
  gate = createServer((req, res) => {
    seen.push(req.headers);
    const expected = `Basic ${Buffer.from(`${users.kibanaserver.username}:${users.kibanaserver.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic', 'content-type': 'application/json' });
      res.end('{"statusCode":401,"error":"Unauthorized","message":"Authentication required"}');
      return;
    }
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      }
    );
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    gate.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(gate.address() as AddressInfo).port}`)
    )
  );
}

const check = (...rest: string[]) => ['check', '--opensearch', url, '--prefix', prefix, ...rest];

describe('CLI connections (security plugin, TLS, Dashboards auth)', () => {
  beforeAll(async () => {
    certs = makeTestCerts();
    tls = await startTlsProxy(url, certs.key, certs.cert);
    dashboards = await startFakeDashboards();
    gateUrl = await startGate(dashboards.url);
  });
  afterAll(async () => {
    await fetch(`${url}/${prefix}*`, { method: 'DELETE', headers: { authorization: admin } });
    await tls.close();
    await dashboards.close();
    await new Promise((resolve) => gate.close(resolve));
  });

  it('no credentials: 401, one line naming --user and OPENSEARCH_PASSWORD', async () => {
    const run = await runCli(check());
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(
      /requires authentication \(401\): pass --user <name> with the password in OPENSEARCH_PASSWORD/
    );
  });

  it('a wrong password: 401, and the password is not printed', async () => {
    const run = await runCli(check('--user', users.reader.username), {
      OPENSEARCH_PASSWORD: 'Wrong-password-42',
    });
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(/rejected the user name or password for "reader" \(401\)/);
    expect(run.err).not.toMatch(/Wrong-password-42/);
  });

  it('a user without any role: 403 with the missing permission', async () => {
    const run = await runCli(check('--user', users.noaccess.username), {
      OPENSEARCH_PASSWORD: users.noaccess.password,
    });
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(/forbids user "noaccess" .*missing .*\(403\): map the user to a role/);
  });

  it('a reader: the check runs (findings, not a connection error)', async () => {
    const run = await runCli(check('--user', users.reader.username), {
      OPENSEARCH_PASSWORD: users.reader.password,
    });
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`prefix ${prefix}`));
  });

  it('credentials in the URL work and are not echoed', async () => {
    const withCreds = url.replace(
      '://',
      `://${users.reader.username}:${encodeURIComponent(users.reader.password)}@`
    );
    const run = await runCli(['check', '--opensearch', withCreds, '--prefix', prefix, '--json']);
    expect(run.code).toBe(1);
    expect(run.out + run.err).not.toContain(users.reader.password);
  });

  it('a reader may not write: generate ends with a 403 naming the bulk permission, and wrote nothing', async () => {
    const run = await runCli(
      [
        'generate',
        '--opensearch',
        url,
        '--prefix',
        prefix,
        '--days',
        '1',
        '--events-per-day',
        '20',
        '--before-template',
        '--yes',
        '--user',
        users.reader.username,
      ],
      { OPENSEARCH_PASSWORD: users.reader.password }
    );
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(/forbids user "reader" to POST \/_bulk .*\(403\)/);
    const res = await fetch(`${url}/_cat/indices/${prefix}*?format=json`, {
      headers: { authorization: admin },
    });
    expect(await res.json()).toEqual([]);
  });

  it('an admin may: the same generate succeeds', async () => {
    const run = await runCli(
      [
        'generate',
        '--opensearch',
        url,
        '--prefix',
        prefix,
        '--days',
        '1',
        '--events-per-day',
        '20',
        '--before-template',
        '--yes',
        '--user',
        users.admin.username,
        '--json',
      ],
      { OPENSEARCH_PASSWORD: users.admin.password }
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).docs).toBeGreaterThan(0);
  });

  it('TLS: trusted with --ca; --insecure works with a warning', async () => {
    const env = { OPENSEARCH_PASSWORD: users.reader.password };
    const trusted = await runCli(
      [
        'check',
        '--opensearch',
        tls.url,
        '--ca',
        certs.caFile,
        '--prefix',
        prefix,
        '--user',
        'reader',
      ],
      env
    );
    expect(trusted.err).toBe('');
    expect(trusted.code).toBe(1);
    // connect() warns on the process's stderr (it has no io of its own).
    let stderr = '';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => ((stderr += String(chunk)), true)) as typeof write;
    let insecure;
    try {
      insecure = await runCli(
        ['check', '--opensearch', tls.url, '--insecure', '--prefix', prefix, '--user', 'reader'],
        env
      );
    } finally {
      process.stderr.write = write;
    }
    expect(insecure.code).toBe(1);
    expect(stderr).toMatch(/^warning: --insecure: TLS certificates are not verified/);
  });

  it('Dashboards without credentials: one line saying what to pass', async () => {
    const run = await runCli(
      [
        'setup',
        '--opensearch',
        url,
        '--prefix',
        prefix,
        '--dashboards',
        gateUrl,
        '--no-template',
        '--yes',
        '--user',
        'admin',
      ],
      { OPENSEARCH_PASSWORD: users.admin.password, DASHBOARDS_PASSWORD: undefined }
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Dashboards at .* (requires authentication|rejected)/);
  });

  it('Dashboards with --dashboards-user and --tenant: credentials, osd-xsrf and securitytenant arrive', async () => {
    seen.length = 0;
    const run = await runCli(
      [
        'setup',
        '--opensearch',
        url,
        '--prefix',
        prefix,
        '--dashboards',
        gateUrl,
        '--no-template',
        '--yes',
        '--user',
        'admin',
        '--dashboards-user',
        users.kibanaserver.username,
        '--tenant',
        'global',
      ],
      {
        OPENSEARCH_PASSWORD: users.admin.password,
        DASHBOARDS_PASSWORD: users.kibanaserver.password,
      }
    );
    expect(run.err).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) {
      expect(headers['osd-xsrf']).toBe('true');
      expect(headers.securitytenant).toBe('global');
      expect(String(headers.authorization)).toMatch(/^Basic /);
    }
    expect(dashboards.savedObjects).toBeDefined();
  });
});

/**
 * --aws-sigv4 end to end against a local listener that answers like Amazon OpenSearch Service's front door:
 * requests arrive signed (AWS4-HMAC-SHA256, credentials from the SDK's default chain, region and service in the
 * credential scope, x-amz-content-sha256), for the cluster and for Dashboards; AWS's 403s for a wrong region,
 * a wrong service and unknown credentials each become one line saying what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notOneLineError, runCli } from '../support/cli_run';

let server: Server;
let url: string;
let answer = { status: 200, body: '{}' };
const seen: IncomingHttpHeaders[] = [];

const env = {
  AWS_ACCESS_KEY_ID: 'AKIASIGV4TESTKEY0001',
  AWS_SECRET_ACCESS_KEY: 'sigv4-test-secret',
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: 'eu-west-1',
};

describe('CLI with --aws-sigv4', () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const check = (...rest: string[]) => [
    'check',
    '--opensearch',
    url,
    '--aws-sigv4',
    '--prefix',
    'sig',
    ...rest,
  ];

  it('signs with the default chain credentials, the region and the service', async () => {
    seen.length = 0;
    answer = {
      status: 403,
      body: '{"message":"User: anonymous is not authorized to perform: es:ESHttpGet"}',
    };
    const run = await runCli(check('--service', 'aoss'), env);
    expect(notOneLineError(run)).toBeUndefined();
    const auth = String(seen[0]?.authorization);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIASIGV4TESTKEY0001\/\d{8}\/eu-west-1\/aoss\/aws4_request/
    );
    expect(seen[0]['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(run.err).toMatch(/forbids the AWS identity .*access policy/);
    expect(run.err).not.toContain('sigv4-test-secret');
  });

  it('a wrong region is one line naming --sigv4-region', async () => {
    answer = {
      status: 403,
      body: '{"message":"Credential should be scoped to a valid region, not \'eu-west-1\'. "}',
    };
    const run = await runCli(check(), env);
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(/is not in region eu-west-1: pass --sigv4-region/);
  });

  it('unknown credentials are one line', async () => {
    answer = {
      status: 403,
      body: '{"message":"The security token included in the request is invalid."}',
    };
    const run = await runCli(check(), env);
    expect(notOneLineError(run)).toBeUndefined();
    expect(run.err).toMatch(/does not recognise the AWS credentials/);
  });

  it('Dashboards requests are signed too, with osd-xsrf', async () => {
    seen.length = 0;
    answer = {
      status: 403,
      body: '{"message":"Credential should be scoped to a valid region, not \'eu-west-1\'."}',
    };
    const run = await runCli(
      [
        'setup',
        '--opensearch',
        url,
        '--aws-sigv4',
        '--prefix',
        'sig',
        '--no-template',
        '--dashboards',
        `${url}/_dashboards`,
        '--yes',
      ],
      env
    );
    expect(run.code).toBe(2);
    const dash = seen.find((h) => h['osd-xsrf'] === 'true');
    expect(String(dash?.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 .*\/eu-west-1\/es\/aws4_request/
    );
    expect(run.err).toMatch(/Dashboards at .* is not in region eu-west-1/);
  });
});

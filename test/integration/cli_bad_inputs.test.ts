/**
 * The CLI's catalogue of bad inputs: bad URLs, unreachable hosts (a closed loopback port, a listener that never
 * answers), TLS that cannot be trusted or has expired, malformed ARNs, ids, times, bucket names and lists,
 * unknown flags and commands, a bucket or stream that does not exist. Each ends with exit 2 and one line that
 * says what to fix — never a stack trace — and nothing is written: the cluster's indices and the moto bucket
 * are the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { opensearchUrl } from '../support/counting_client';
import { motoEnv, notOneLineError, runCli } from '../support/cli_run';
import {
  makeTestCerts,
  startSilentListener,
  startTlsProxy,
  type Listener,
  type TestCerts,
} from '../support/cli_tls';
import { freePort } from '../../scripts/lib/free_port';
import { buildPipeline, destroyPipeline, motoUrl, type Pipeline } from '../support/wiring_pipeline';

interface Case {
  name: string;
  args: () => string[];
  /** What the one line must say. */
  says: RegExp;
  env?: Record<string, string | undefined>;
}

const os = opensearchUrl();
const prefix = `clibad${Date.now().toString(36)}`;
let certs: TestCerts;
let tls: Listener;
let expired: Listener;
let silent: Listener;
let closedPort: number;
let notPem: string;
let pipeline: Pipeline;

async function indices(): Promise<string> {
  const res = await fetch(
    `${os}/_cat/indices/${prefix}*,pinpoint-2026-11-25?h=index,docs.count&s=index&expand_wildcards=all`
  );
  return res.text();
}

const fr = (...rest: string[]) => ['failed-records', ...rest];
const gen = (...rest: string[]) => [
  'generate',
  '--opensearch',
  os,
  '--prefix',
  prefix,
  '--days',
  '1',
  '--events-per-day',
  '10',
  ...rest,
];

const CASES: Case[] = [
  // URLs and reachability
  {
    name: 'URL that is not a URL',
    args: () => ['check', '--opensearch', 'not a url'],
    says: /is not a URL/,
  },
  {
    name: 'URL of another scheme',
    args: () => ['check', '--opensearch', 'ftp://127.0.0.1'],
    says: /http:\/\/ or https:\/\//,
  },
  {
    name: 'URL with a query string',
    args: () => ['check', '--opensearch', `${os}/?pretty`],
    says: /query string/,
  },
  {
    name: 'closed port',
    args: () => ['check', '--opensearch', `http://127.0.0.1:${closedPort}`, '--prefix', prefix],
    says: /connection refused; check the host and port/,
  },
  {
    name: 'a listener that never answers',
    args: () => ['check', '--opensearch', silent.url, '--timeout', '1', '--prefix', prefix],
    says: /did not answer in time/,
  },
  {
    name: 'https to a plain HTTP port',
    args: () => ['check', '--opensearch', os.replace('http:', 'https:'), '--prefix', prefix],
    says: /is it plain HTTP\?/,
  },
  {
    name: 'http to a TLS port',
    args: () => ['check', '--opensearch', tls.url.replace('https:', 'http:'), '--prefix', prefix],
    says: /closed the connection|https:\/\//,
  },
  {
    name: 'untrusted certificate',
    args: () => ['check', '--opensearch', tls.url, '--prefix', prefix],
    says: /not signed by a trusted authority; pass --ca/,
  },
  {
    name: 'certificate of another CA',
    args: () => ['check', '--opensearch', tls.url, '--ca', certs.otherCaFile, '--prefix', prefix],
    says: /not signed by a trusted authority/,
  },
  {
    name: 'expired certificate',
    args: () => ['check', '--opensearch', expired.url, '--ca', certs.caFile, '--prefix', prefix],
    says: /has expired/,
  },
  {
    name: '--ca file missing',
    args: () => ['check', '--ca', '/nonexistent/ca.pem'],
    says: /--ca \/nonexistent\/ca.pem: no such file/,
  },
  {
    name: '--ca not a PEM',
    args: () => ['check', '--ca', notPem],
    says: /is not a PEM certificate/,
  },
  {
    name: '--ca with --insecure',
    args: () => ['check', '--ca', certs.caFile, '--insecure'],
    says: /contradict/,
  },
  { name: '--timeout zero', args: () => ['check', '--timeout', '0'], says: /--timeout must be/ },
  {
    name: '--timeout not a number',
    args: () => ['check', '--timeout', 'soon'],
    says: /--timeout must be/,
  },
  // Credentials and SigV4
  {
    name: '--user empty',
    args: () => ['check', '--user', ''],
    says: /--user must be a non-empty name/,
  },
  { name: '--user with a colon', args: () => ['check', '--user', 'a:b'], says: /without ":"/ },
  {
    name: '--user with no password and no terminal',
    args: () => ['check', '--opensearch', os, '--user', 'admin', '--prefix', prefix],
    env: { OPENSEARCH_PASSWORD: undefined },
    says: /no terminal to ask: set OPENSEARCH_PASSWORD/,
  },
  {
    name: '--aws-sigv4 with an unknown region',
    args: () => ['check', '--aws-sigv4', '--sigv4-region', 'mars-1'],
    says: /is not an AWS region/,
  },
  {
    name: '--aws-sigv4 with no region',
    args: () => ['check', '--aws-sigv4'],
    env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined },
    says: /needs a region/,
  },
  {
    name: '--service without --aws-sigv4',
    args: () => ['check', '--service', 'aoss'],
    says: /--service needs --aws-sigv4/,
  },
  {
    name: '--service of another AWS service',
    args: () => ['check', '--aws-sigv4', '--sigv4-region', 'us-east-1', '--service', 's3'],
    says: /--service must be es .* or aoss/,
  },
  {
    name: '--user with --aws-sigv4',
    args: () => ['check', '--aws-sigv4', '--sigv4-region', 'us-east-1', '--user', 'x'],
    says: /exclusive/,
  },
  { name: '--tenant with a slash', args: () => ['check', '--tenant', 'a/b'], says: /--tenant/ },
  // Flags and commands
  {
    name: 'unknown flag',
    args: () => ['check', '--frobnicate'],
    says: /unknown option '--frobnicate'/,
  },
  { name: 'unknown command', args: () => ['frobnicate'], says: /unknown command 'frobnicate'/ },
  { name: 'unknown subcommand', args: () => fr('purge'), says: /unknown command 'purge'/ },
  {
    name: 'upper-case prefix',
    args: () => ['check', '--prefix', 'Pinpoint'],
    says: /must be lowercase/,
  },
  {
    name: 'malformed app id list (CSV)',
    args: () => [
      'check',
      '--opensearch',
      `http://127.0.0.1:${closedPort}`,
      '--aws',
      '--region',
      'us-east-1',
      '--app-id',
      'abc,,def',
    ],
    says: /./,
  },
  // failed-records: where, ids, ARNs, times
  {
    name: 'no source',
    args: () => fr('list', '--region', 'us-east-1'),
    says: /say where the failed records are/,
  },
  {
    name: 'bad region',
    args: () => fr('list', '--region', 'moon', '--stream', 's'),
    says: /region/,
  },
  {
    name: 'bad stream name',
    args: () => fr('list', '--stream', 'bad name!'),
    says: /Firehose|stream/,
  },
  {
    name: 'malformed ARN',
    args: () => fr('list', '--stream', 'arn:aws:firehose:us-east-1'),
    says: /ARN|arn/,
  },
  {
    name: 'ARN of another service',
    args: () => fr('list', '--stream', 'arn:aws:s3:::my-bucket'),
    says: /not a Firehose delivery stream ARN/,
  },
  {
    name: 'bad bucket name',
    args: () => fr('list', '--bucket', 'Bad_Bucket'),
    says: /is not an S3 bucket name/,
  },
  {
    name: 'bucket name too short',
    args: () => fr('list', '--bucket', 'ab'),
    says: /is not an S3 bucket name/,
  },
  {
    name: 'bucket that does not exist',
    args: () => fr('list', '--bucket', `no-such-bucket-${prefix}`),
    says: /bucket no-such-bucket-.*not found/,
  },
  {
    name: 'stream that does not exist',
    args: () => fr('list', '--stream', `no-such-stream-${prefix}`),
    says: /delivery stream no-such-stream-.*not found/,
  },
  {
    name: 'malformed app id',
    args: () => fr('list', '--app-id', 'xyz'),
    says: /application id|appId/i,
  },
  {
    name: 'time in words',
    args: () => fr('list', '--bucket', 'abc', '--since', 'yesterday'),
    says: /is not a time/,
  },
  {
    name: 'impossible date',
    args: () => fr('list', '--bucket', 'abc', '--since', '2026-13-45'),
    says: /is not a time/,
  },
  {
    name: 'since after until',
    args: () => fr('list', '--bucket', 'abc', '--since', '1d', '--until', '30d'),
    says: /since must be before until/,
  },
  {
    name: 'prefix with a leading slash',
    args: () => fr('list', '--bucket', 'abc', '--prefix', '/failed'),
    says: /must not start with "\/"/,
  },
  {
    name: 'group not a number',
    args: () => fr('show', 'first', '--bucket', 'abc'),
    says: /must be a number from the list/,
  },
  {
    name: 'group zero',
    args: () => fr('show', '0', '--bucket', 'abc'),
    says: /must be a number from the list/,
  },
  {
    name: 'group past the end',
    args: () => fr('show', '99', '--stream', pipeline.streamName),
    says: /group 99 does not exist/,
  },
  {
    name: 'replay into a bad URL',
    args: () => fr('replay', '--stream', pipeline.streamName, '--opensearch', 'nope', '--yes'),
    says: /is not a URL/,
  },
  {
    name: 'replay without --yes and no terminal',
    args: () =>
      fr('replay', '--stream', pipeline.streamName, '--opensearch', os, '--index-prefix', prefix),
    says: /pass --yes/,
  },
  {
    name: 'replay with a bad index prefix',
    args: () => fr('replay', '--stream', pipeline.streamName, '--index-prefix', '_bad', '--yes'),
    says: /must not start with/,
  },
  {
    name: 'replay to a closed port',
    args: () =>
      fr(
        'replay',
        '--stream',
        pipeline.streamName,
        '--opensearch',
        `http://127.0.0.1:${closedPort}`,
        '--index-prefix',
        'pinpoint',
        '--yes'
      ),
    says: /connection refused/,
  },
  // generate
  {
    name: 'generate --days 0',
    args: () => ['generate', '--days', '0', '--events-per-day', '1'],
    says: /--days must be a whole number from 1/,
  },
  {
    name: 'generate --days words',
    args: () => ['generate', '--days', 'seven', '--events-per-day', '1'],
    says: /--days must be a whole number/,
  },
  {
    name: 'generate negative events',
    args: () => ['generate', '--days', '1', '--events-per-day', '-5'],
    says: /--events-per-day/,
  },
  {
    name: 'generate fractional seed',
    args: () => ['generate', '--days', '1', '--events-per-day', '1', '--seed', '1.5'],
    says: /--seed/,
  },
  {
    name: 'generate unknown rotation',
    args: () => ['generate', '--days', '1', '--events-per-day', '1', '--rotation', 'Daily'],
    says: /--rotation must be one of/,
  },
  {
    name: 'generate buffer interval past 900 s',
    args: () => ['generate', '--days', '1', '--events-per-day', '1', '--buffer-interval', '901'],
    says: /--buffer-interval must be a whole number from 0 to 900/,
  },
  {
    name: 'generate buffer size 0',
    args: () => ['generate', '--days', '1', '--events-per-day', '1', '--buffer-size', '0'],
    says: /--buffer-size/,
  },
  {
    name: 'generate impossible --end',
    args: () => ['generate', '--days', '1', '--events-per-day', '1', '--end', '2026-02-30'],
    says: /--end must be a day/,
  },
  {
    name: 'generate without --days',
    args: () => ['generate', '--events-per-day', '1'],
    says: /required option '--days <n>'/,
  },
  {
    name: 'generate with no template covering',
    args: () => gen('--yes'),
    says: /no index template covers .* run `pinpoint-dashboards setup/,
  },
  {
    name: 'generate without --yes and no terminal',
    args: () => gen('--before-template'),
    says: /pass --yes/,
  },
];

describe('CLI bad inputs', () => {
  let before: string;
  beforeAll(async () => {
    certs = makeTestCerts();
    tls = await startTlsProxy(os, certs.key, certs.cert);
    expired = await startTlsProxy(os, certs.key, certs.expiredCert);
    silent = await startSilentListener();
    closedPort = await freePort();
    notPem = join(certs.dir, 'not.pem');
    writeFileSync(notPem, '{"not":"a certificate"}');
    Object.assign(process.env, motoEnv(motoUrl()));
    pipeline = await buildPipeline('us-east-1', 'failed_records');
    before = await indices();
  });
  afterAll(async () => {
    await destroyPipeline(pipeline);
    await Promise.all([tls.close(), expired.close(), silent.close()]);
  });

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    it(`${c.name}: exit 2, one line`, async () => {
      const run = await runCli(c.args(), c.env);
      expect(notOneLineError(run)).toBeUndefined();
      expect(run.err).toMatch(c.says);
    });
  }

  it('wrote nothing', async () => {
    expect(await indices()).toBe(before);
  });
});

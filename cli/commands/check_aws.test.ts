import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { Command } from 'commander';
import type { WiringReport } from '../../common/wiring_types';
import { InvalidInputError } from '../../common/validation';
import { addAwsOptions, awsRequestFromFlags, formatWiringReport } from './check_aws';

const APP = '0123456789abcdef0123456789abcdef';
const APP2 = 'fedcba9876543210fedcba9876543210';

describe('check --aws flags', () => {
  it('collects repeated --app-id and the other options', () => {
    const cmd = new Command('check').exitOverride();
    addAwsOptions(cmd);
    cmd.parse(
      [
        '--aws',
        '--region',
        'eu-west-1',
        '--app-id',
        APP,
        '--app-id',
        APP2,
        '--firehose-stream',
        'ps',
        '--domain',
        'pinpoint',
      ],
      { from: 'user' }
    );
    assert.deepEqual(awsRequestFromFlags(cmd.opts()), {
      region: 'eu-west-1',
      appIds: [APP, APP2],
      firehoseStream: 'ps',
      domain: 'pinpoint',
    });
  });

  it('takes the region from AWS_REGION, and asks for one when there is none', () => {
    assert.equal(
      awsRequestFromFlags({ aws: true, appId: [APP] }, { AWS_REGION: 'us-east-2' })?.region,
      'us-east-2'
    );
    assert.throws(() => awsRequestFromFlags({ aws: true, appId: [APP] }, {}), /--region/);
  });

  it('is off without --aws, and refuses AWS flags given without it', () => {
    assert.equal(awsRequestFromFlags({}), undefined);
    assert.throws(
      () => awsRequestFromFlags({ firehoseStream: 'ps' }),
      (e: unknown) =>
        e instanceof InvalidInputError && /--firehose-stream needs --aws/.test(e.message)
    );
  });

  it('validates like the route', () => {
    assert.throws(
      () => awsRequestFromFlags({ aws: true, region: 'eu-west-1', appId: ['nope'] }),
      /32 lowercase hexadecimal/
    );
  });
});

describe('check --aws text', () => {
  it('shows each hop, one line per passing check, evidence and the fix for the others', () => {
    const report: WiringReport = {
      request: { region: 'eu-west-1', appIds: [APP] },
      status: 'fail',
      counts: { pass: 1, warn: 0, fail: 1, unknown: 0, skipped: 0 },
      headline: 'Not wired: something breaks delivery: 1 failure, 1 passed',
      startedAt: '2026-11-25T00:00:00Z',
      durationMs: 1234,
      complete: true,
      deadlineMs: 20000,
      hops: [
        {
          id: 'identity',
          title: 'Identity',
          status: 'pass',
          durationMs: 1,
          finished: true,
          checks: [
            {
              id: 'identity.caller',
              title: 'AWS identity',
              status: 'pass',
              message: 'Checking as x.',
              evidence: { account: '1' },
            },
          ],
        },
        {
          id: 'firehose',
          title: 'Firehose stream',
          status: 'fail',
          durationMs: 1,
          finished: true,
          checks: [
            {
              id: 'firehose.index_name',
              title: 'Index names',
              subject: 'ps',
              status: 'fail',
              message: 'Not covered.',
              evidence: { indexName: 'events' },
              remedy: { text: 'Set IndexName.', command: 'aws firehose update-destination ...' },
            },
          ],
        },
      ],
    };
    const text = formatWiringReport(report);
    assert.match(text, /^AWS wiring in eu-west-1 for 0123\S* in 1\.2 s\n/);
    // The verdict and the first thing to do, through the CLI's one check renderer.
    assert.match(
      text,
      /Not wired: something breaks delivery: 1 failure, 1 passed\n\s+next: aws firehose/
    );
    assert.match(text, /1\. Identity: pass\n {4}\S+ +AWS identity: Checking as x\.\n/);
    assert.match(
      text,
      /Index names \(ps\): Not covered\.\n {10}index name: events\n {10}fix: Set IndexName\.\n {10}run: aws firehose/
    );
    assert.doesNotMatch(text, /account: 1/);
  });
});

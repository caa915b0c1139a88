import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { NotFoundException } from '@aws-sdk/client-pinpoint';
import { callAws } from './call';
import { AwsCallError } from './errors';
import { pinpointErrorKind } from './pinpoint';

const hang = () => new Promise<never>(() => undefined);
async function kindOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'resolved';
  } catch (error) {
    assert.ok(error instanceof AwsCallError, String(error));
    return error.kind;
  }
}

describe('one bounded AWS call', () => {
  it('ends at its timeout even when the SDK never answers', async () => {
    const started = Date.now();
    assert.equal(
      await kindOf(() => callAws('s3', 'ListObjectsV2', { timeoutMs: 50 }, hang)),
      'timeout'
    );
    assert.ok(Date.now() - started < 500);
  });

  it('hands the SDK an abort signal that fires at the timeout', async () => {
    let seen: AbortSignal | undefined;
    await kindOf(() =>
      callAws('s3', 'ListObjectsV2', { timeoutMs: 30 }, (signal) => ((seen = signal), hang()))
    );
    assert.equal(seen?.aborted, true);
  });

  it('is cancelled by the caller’s signal, and does not start after it fired', async () => {
    const outer = new AbortController();
    setTimeout(() => outer.abort(), 20);
    assert.equal(
      await kindOf(() =>
        callAws('s3', 'ListObjectsV2', { signal: outer.signal, timeoutMs: 5000 }, hang)
      ),
      'cancelled'
    );
    let started = false;
    assert.equal(
      await kindOf(() =>
        callAws('s3', 'x', { signal: outer.signal }, async () => ((started = true), 1))
      ),
      'cancelled'
    );
    assert.equal(started, false);
  });

  it('reads errors by kind: modelled first, then by name and status', async () => {
    const fail = (error: unknown) => () =>
      callAws('firehose', 'DescribeDeliveryStream', {}, () => Promise.reject(error));
    const named = (name: string, status: number, extra = {}) =>
      Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...extra });
    assert.equal(await kindOf(fail(named('AccessDeniedException', 400))), 'access_denied');
    assert.equal(await kindOf(fail(named('ThrottlingException', 400))), 'throttled');
    assert.equal(await kindOf(fail(named('ExpiredTokenException', 400))), 'credentials');
    assert.equal(await kindOf(fail(named('CredentialsProviderError', 0))), 'credentials');
    assert.equal(
      await kindOf(
        fail(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
      ),
      'network'
    );
    assert.equal(await kindOf(fail(named('Whatever', 403))), 'access_denied');
    assert.equal(await kindOf(fail(named('InternalFailure', 500))), 'other');
  });

  it('treats a Pinpoint that answers as retired as gone, no answer at all as network, and a missing event stream as not found', () => {
    assert.equal(
      pinpointErrorKind(new NotFoundException({ message: 'Resource not found', $metadata: {} })),
      'not_found'
    );
    // Wrapped by the SDK (a socket error from another realm keeps only its text): still a network failure.
    assert.equal(
      pinpointErrorKind(
        new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9')
      ),
      'network'
    );
    // Bug 4: a name that does not resolve is this machine's network, not Pinpoint's end of support.
    assert.equal(
      pinpointErrorKind(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
      'network'
    );
    assert.equal(
      pinpointErrorKind(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 410 } })),
      'gone'
    );
    assert.equal(
      pinpointErrorKind(
        Object.assign(new Error('<html>'), { name: 'Error', $metadata: { httpStatusCode: 404 } })
      ),
      'gone'
    );
    assert.equal(
      pinpointErrorKind(
        Object.assign(new Error('Amazon Pinpoint has reached end of support'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 403 },
        })
      ),
      'gone'
    );
    assert.equal(
      pinpointErrorKind(
        Object.assign(new Error('not authorized'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 403 },
        })
      ),
      'access_denied'
    );
  });
});

describe('AWS error text', () => {
  it('never carries an access key id, even when the service echoes one', async () => {
    const echo = Object.assign(
      new Error('The AWS Access Key Id AKIAIOSFODNN7EXAMPLE does not exist (ASIAXYZXYZXYZXYZXYZX)'),
      { name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } }
    );
    try {
      await callAws('s3', 'ListObjectsV2', {}, () => Promise.reject(echo));
      assert.fail('resolved');
    } catch (error) {
      assert.ok(error instanceof AwsCallError);
      assert.equal(error.kind, 'credentials');
      assert.doesNotMatch(error.describe(), /AKIAIOSFODNN7EXAMPLE|ASIAXYZXYZ/);
      assert.match(error.message, /AKIA…\(redacted\)/);
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import Boom from '@hapi/boom';
import { errors } from '@opensearch-project/opensearch';
import { FirehoseServiceException } from '@aws-sdk/client-firehose';
import { readUpstreamError } from './upstream_errors';

function responseError(statusCode: number, body: unknown) {
  return new errors.ResponseError({
    body,
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  } as never);
}

describe('readUpstreamError', () => {
  it('reads opensearch-js ResponseError: status, error type and reason', () => {
    const f = readUpstreamError(
      responseError(403, {
        error: {
          type: 'security_exception',
          reason: 'no permissions for [indices:admin/template/put]',
        },
      })
    );
    expect(f).toMatchObject({
      source: 'opensearch',
      kind: 'forbidden',
      status: 403,
      code: 'security_exception',
    });
    expect(f.reason).toMatch(/no permissions/);
  });

  it('reads opensearch-js timeouts and connection errors', () => {
    expect(readUpstreamError(new errors.TimeoutError('Request timed out', {} as never)).kind).toBe(
      'timeout'
    );
    expect(
      readUpstreamError(new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:1', {} as never))
        .kind
    ).toBe('network');
  });

  it('reads Boom from the saved-objects client and ui settings', () => {
    expect(readUpstreamError(Boom.forbidden('nope'))).toMatchObject({
      source: 'dashboards',
      kind: 'forbidden',
      status: 403,
    });
    expect(readUpstreamError(Boom.conflict('taken'))).toMatchObject({
      kind: 'conflict',
      status: 409,
      reason: 'taken',
    });
    expect(readUpstreamError(Boom.notFound('gone')).kind).toBe('not_found');
  });

  it('reads AWS SDK service exceptions, by name before status', () => {
    const denied = new FirehoseServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'User AKIAABCDEFGHIJKLMNOP is not authorized',
    });
    const f = readUpstreamError(denied);
    expect(f).toMatchObject({
      source: 'aws',
      kind: 'forbidden',
      code: 'AccessDeniedException',
      status: 400,
    });
    expect(f.reason).not.toMatch(/AKIAABCDEFGHIJKLMNOP/);
    const throttled = new FirehoseServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(readUpstreamError(throttled).kind).toBe('throttled');
  });

  it('reads Node socket errors and leaves programming errors unknown', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    expect(readUpstreamError(refused)).toMatchObject({ source: 'network', kind: 'network' });
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
      code: 'ENOTFOUND',
    });
    expect(readUpstreamError(dns).kind).toBe('network');
    expect(readUpstreamError(new TypeError('x is undefined')).source).toBe('unknown');
  });
});

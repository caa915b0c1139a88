import { describe, expect, it } from '@jest/globals';
import {
  parseFailedRecordsRequest,
  parseReplayRequest,
  parseTimeArg,
  validateBucketName,
} from './failed_records';

const now = new Date('2026-12-01T12:00:00Z');

describe('failed-records input', () => {
  it('times: ISO, epoch seconds and ms, relative', () => {
    expect(parseTimeArg('2026-11-25', 'since', now)).toBe(Date.parse('2026-11-25T00:00:00Z'));
    expect(parseTimeArg('2026-11-25T10:00Z', 'since', now)).toBe(
      Date.parse('2026-11-25T10:00:00Z')
    );
    expect(parseTimeArg('1764000000', 'since', now)).toBe(1764000000000);
    expect(parseTimeArg('24h', 'since', now)).toBe(now.getTime() - 86_400_000);
    expect(() => parseTimeArg('last tuesday', 'since', now)).toThrow(/is not a time/);
  });
  it('buckets: names and ARNs; no upper case, underscores or ".."', () => {
    expect(validateBucketName('arn:aws:s3:::my-bucket')).toBe('my-bucket');
    for (const bad of ['My-Bucket', 'a_b', 'ab', 'a..b', '-ab'])
      expect(() => validateBucketName(bad)).toThrow();
  });
  it('a request needs a place and refuses unknown keys', () => {
    expect(() => parseFailedRecordsRequest({ region: 'us-east-1' })).toThrow(/say where/);
    expect(() =>
      parseFailedRecordsRequest({ region: 'us-east-1', bucket: 'abc', extra: 1 })
    ).toThrow();
    const r = parseFailedRecordsRequest({
      stream: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/s',
    });
    expect(r.region).toBe('eu-west-1');
    expect(r.indexPrefix).toBe('pinpoint');
  });
  it('replay takes an error code', () => {
    expect(
      parseReplayRequest({ region: 'us-east-1', bucket: 'abc', errorCode: '400' }).errorCode
    ).toBe('400');
    expect(() =>
      parseReplayRequest({ region: 'us-east-1', bucket: 'abc', errorCode: 'a b' })
    ).toThrow();
  });
});

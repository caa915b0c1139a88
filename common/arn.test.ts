import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  arnIn,
  bucketArn,
  globalArn,
  parseArn,
  partitionFor,
  roleNameOfArn,
  tryParseArn,
  validateRegionCode,
} from './arn';
import { InvalidInputError } from './validation';

const refuses = (fn: () => unknown, reason: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof InvalidInputError && reason.test(e.message));

describe('partition-aware ARNs and regions', () => {
  it('knows which partition a region belongs to', () => {
    assert.equal(partitionFor('us-east-1'), 'aws');
    assert.equal(partitionFor('cn-northwest-1'), 'aws-cn');
    assert.equal(partitionFor('us-gov-west-1'), 'aws-us-gov');
    assert.equal(partitionFor('us-iso-east-1'), 'aws-iso');
    assert.equal(partitionFor('us-isob-east-1'), 'aws-iso-b');
    assert.equal(partitionFor('eu-isoe-west-1'), 'aws-iso-e');
    assert.equal(partitionFor('eusc-de-east-1'), 'aws-eusc');
  });

  it('validates regions against the partitions’ formats (before: any xx-word-N passed)', () => {
    for (const ok of ['us-east-1', 'ap-southeast-4', 'il-central-1', 'cn-north-1', 'us-gov-east-1'])
      assert.equal(validateRegionCode(ok), ok);
    for (const bad of ['zz-east-1', 'xx-gov-west-1', 'Ireland', 'us-east', 'eu-west-1a'])
      refuses(() => validateRegionCode(bad), /not an AWS region code/);
  });

  it('parses ARNs of every partition and refuses a region outside its partition', () => {
    assert.deepEqual(parseArn('arn:aws-cn:firehose:cn-north-1:123456789012:deliverystream/x'), {
      partition: 'aws-cn',
      service: 'firehose',
      region: 'cn-north-1',
      account: '123456789012',
      resource: 'deliverystream/x',
    });
    assert.equal(parseArn('arn:aws-us-gov:iam::123456789012:role/r').partition, 'aws-us-gov');
    refuses(
      () => parseArn('arn:aws:firehose:cn-north-1:123456789012:deliverystream/x'),
      /partition aws-cn, not aws/
    );
    refuses(() => parseArn('arn:awz:s3:::b'), /unknown partition/);
    refuses(() => parseArn('arn:aws:s3'), /not an ARN/);
    assert.equal(tryParseArn('nonsense'), undefined);
  });

  it('writes ARNs in the partition of their region', () => {
    assert.equal(
      arnIn('cn-north-1', 'mobiletargeting', '123456789012', 'apps/*'),
      'arn:aws-cn:mobiletargeting:cn-north-1:123456789012:apps/*'
    );
    assert.equal(
      globalArn('aws-us-gov', 'iam', '123456789012', 'root'),
      'arn:aws-us-gov:iam::123456789012:root'
    );
    assert.equal(bucketArn('aws-cn', 'b'), 'arn:aws-cn:s3:::b');
    assert.equal(roleNameOfArn('arn:aws:iam::123456789012:role/service-role/Fh'), 'Fh');
  });
});

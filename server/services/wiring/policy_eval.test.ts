import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  evaluate,
  labelStatements,
  PolicyParseError,
  principalMatches,
  statementsOf,
  wildcardMatch,
} from './policy_eval';

const doc = (statements: unknown[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const STREAM = 'arn:aws:firehose:eu-west-1:111122223333:deliverystream/ps';

describe('policy evaluation (when IAM simulation is not available)', () => {
  it('matches IAM wildcards: actions case-insensitively, ARNs exactly', () => {
    assert.ok(wildcardMatch('firehose:Put*', 'firehose:putrecordbatch', true));
    assert.ok(!wildcardMatch('firehose:Put*', 'firehose:putrecordbatch'));
    assert.ok(wildcardMatch('arn:aws:firehose:*:*:deliverystream/p?', STREAM));
    assert.ok(!wildcardMatch('arn:aws:firehose:*:*:deliverystream/other', STREAM));
  });

  it('allows on a matching Allow, denies on an explicit Deny, implicit otherwise', () => {
    const allow = labelStatements(
      doc([{ Effect: 'Allow', Action: ['firehose:PutRecordBatch'], Resource: STREAM }]),
      'p'
    );
    assert.deepEqual(evaluate(allow, 'firehose:PutRecordBatch', STREAM), {
      decision: 'allowed',
      by: ['p#1'],
    });
    assert.equal(evaluate(allow, 'firehose:DescribeDeliveryStream', STREAM).decision, 'implicit');
    const denied = [
      ...allow,
      ...labelStatements(
        doc([{ Sid: 'no', Effect: 'Deny', Action: 'firehose:*', Resource: '*' }]),
        'q'
      ),
    ];
    assert.deepEqual(evaluate(denied, 'firehose:PutRecordBatch', STREAM), {
      decision: 'denied',
      by: ['q#no'],
    });
  });

  it('NotAction and NotResource invert the match', () => {
    const s = labelStatements(
      doc([{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' }]),
      'p'
    );
    assert.equal(evaluate(s, 'firehose:PutRecordBatch', STREAM).decision, 'allowed');
    assert.equal(evaluate(s, 'iam:PassRole', STREAM).decision, 'implicit');
    assert.equal(evaluate(s, 's3:GetObject', 'arn:aws:s3:::secret/x').decision, 'implicit');
  });

  it('a Condition keeps the answer open: conditional, never allowed', () => {
    const s = labelStatements(
      doc([
        {
          Effect: 'Allow',
          Action: 'firehose:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        },
      ]),
      'p'
    );
    assert.equal(evaluate(s, 'firehose:PutRecordBatch', STREAM).decision, 'conditional');
  });

  it('reads a single Statement object and refuses broken JSON', () => {
    assert.equal(
      statementsOf(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }))
        .length,
      1
    );
    assert.throws(() => statementsOf('{'), PolicyParseError);
  });

  it('knows a principal by ARN, account, account root or "*"', () => {
    const who = { arn: 'arn:aws:iam::111122223333:role/fh', account: '111122223333' };
    assert.ok(principalMatches({ AWS: who.arn }, who));
    assert.ok(principalMatches({ AWS: ['arn:aws:iam::111122223333:root'] }, who));
    assert.ok(principalMatches({ AWS: '111122223333' }, who));
    assert.ok(principalMatches('*', who));
    assert.ok(!principalMatches({ AWS: 'arn:aws:iam::999999999999:root' }, who));
    assert.ok(!principalMatches({ Service: 'firehose.amazonaws.com' }, who));
  });
});

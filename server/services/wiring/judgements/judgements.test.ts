/**
 * The judgements alone, without AWS or a cluster: facts in, status and reason out. The catalogue then has a
 * message for every reason a judgement gives (checked for every check id here).
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { CATALOGUE } from '../catalogue';
import type { Wording } from '../catalogue/wording';
import type { StreamCoordinates } from '../facts';
import { accessPolicyFacts, flowVerdict, judgeAccessPolicy, judgeLatestDocument } from './delivery';
import { isThisCluster, judgeClusterMatch, judgeStreamExists } from './firehose';
import { judgeBackup, judgeRotation } from './firehose_settings';
import { judgeDestination, judgeTrust, trustFacts } from './pinpoint';

const stream: StreamCoordinates = {
  name: 'ps',
  region: 'eu-west-1',
  versionId: '1',
  destinationId: 'd',
  destType: 'opensearch',
};
const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/firehose`;
const DOMAIN = `arn:aws:es:eu-west-1:${ACCOUNT}:domain/pinpoint`;

describe('wiring judgements', () => {
  it('rotation and backup', () => {
    assert.equal(judgeRotation({ stream, rotation: 'OneDay' }).status, 'pass');
    assert.equal(judgeRotation({ stream, rotation: 'NoRotation' }).reason, 'none');
    assert.equal(judgeRotation({ stream, rotation: 'OneMonth' }).status, 'pass');
    const backup = { stream, s3BackupMode: 'FailedDocumentsOnly', bucket: 'b', prefix: '' };
    assert.equal(judgeBackup(backup).reason, 'no_prefix');
    assert.equal(judgeBackup({ ...backup, prefix: 'failed_' }).status, 'pass');
    assert.equal(
      judgeBackup({ ...backup, s3BackupMode: 'AllDocuments', prefix: 'x' }).reason,
      'all_documents'
    );
  });

  it('the event stream destination: a stream asked for by ARN must be that ARN', () => {
    const arn = `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/ps`;
    const base = {
      applicationId: 'a',
      region: 'eu-west-1',
      destinationStreamArn: arn,
      kind: 'firehose' as const,
      destinationName: 'ps',
    };
    assert.equal(judgeDestination({ ...base, asked: 'ps' }).status, 'pass');
    assert.equal(judgeDestination({ ...base, asked: arn }).status, 'pass');
    assert.equal(
      judgeDestination({ ...base, asked: arn.replace(ACCOUNT, '999988887777') }).reason,
      'other_stream'
    );
    assert.equal(judgeDestination({ ...base, kind: 'kinesis' }).status, 'warn');
  });

  it('a stream ARN of another account than the caller is not checked as a same-named one', () => {
    const facts = { name: 'ps', region: 'eu-west-1', askedAccount: '999988887777' };
    assert.equal(
      judgeStreamExists({ ...facts, callerAccount: ACCOUNT }, false).reason,
      'other_account'
    );
    assert.equal(
      judgeStreamExists({ ...facts, callerAccount: '999988887777' }, true).status,
      'pass'
    );
  });

  it('this cluster: by the managed <account>:<domain> name', () => {
    const f = {
      destinationType: 'AmazonOpenSearchService',
      domainName: 'pinpoint',
      domainAccount: ACCOUNT,
      noCluster: false,
      clusterName: `${ACCOUNT}:pinpoint`,
      clusterAccount: ACCOUNT,
      clusterDomain: 'pinpoint',
    };
    assert.equal(isThisCluster(f), true);
    assert.equal(judgeClusterMatch(f).reason, 'match');
    assert.equal(isThisCluster({ ...f, clusterDomain: 'other' }), false);
    assert.equal(
      isThisCluster({ ...f, clusterDomain: undefined, clusterName: 'docker' }),
      undefined
    );
    assert.equal(judgeClusterMatch({ ...f, askedDomain: 'elsewhere' }).reason, 'not_asked');
    // A domain asked for by ARN is that ARN: a same-named domain of another account is not it.
    const arn = `arn:aws:es:eu-west-1:${ACCOUNT}:domain/pinpoint`;
    assert.equal(judgeClusterMatch({ ...f, domainArn: arn, askedDomain: arn }).reason, 'match');
    const foreign = arn.replace(ACCOUNT, '999988887777');
    assert.equal(
      judgeClusterMatch({ ...f, domainArn: arn, askedDomain: foreign }).reason,
      'not_asked'
    );
  });

  it('trust policies in every partition: the SourceArn Pinpoint sends carries the region’s partition', () => {
    const policy = (arn: string) =>
      JSON.stringify({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'pinpoint.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { ArnLike: { 'aws:SourceArn': arn } },
          },
        ],
      });
    const input = { roleName: 'r', account: ACCOUNT, region: 'cn-north-1', appIds: ['app'] };
    const cn = `arn:aws-cn:mobiletargeting:cn-north-1:${ACCOUNT}:apps/*`;
    assert.equal(judgeTrust(trustFacts({ ...input, trustPolicy: policy(cn) })).status, 'pass');
    const wrong = `arn:aws:mobiletargeting:cn-north-1:${ACCOUNT}:apps/*`;
    assert.equal(
      judgeTrust(trustFacts({ ...input, trustPolicy: policy(wrong) })).reason,
      'blocked'
    );
    assert.equal(judgeTrust(trustFacts({ ...input, trustPolicy: '{' })).reason, 'invalid');
  });

  it('access policy: same account with the role’s own permissions is enough; another account needs a statement', () => {
    const input = {
      roleArn: ROLE,
      domainArn: DOMAIN,
      domainName: 'pinpoint',
      accessPolicies: JSON.stringify({ Statement: [] }),
      roleDecisions: [
        { action: 'es:ESHttpPost', decision: 'allowed' },
        { action: 'es:ESHttpPut', decision: 'allowed' },
      ],
      roleUnreadable: false,
    };
    assert.equal(judgeAccessPolicy(accessPolicyFacts(input)).reason, 'identity_enough');
    const foreign = { ...input, roleArn: 'arn:aws:iam::999988887777:role/firehose' };
    assert.equal(judgeAccessPolicy(accessPolicyFacts(foreign)).reason, 'other_account');
    const unreadable = { ...input, roleDecisions: [], roleUnreadable: true };
    assert.equal(judgeAccessPolicy(accessPolicyFacts(unreadable)).status, 'unknown');
  });

  it('flow and the newest document, against the buffer interval', () => {
    assert.equal(flowVerdict({ metricsRead: true, incoming: 0 }, 60), 'idle');
    assert.equal(flowVerdict({ metricsRead: true, incoming: 5, delivered: 0 }, 60), 'stalled');
    assert.equal(flowVerdict({ metricsRead: false, latestAgeSeconds: 10 }, 60), 'flowing');
    const doc = {
      pattern: 'p*',
      source: 'read' as const,
      limitSeconds: 180,
      intervalSeconds: 60,
      incomingRecords: 3,
    };
    assert.equal(judgeLatestDocument(doc).status, 'fail');
    assert.equal(judgeLatestDocument({ ...doc, incomingRecords: 0 }).status, 'warn');
    assert.equal(
      judgeLatestDocument({ ...doc, latestArrival: 'x', ageSeconds: 30 }).reason,
      'recent'
    );
  });

  it('the catalogue words every check: a title and a message per reason', () => {
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      const w = entry as unknown as Wording<object, string>;
      assert.ok(w.title, id);
      assert.ok(Object.keys(w.message).length > 0, id);
      for (const reason of Object.keys(w.remedy ?? {}))
        assert.ok(
          reason in w.message,
          `${id}: a remedy for a reason without a message (${reason})`
        );
    }
  });
});

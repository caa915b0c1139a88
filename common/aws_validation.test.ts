import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  parseArn,
  parseDomain,
  parseFirehoseStream,
  parseWiringRequest,
  parseWiringSettings,
  validatePinpointAppId,
  validatePinpointAppIds,
  validateRegion,
  validateRoleArn,
} from './aws_validation';
import { InvalidInputError } from './validation';

const APP = '0123456789abcdef0123456789abcdef';

function refuses(run: () => unknown, reason: RegExp): void {
  assert.throws(run, (e: unknown) => e instanceof InvalidInputError && reason.test(e.message));
}

describe('AWS input validators', () => {
  it('accepts region codes of every partition and refuses names', () => {
    for (const r of [
      'us-east-1',
      'eu-central-2',
      'ap-southeast-4',
      'us-gov-west-1',
      'cn-north-1',
      'il-central-1',
      'us-isob-east-1',
    ]) {
      assert.equal(validateRegion(r), r);
    }
    refuses(() => validateRegion('US East (N. Virginia)'), /not an AWS region code.*us-east-1/);
    refuses(() => validateRegion('us-east'), /not an AWS region code/);
    refuses(() => validateRegion(''), /must not be empty/);
    refuses(() => validateRegion(42), /must be a string/);
  });

  it('takes Pinpoint application ids as 32 lowercase hex characters, saying what is wrong', () => {
    assert.equal(validatePinpointAppId(APP), APP);
    refuses(() => validatePinpointAppId(APP.toUpperCase()), /must be lowercase: 0123/);
    refuses(
      () => validatePinpointAppId('abc'),
      /32 lowercase hexadecimal characters.*3 characters given/
    );
    refuses(() => validatePinpointAppId(`${APP.slice(0, 31)}g`), /hexadecimal/);
    assert.deepEqual(validatePinpointAppIds([APP, APP]), [APP]);
    refuses(() => validatePinpointAppIds(Array.from({ length: 21 }, () => APP)), /at most 20/);
    refuses(() => validatePinpointAppIds([APP, 'x']), /appIds\[1\]/);
  });

  it('parses ARNs and refuses malformed ones', () => {
    assert.deepEqual(parseArn('arn:aws:firehose:eu-west-1:123456789012:deliverystream/a:b'), {
      partition: 'aws',
      service: 'firehose',
      region: 'eu-west-1',
      account: '123456789012',
      resource: 'deliverystream/a:b',
    });
    refuses(() => parseArn('firehose/x'), /not an ARN/);
    refuses(() => parseArn('arn:aws:firehose:eu-west-1:1234:deliverystream/x'), /12 digits/);
    refuses(() => parseArn('arn:azure:firehose:eu-west-1:123456789012:x'), /unknown partition/);
    assert.equal(
      validateRoleArn('arn:aws:iam::123456789012:role/service-role/Fh_1'),
      'arn:aws:iam::123456789012:role/service-role/Fh_1'
    );
    refuses(() => validateRoleArn('arn:aws:iam::123456789012:user/bob'), /role\/NAME/);
  });

  it('takes streams and domains by name or ARN', () => {
    assert.deepEqual(parseFirehoseStream('PUT-OPS-abc_1.x'), { name: 'PUT-OPS-abc_1.x' });
    assert.deepEqual(
      parseFirehoseStream('arn:aws:firehose:us-east-1:123456789012:deliverystream/ps'),
      {
        name: 'ps',
        arn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ps',
        region: 'us-east-1',
        account: '123456789012',
        partition: 'aws',
      }
    );
    refuses(() => parseFirehoseStream('has space'), /1-64 letters/);
    refuses(
      () => parseFirehoseStream('arn:aws:kinesis:us-east-1:123456789012:stream/ps'),
      /not a Firehose delivery stream ARN/
    );
    assert.equal(parseDomain('pinpoint').name, 'pinpoint');
    assert.equal(parseDomain('arn:aws:es:us-east-1:123456789012:domain/pinpoint').name, 'pinpoint');
    assert.equal(
      parseDomain('arn:aws:es:us-east-1:123456789012:domain/pinpoint').arn,
      'arn:aws:es:us-east-1:123456789012:domain/pinpoint'
    );
    refuses(() => parseDomain('Pinpoint'), /3-28 characters/);
  });

  it('parses a wiring request: unknown keys refused, a stream ARN kept as given, one app or a stream required', () => {
    assert.deepEqual(
      parseWiringRequest({
        region: 'us-east-1',
        appIds: [APP],
        firehoseStream: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ps',
        domain: '',
      }),
      {
        region: 'us-east-1',
        appIds: [APP],
        // Bug 7: never cut to its name (its region and account are part of the question).
        firehoseStream: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ps',
      }
    );
    assert.deepEqual(parseWiringRequest({ region: 'us-east-1', firehoseStream: 'ps' }), {
      region: 'us-east-1',
      appIds: [],
      firehoseStream: 'ps',
    });
    refuses(
      () => parseWiringRequest({ region: 'us-east-1', appIds: [] }),
      /at least one Pinpoint application id/
    );
    refuses(
      () => parseWiringRequest({ region: 'us-east-1', appIds: [APP], appId: APP }),
      /unknown option "appId"/
    );
    refuses(() => parseWiringRequest('x'), /JSON object/);
    refuses(
      () => parseWiringRequest({ region: 'us-east-1', appIds: [APP], roleArn: 'admin' }),
      /roleArn/
    );
    assert.deepEqual(parseWiringSettings({ region: 'eu-west-1', appIds: [] }), {
      region: 'eu-west-1',
      appIds: [],
    });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { EMPTY_FORM, formFromSettings, requestFromForm, validateForm } from './form';

const APP = '0123456789abcdef0123456789abcdef';

describe('pipeline form', () => {
  it('flags each field with the same reason the server would give', () => {
    const errors = validateForm({
      region: 'Ireland',
      appIds: ['xyz'],
      firehoseStream: 'a b',
      domain: 'Dom',
      roleArn: 'admin',
    });
    assert.match(errors.region ?? '', /not an AWS region code/);
    assert.match(errors.appIds ?? '', /32 lowercase hexadecimal/);
    assert.match(errors.firehoseStream ?? '', /1-64 letters/);
    assert.match(errors.domain ?? '', /3-28 characters/);
    assert.match(errors.roleArn ?? '', /not an ARN/);
  });

  it('needs an application id or a stream, and nothing else', () => {
    assert.match(validateForm({ ...EMPTY_FORM, region: 'eu-west-1' }).appIds ?? '', /at least one/);
    assert.deepEqual(validateForm({ ...EMPTY_FORM, region: 'eu-west-1', appIds: [APP] }), {});
    assert.deepEqual(
      validateForm({ ...EMPTY_FORM, region: 'eu-west-1', firehoseStream: 'ps' }),
      {}
    );
  });

  it('round-trips saved settings, sending only what was filled in', () => {
    const form = formFromSettings({ region: 'eu-west-1', appIds: [APP], domain: 'pinpoint' });
    assert.deepEqual(form, {
      region: 'eu-west-1',
      appIds: [APP],
      firehoseStream: '',
      domain: 'pinpoint',
      roleArn: '',
    });
    assert.deepEqual(requestFromForm({ ...form, region: ' eu-west-1 ' }), {
      region: 'eu-west-1',
      appIds: [APP],
      domain: 'pinpoint',
    });
    assert.deepEqual(formFromSettings(null), EMPTY_FORM);
  });
});

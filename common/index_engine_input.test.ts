import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseApplyBody, parseReportQuery } from './index_engine_input';

describe('parseReportQuery', () => {
  it('defaults the prefix and validates it', () => {
    assert.deepEqual(parseReportQuery({}), { prefix: 'pinpoint' });
    assert.deepEqual(parseReportQuery(undefined), { prefix: 'pinpoint' });
    assert.throws(() => parseReportQuery({ prefix: 'PIN' }), /prefix "PIN" must be lowercase/);
    assert.throws(
      () => parseReportQuery({ prefx: 'pin' }),
      /unknown option "prefx"; allowed: prefix/
    );
  });
});

describe('parseApplyBody', () => {
  it('installs the template by default and nothing else', () => {
    assert.deepEqual(parseApplyBody({ prefix: 'pp' }), {
      prefix: 'pp',
      template: true,
      overwrite: false,
      indexPattern: false,
      makeDefault: false,
      allowOverlap: false,
    });
  });

  it('refuses unknown options, non-booleans and a request that does nothing', () => {
    assert.throws(
      () => parseApplyBody({ overwrite: 'maybe' }),
      /"overwrite" must be true or false/
    );
    assert.throws(() => parseApplyBody({ indexPatern: true }), /unknown option "indexPatern"/);
    assert.throws(() => parseApplyBody({ template: false }), /nothing to do/);
    assert.throws(() => parseApplyBody('x'), /must be a JSON object/);
  });
});

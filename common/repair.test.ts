import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import {
  parseCandidatesQuery,
  parseIndexName,
  parseRepairParams,
  parseRepairRequest,
  repairTargetName,
} from './repair';
import { InvalidInputError } from './validation';

const refuses = (fn: () => unknown, pattern: RegExp): void => {
  assert.throws(fn, (error: Error) => {
    assert.ok(error instanceof InvalidInputError, `${error.name}: ${error.message}`);
    assert.match(error.message, pattern);
    return true;
  });
};

test('the repair request takes one valid index name and the archive prefix (default pinpoint)', () => {
  assert.deepEqual(parseRepairRequest({ index: 'pinpoint-2020-05-18' }), {
    index: 'pinpoint-2020-05-18',
    prefix: 'pinpoint',
  });
  assert.deepEqual(parseRepairRequest({ index: 'events-2020-05-18', prefix: 'events' }), {
    index: 'events-2020-05-18',
    prefix: 'events',
  });
  refuses(() => parseRepairRequest({ index: 'events-2020-05-18', prefix: 'Ev*' }), /prefix/);
  refuses(() => parseRepairRequest({}), /"index" is required/);
  refuses(
    () => parseRepairRequest({ index: 'pinpoint-2020-05-18', all: true }),
    /unknown option "all"/
  );
  refuses(() => parseRepairRequest({ index: 42 }), /must be a string/);
  refuses(() => parseRepairRequest([]), /must be a JSON object/);
});

test('index names are refused with what to fix', () => {
  refuses(() => parseIndexName('Pinpoint-2020'), /lowercase; use "pinpoint-2020"/);
  refuses(() => parseIndexName('pinpoint*'), /must not contain "\*"/);
  refuses(() => parseIndexName('_all'), /must not start with/);
  refuses(() => parseIndexName('.pinpoint-repair'), /hidden or system index/);
  refuses(() => parseIndexName('pinpoint-2020-05-18-repaired'), /repaired copy already/);
  refuses(() => parseIndexName('a'.repeat(250)), /too long to repair.*at most 246 bytes/);
  refuses(() => parseIndexName(''), /must not be empty/);
  assert.equal(parseIndexName('a'.repeat(246)).length, 246);
});

test('path parameters and the candidates query are validated the same way', () => {
  assert.deepEqual(parseRepairParams({ index: 'pinpoint-2020-05-18' }), {
    index: 'pinpoint-2020-05-18',
  });
  refuses(() => parseRepairParams({ index: 'a,b' }), /must not contain ","/);
  assert.deepEqual(parseCandidatesQuery({}), { prefix: 'pinpoint' });
  assert.deepEqual(parseCandidatesQuery({ prefix: 'pp' }), { prefix: 'pp' });
  refuses(() => parseCandidatesQuery({ prefix: 'PP' }), /lowercase/);
  refuses(() => parseCandidatesQuery({ size: 1 }), /unknown option "size"/);
});

test('the copy is named after the source, under the same prefix', () => {
  assert.equal(repairTargetName('pinpoint-2020-05-18'), 'pinpoint-2020-05-18-repaired');
  assert.ok(repairTargetName('pinpoint-2020-05-18').startsWith('pinpoint'));
});

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  dailyIndexName,
  matchesIndexPattern,
  nextDailyIndexName,
  rotatedIndexName,
  validateIndexName,
  validateIndexPrefix,
} from './index_naming';
import { InvalidInputError } from './validation';

describe('validateIndexPrefix', () => {
  it('accepts what Firehose accepts as an index name', () => {
    for (const ok of ['pinpoint', 'pinpoint_eu', 'pp.events', 'a', 'pinpoint-2'])
      assert.equal(validateIndexPrefix(ok), ok);
  });

  it('refuses each OpenSearch naming rule with a message saying what to change', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['Pinpoint', /must be lowercase; use "pinpoint"/],
      ['pin point', /must not contain space/],
      ['pin*', /must not contain "\*"/],
      ['a,b', /must not contain ","/],
      ['a#b', /"#"/],
      ['a:b', /":"/],
      ['a\\b', /"\\"/],
      ['-pin', /must not start with "-", "_" or "\+"/],
      ['_pin', /must not start/],
      ['+pin', /must not start/],
      ['.', /must not be "\." or "\.\."/],
      ['..', /must not be/],
      ['.kibana', /must not start with "\."/],
      ['', /must not be empty/],
      [42, /must be a string/],
      ['p'.repeat(242), /at most 241 bytes/],
    ];
    for (const [value, message] of cases) {
      assert.throws(
        () => validateIndexPrefix(value),
        (e: unknown) => e instanceof InvalidInputError && message.test(e.message)
      );
    }
  });

  it('counts bytes, not characters', () => {
    assert.throws(() => validateIndexPrefix('한'.repeat(81)), /243 bytes/);
    assert.equal(validateIndexPrefix('한'.repeat(80)), '한'.repeat(80));
  });
});

describe('validateIndexName', () => {
  it('allows 255 bytes and a leading dot, unlike a prefix', () => {
    assert.equal(validateIndexName('a'.repeat(255)), 'a'.repeat(255));
    assert.throws(
      () => validateIndexName('a'.repeat(256)),
      /256 bytes; OpenSearch allows at most 255/
    );
    assert.equal(validateIndexName('.pinpoint-repair'), '.pinpoint-repair');
  });
});

describe('rotated index names (UTC, as Firehose names them)', () => {
  const at = new Date('2016-02-25T13:05:00Z');
  it('follows the Firehose documentation examples', () => {
    assert.equal(rotatedIndexName('myindex', at, 'OneHour'), 'myindex-2016-02-25-13');
    assert.equal(rotatedIndexName('myindex', at, 'OneDay'), 'myindex-2016-02-25');
    assert.equal(rotatedIndexName('myindex', at, 'OneWeek'), 'myindex-2016-w08');
    assert.equal(rotatedIndexName('myindex', at, 'OneMonth'), 'myindex-2016-02');
    assert.equal(rotatedIndexName('myindex', at, 'NoRotation'), 'myindex');
  });

  it('uses the ISO week-numbering year at year boundaries', () => {
    assert.equal(rotatedIndexName('p', new Date('2021-01-01T00:00:00Z'), 'OneWeek'), 'p-2020-w53');
    assert.equal(rotatedIndexName('p', new Date('2024-12-30T00:00:00Z'), 'OneWeek'), 'p-2025-w01');
  });

  it('names the day in UTC, whatever the local zone', () => {
    assert.equal(
      dailyIndexName('pinpoint', new Date('2020-05-18T23:59:59.999Z')),
      'pinpoint-2020-05-18'
    );
    assert.equal(
      nextDailyIndexName('pinpoint', new Date('2026-12-31T23:00:00Z')),
      'pinpoint-2027-01-01'
    );
  });
});

describe('matchesIndexPattern', () => {
  it('matches comma-separated wildcards with exclusions', () => {
    assert.ok(matchesIndexPattern('pinpoint-2026-11-25', 'pinpoint*'));
    assert.ok(!matchesIndexPattern('other-2026-11-25', 'pinpoint*'));
    assert.ok(matchesIndexPattern('b-1', 'a*,b*'));
    assert.ok(!matchesIndexPattern('pinpoint-old', 'pinpoint*,-pinpoint-old'));
    assert.ok(!matchesIndexPattern('pinpointx', 'pinpoint.x'));
  });
});

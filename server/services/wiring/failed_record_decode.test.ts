import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import {
  classifyFailure,
  decodeFailedRecords,
  groupFailures,
  splitJsonObjects,
} from './failed_record_decode';

const rec = (code: string, message: string, doc: unknown) =>
  JSON.stringify({
    errorCode: code,
    errorMessage: message,
    esIndexName: 'pinpoint-2026-11-25',
    rawData: Buffer.from(JSON.stringify(doc)).toString('base64'),
  });

describe("decoding Firehose's failed-document files", () => {
  it('splits records whether newline-separated or concatenated, with braces inside strings', () => {
    const a = '{"a":"}{"}';
    const b = '{"b":{"c":"\\"}"}}';
    assert.deepEqual(splitJsonObjects(`${a}\n${b}`), [a, b]);
    assert.deepEqual(splitJsonObjects(`${a}${b}`), [a, b]);
  });

  it('drops the record a Range read cut in half', () => {
    const text = `${rec('400', 'x', { n: 1 })}\n${rec('400', 'x', { n: 2 }).slice(0, 40)}`;
    assert.equal(decodeFailedRecords(new TextEncoder().encode(text)).length, 1);
  });

  it('reads gzip files, even cut short', () => {
    const text = Array.from({ length: 200 }, (_, i) =>
      rec('400', 'mapper_parsing_exception', { i })
    ).join('\n');
    const gz = gzipSync(text);
    assert.equal(decodeFailedRecords(gz).length, 200);
    const cut = decodeFailedRecords(gz.subarray(0, Math.floor(gz.length / 2)));
    assert.ok(cut.length > 0 && cut.length < 200, `decoded ${cut.length}`);
  });

  it('groups by code and message, most frequent first, with a decoded sample and a fix', () => {
    const groups = groupFailures([
      {
        key: 'k1',
        records: decodeFailedRecords(
          new TextEncoder().encode(
            [
              rec('403', 'security_exception: no permissions', { e: 1 }),
              rec('400', 'mapper_parsing_exception', { e: 2 }),
            ].join('\n')
          )
        ),
      },
      {
        key: 'k2',
        records: decodeFailedRecords(
          new TextEncoder().encode(rec('400', 'mapper_parsing_exception', { e: 3 }))
        ),
      },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.errorCode, g.count, g.kind]),
      [
        ['400', 2, 'mapping'],
        ['403', 1, 'access'],
      ]
    );
    assert.deepEqual(groups[0].sampleDocument, { e: 2 });
    assert.equal(groups[0].sampleKey, 'k1');
    assert.match(groups[0].fix, /template/);
  });

  it('names the usual causes', () => {
    assert.equal(classifyFailure('OS.AccessDenied', ''), 'access');
    assert.equal(classifyFailure('400', '{"type":"strict_dynamic_mapping_exception"}'), 'mapping');
    assert.equal(classifyFailure('429', 'es_rejected_execution_exception'), 'capacity');
    assert.equal(classifyFailure('403', 'cluster_block_exception: index read-only'), 'capacity');
    assert.equal(classifyFailure('500', 'boom'), 'other');
  });
});

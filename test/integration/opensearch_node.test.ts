/**
 * Pins what the embedded node (opensearch/) must provide to everything else: the 2.19.6 version the plugin
 * targets, the reindex module (repairs copy indices with _reindex), painless (a repair script turns epoch-millis
 * longs into dates) and the analysis-common module.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, test } from '@jest/globals';

const BASE = process.env.OPENSEARCH_URL;
if (!BASE)
  throw new Error('OPENSEARCH_URL is not set: run through `npm test` (scripts/run_tests.ts)');

const PREFIX = `pinpoint_t_osnode_${randomBytes(4).toString('hex')}`;

async function call<T>(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

describe('embedded OpenSearch node', () => {
  afterAll(async () => {
    await call('DELETE', `/${PREFIX}_*`);
  });

  test('GET / reports OpenSearch 2.19.6', async () => {
    const { status, json } = await call<{ version: { distribution: string; number: string } }>(
      'GET',
      '/'
    );
    assert.equal(status, 200);
    assert.equal(json.version.distribution, 'opensearch');
    assert.equal(json.version.number, '2.19.6');
  });

  test('_reindex with a painless script converts epoch-millis longs into dates', async () => {
    const source = `${PREFIX}_src`;
    const dest = `${PREFIX}_dest`;
    const created = await call('PUT', `/${source}`, {
      mappings: { properties: { arrival_timestamp: { type: 'long' } } },
    });
    assert.equal(created.status, 200);
    await call('PUT', `/${dest}`, {
      mappings: { properties: { arrival_timestamp: { type: 'date' } } },
    });
    const millis = [1_700_000_000_000, 1_700_000_060_000];
    for (const [i, ts] of millis.entries()) {
      const put = await call('PUT', `/${source}/_doc/${i}?refresh=true`, { arrival_timestamp: ts });
      assert.equal(put.status, 201);
    }

    const reindex = await call<{ created: number; failures: unknown[] }>(
      'POST',
      '/_reindex?refresh=true',
      {
        source: { index: source },
        dest: { index: dest },
        script: {
          lang: 'painless',
          source:
            'ctx._source.arrival_timestamp = Instant.ofEpochMilli((long) ctx._source.arrival_timestamp).toString()',
        },
      }
    );
    assert.equal(reindex.status, 200);
    assert.equal(reindex.json.created, 2);
    assert.deepEqual(reindex.json.failures, []);

    const doc = await call<{ _source: { arrival_timestamp: string } }>('GET', `/${dest}/_doc/0`);
    assert.equal(doc.json._source.arrival_timestamp, '2023-11-14T22:13:20Z');
    // The destination mapping reads the strings as dates: a range query on the converted field finds both.
    const hits = await call<{ count: number }>('POST', `/${dest}/_count`, {
      query: {
        range: { arrival_timestamp: { gte: '2023-11-14T22:13:20Z', lte: '2023-11-14T22:14:20Z' } },
      },
    });
    assert.equal(hits.json.count, 2);
  });

  test('a painless script executes with parameters', async () => {
    const { status, json } = await call<{ result: string }>('POST', '/_scripts/painless/_execute', {
      script: { source: 'params.a * params.b', params: { a: 6, b: 7 } },
    });
    assert.equal(status, 200);
    assert.equal(json.result, '42');
  });

  test('analysis-common filters are available', async () => {
    const { status, json } = await call<{ tokens: { token: string }[] }>('POST', '/_analyze', {
      tokenizer: 'whitespace',
      filter: ['lowercase', 'asciifolding'],
      text: 'Campaña Élan',
    });
    assert.equal(status, 200);
    assert.deepEqual(
      json.tokens.map((t) => t.token),
      ['campana', 'elan']
    );
  });

  test('new indices are green on the single node (no replicas)', async () => {
    const index = `${PREFIX}_green`;
    await call('PUT', `/${index}`);
    const { json } = await call<{ status: string }>(
      'GET',
      `/_cluster/health/${index}?wait_for_status=green&timeout=20s`
    );
    assert.equal(json.status, 'green');
  });
});

/**
 * Pins the contracts of scripts/lib/opensearch_node.ts and scripts/lib/moto_server.ts that other suites rely
 * on: a restarted node keeps its port and its data (fault-injection tests restart OpenSearch mid-operation),
 * stop() removes a temp data dir, and moto's reset() forgets mocked resources. Uses its own node and moto: a
 * restart or reset on the shared ones would break concurrent test files.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { startMotoServer, type MotoServer } from '../../scripts/lib/moto_server';
import { startOpenSearchNode, type OpenSearchNode } from '../../scripts/lib/opensearch_node';

describe('startOpenSearchNode', () => {
  let node: OpenSearchNode;
  beforeAll(async () => {
    node = await startOpenSearchNode({ heap: '512m' });
  });
  afterAll(async () => {
    await node?.stop();
  });

  async function count(index: string): Promise<number> {
    const res = await fetch(`${node.url}/${index}/_count`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { count: number }).count;
  }

  test('answers on the URL it reports', async () => {
    const res = await fetch(`${node.url}/`);
    assert.equal(((await res.json()) as { version: { number: string } }).version.number, '2.19.6');
    assert.equal(node.url, `http://127.0.0.1:${node.port}`);
  });

  test('restart() and restart({hard}) keep port and documents', async () => {
    const put = await fetch(`${node.url}/kept/_doc/1?refresh=true`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    assert.equal(put.status, 201);
    const { port, pid } = node;

    await node.restart();
    assert.equal(node.port, port);
    assert.notEqual(node.pid, pid);
    assert.equal(await count('kept'), 1);

    // A SIGKILL loses nothing acknowledged: the translog is fsynced per request by default.
    const put2 = await fetch(`${node.url}/kept/_doc/2`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 2 }),
    });
    assert.equal(put2.status, 201);
    await node.restart({ hard: true });
    assert.equal(node.port, port);
    await fetch(`${node.url}/kept/_refresh`, { method: 'POST' });
    assert.equal(await count('kept'), 2);
  });

  test('stop() ends the process and removes the temp data dir', async () => {
    const { pid, dataDir } = node;
    await node.stop();
    assert.equal(existsSync(dataDir), false);
    assert.throws(() => process.kill(pid, 0), /ESRCH/);
    await node.stop(); // idempotent
  });
});

describe('startMotoServer', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMotoServer();
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('reset() forgets mocked resources', async () => {
    // S3's REST API is the simplest resource to create without signing: moto accepts unsigned requests.
    const bucket = `${moto.url}/pinpoint-reset-check`;
    assert.equal((await fetch(bucket, { method: 'PUT' })).status, 200);
    assert.equal((await fetch(bucket, { method: 'HEAD' })).status, 200);
    await moto.reset();
    assert.equal((await fetch(bucket, { method: 'HEAD' })).status, 404);
  });
});

/**
 * The names commands' doors without a cluster: a bad CSV is exit 2 with one line naming the row, before any
 * connection; refresh needs a region and an application id; no cluster is exit 2 saying so.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../index';

const CLOSED = 'http://127.0.0.1:1';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'names-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('pinpoint-dashboards names', () => {
  it('refuses a bad CSV with the line and reason, exit 2, before connecting', async () => {
    const bad = file('bad.csv', 'id,name\n0123456789abcdef0123456789abcdef,ok\nnope,Foo\n');
    const r = await run(['names', 'import', bad, '--yes', '--opensearch', CLOSED]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error: CSV line 3: "nope" is not a campaign or journey id (32 hexadecimal characters)\n'
    );
    expect(r.out).toBe('');
  });

  it('a missing file is exit 2 naming it', async () => {
    const r = await run(['names', 'import', join(dir, 'absent.csv'), '--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: cannot read .*absent\.csv/);
  });

  it('refresh needs a valid region and an application id', async () => {
    const noApp = await run(['names', 'refresh', '--region', 'us-east-1', '--yes']);
    expect(noApp.code).toBe(2);
    expect(noApp.err).toMatch(/--app-id/);
    const badRegion = await run(['names', 'refresh', '--region', 'moon', '--app-id', 'x', '--yes']);
    expect(badRegion.code).toBe(2);
    expect(badRegion.err.split('\n')).toHaveLength(2);
  });

  it('no cluster is exit 2 in one line', async () => {
    const r = await run(['names', 'list', '--opensearch', CLOSED]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

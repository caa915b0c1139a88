/**
 * Tests, their fixtures and the test infrastructure's defaults talk only to 127.0.0.1: an unreachable host is a
 * closed loopback port or a local listener that never answers, never a "reserved" address such as 10.x,
 * 192.0.2.x or a .invalid name — those leave the machine (a route, a DNS query, a firewall's timeout) and make
 * a test depend on the network it runs in. This scans the sources for IP literals and URLs whose host is not
 * the loopback.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from '@jest/globals';

const ROOT = path.resolve(__dirname, '..', '..');

/** Test sources and the defaults the test infrastructure starts services with. */
function scannedFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  return tracked.filter(
    (f) =>
      /\.(ts|tsx|js|mjs|cjs|sh)$/.test(f) &&
      !f.startsWith('node_modules/') &&
      (f.startsWith('test/') || /\.test\.tsx?$/.test(f) || f.startsWith('scripts/lib/'))
  );
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
const URL_HOST = /\b(?:https?|wss?):\/\/(?:[^/\s'"`@]*@)?(\[[^\]]*\]|[^/\s'"`:]+)/g;

/**
 * A 4-part literal is a host unless it reads as a version (this repository's are 2.19.3.0-like: a small first
 * part and a two-digit second part). 8.8.8.8 or 1.1.1.1 still count as addresses.
 */
function isVersionLike(parts: number[], before: string): boolean {
  if (parts[0] < 10 && parts[1] >= 10) return true;
  // A plugin version after its name (`the security plugin 3.4.0.0`, `opensearch-security:3.4.0.0`).
  return /(plugin|security|version)[\s:='"-]*$/i.test(before);
}

function isLoopbackHost(host: string): boolean {
  return (
    /^127\./.test(host) ||
    host === 'localhost' ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host.startsWith('$') || // a template: `http://${host}:${port}` is checked where host is set
    host.startsWith('<') || // a placeholder in a message, e.g. https://<endpoint>
    // A managed domain's name given to the CLI's parsers (region and service read from the host); every AWS
    // call in a test goes to moto or aws-sdk-client-mock, never to this name.
    /\.amazonaws\.com$/.test(host)
  );
}

export function nonLoopback(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IPV4)) {
    const parts = m.slice(1, 5).map(Number);
    if (parts.some((p) => p > 255) || parts[0] === 127 || parts[0] === 0) continue;
    if (isVersionLike(parts, text.slice(Math.max(0, m.index - 24), m.index))) continue;
    found.push(m[0]);
  }
  // A clicked link in a generated Pinpoint event (`link: 'https://example.com/sale'`) is content, not a host.
  if (/\blink:/.test(text)) return found;
  for (const m of text.matchAll(URL_HOST)) {
    if (!isLoopbackHost(m[1])) found.push(m[0]);
  }
  return found;
}

describe('tests never leave the loopback', () => {
  it('the scanner finds what it must and lets versions and loopback through', () => {
    assert.deepEqual(nonLoopback("connect('10.255.255.1')"), ['10.255.255.1']);
    assert.deepEqual(nonLoopback('host 192.0.2.1 and 8.8.8.8'), ['192.0.2.1', '8.8.8.8']);
    assert.deepEqual(nonLoopback("url: 'http://nowhere.invalid:9200/'"), [
      'http://nowhere.invalid',
    ]);
    assert.deepEqual(nonLoopback("'http://127.0.0.1:9' version '2.19.3.0' http://localhost/"), []);
    assert.deepEqual(
      nonLoopback('with the security plugin 3.4.0.0, opensearch-security:3.4.0.0'),
      []
    );
    assert.deepEqual(nonLoopback('reach 3.4.0.0 now'), ['3.4.0.0']);
    assert.deepEqual(nonLoopback("click: { link: 'https://example.com/sale' }"), []);
  });

  it('no test source, fixture or test default names a non-loopback address or host', () => {
    const offences: string[] = [];
    for (const file of scannedFiles()) {
      if (file === 'test/conformance/loopback_only.test.ts') continue;
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const hit of nonLoopback(line)) offences.push(`${file}:${i + 1}: ${hit}`);
      });
    }
    assert.deepEqual(offences, []);
  });
});

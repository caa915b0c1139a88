/**
 * TLS for the CLI connection tests: a throwaway CA with openssl, a certificate for 127.0.0.1 signed by it and an
 * expired one, an HTTPS listener that forwards to a real OpenSearch node (so "trusted with --ca" means a real
 * check runs), and a listener that accepts connections and never answers (an unreachable host on loopback).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface TestCerts {
  dir: string;
  caFile: string;
  key: Buffer;
  cert: Buffer;
  expiredCert: Buffer;
  /** A CA that signed nothing here: trusting it is not enough. */
  otherCaFile: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'cli-tls-'));
  const subj = (cn: string) => ['-subj', `/CN=${cn}`];
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '3',
    ...subj('cli-test-ca'),
  ]);
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'other.key',
    '-out',
    'other.pem',
    '-days',
    '3',
    ...subj('other-ca'),
  ]);
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'srv.key',
    '-out',
    'srv.csr',
    ...subj('127.0.0.1'),
  ]);
  writeFileSync(join(dir, 'ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.pem',
    '-days',
    '3',
    '-extfile',
    'ext',
  ]);
  // openssl x509 (3.0) cannot back-date; `openssl ca` can.
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\ndefault_md=sha256\npolicy=p\nserial=serial\nunique_subject=no\n[p]\ncommonName=supplied\n'
  );
  openssl(dir, [
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-cert',
    'ca.pem',
    '-keyfile',
    'ca.key',
    '-in',
    'srv.csr',
    '-out',
    'expired.pem',
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200102000000Z',
    '-extfile',
    'ext',
    '-notext',
  ]);
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other.pem'),
    key: readFileSync(join(dir, 'srv.key')),
    cert: readFileSync(join(dir, 'srv.pem')),
    expiredCert: readFileSync(join(dir, 'expired.pem')),
  };
}

export interface Listener {
  url: string;
  close(): Promise<void>;
}

function listening(
  server: Server | ReturnType<typeof createNetServer>,
  scheme: string
): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`)
    );
  });
}

/** HTTPS on 127.0.0.1 forwarding every request to `upstream` (plain HTTP). */
export async function startTlsProxy(
  upstream: string,
  key: Buffer,
  cert: Buffer
): Promise<Listener> {
  const target = new URL(upstream);
  const server = createHttpsServer({ key, cert }, (req, res) => {
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      }
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  const url = await listening(server, 'https');
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Accepts TCP connections and never says a word. */
export async function startSilentListener(): Promise<Listener> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const url = await listening(server, 'http');
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

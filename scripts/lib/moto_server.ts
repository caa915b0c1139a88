/**
 * Starts moto's standalone server (the AWS API mock, from .venv) on a free port for integration tests and the
 * dev host.
 *
 *   const moto = await startMotoServer();
 *   new FirehoseClient({ endpoint: moto.url, region: 'us-east-1', credentials: ... });
 *   await moto.reset();   // forget every mocked resource
 *   await moto.stop();
 *
 * moto's own `main` (what .venv/bin/moto_server runs) is started through a few lines of Python that also exit
 * when stdin closes, so the server dies with this process even if it is SIGKILLed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './free_port';
import {
  REPO_ROOT,
  defaultLogFile,
  logTail,
  sleep,
  spawnService,
  stopService,
  type SpawnedService,
} from './child_service';

export interface MotoServerOptions {
  /** Default: a free port. */
  port?: number;
  /** Default: target/moto/moto-<time>-<pid>.log. */
  logFile?: string;
  /** Default 60 s. */
  startTimeoutMs?: number;
}

export interface MotoServer {
  /** http://127.0.0.1:<port>, no trailing slash: the endpoint for every AWS client. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  /** POST /moto-api/reset: drops all mocked state. */
  reset(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s) and wait for exit. Safe to call twice. */
  stop(): Promise<void>;
}

const PYTHON = resolve(REPO_ROOT, '.venv', 'bin', 'python');
const WRAPPER = [
  'import os, sys, threading',
  'from moto.server import main',
  'def watch():',
  '    while sys.stdin.buffer.read(4096):',
  '        pass',
  '    os._exit(0)',
  'threading.Thread(target=watch, daemon=True).start()',
  'main(sys.argv[1:])',
].join('\n');

export async function startMotoServer(options: MotoServerOptions = {}): Promise<MotoServer> {
  if (!existsSync(resolve(REPO_ROOT, '.venv', 'bin', 'moto_server'))) {
    throw new Error('moto is not installed: run `bash scripts/bootstrap.sh moto`');
  }
  const logFile = options.logFile ?? defaultLogFile('moto', `moto-${Date.now()}-${process.pid}`);
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  // A port picked here may be taken before moto binds it: retry a fixed port only once, a free one a few times.
  const attempts = options.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const port = options.port ?? (await freePort());
    const service = spawnService(PYTHON, ['-c', WRAPPER, '-H', '127.0.0.1', '-p', String(port)], {
      logFile,
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilAnswering(url, service, logFile, deadline);
      return handle(url, port, service, logFile);
    } catch (err) {
      lastError = err;
      await stopService(service, 2_000);
    }
  }
  throw lastError;
}

function handle(url: string, port: number, service: SpawnedService, logFile: string): MotoServer {
  let stopped = false;
  return {
    url,
    port,
    pid: service.child.pid ?? -1,
    logFile,
    async reset() {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopService(service, 10_000);
    },
  };
}

async function waitUntilAnswering(
  url: string,
  service: SpawnedService,
  logFile: string,
  deadline: number
): Promise<void> {
  for (;;) {
    const { child } = service;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`moto server exited while starting; log ${logFile}:\n${logTail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/moto-api/data.json`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`moto server did not answer in time; log ${logFile}:\n${logTail(logFile)}`);
    }
    await sleep(100);
  }
}

/**
 * Shared plumbing for the long-running services the scripts start (OpenSearch, moto): spawn with output to a
 * log file, stop with SIGTERM then SIGKILL, and make sure a child never outlives this process.
 *
 * Children are spawned with a stdin pipe that we never write to: the services exit when it closes (the
 * OpenSearch launcher and the moto wrapper watch for EOF), which also covers this process being SIGKILLed, where
 * no 'exit' handler runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where service logs go by default: target/<service>/<name>.log in the repo. */
export function defaultLogFile(service: string, name: string): string {
  return resolve(REPO_ROOT, 'target', service, `${name}.log`);
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export interface SpawnedService {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has gone. */
  exited: Promise<number | string>;
}

/** Spawns a service whose stdout and stderr go to logFile (appended). The child does not keep us alive. */
export function spawnService(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string }
): SpawnedService {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', fd, fd],
    });
  } finally {
    closeSync(fd); // the child holds its own copy
  }
  installExitHook();
  live.add(child);
  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolveExit(code ?? signal ?? 'unknown');
    });
    child.once('error', (err) => {
      live.delete(child);
      resolveExit(`spawn error: ${err.message}`);
    });
  });
  child.unref();
  if (child.stdin instanceof Socket) child.stdin.unref();
  return { child, exited };
}

/**
 * Sends `signal` (SIGTERM by default), then SIGKILL after graceMs; resolves when the process has exited.
 * The child is ref'd meanwhile: an unref'd child alone would let this process exit mid-await.
 */
export async function stopService(
  service: SpawnedService,
  graceMs = 30_000,
  signal: NodeJS.Signals = 'SIGTERM'
): Promise<void> {
  const { child, exited } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref();
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
    child.unref();
  }
}

/** The last lines of a log file, for error messages. */
export function logTail(logFile: string, lines = 40): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

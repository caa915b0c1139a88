/**
 * Starts one real OpenSearch 2.19.6 node (opensearch/, an embedded launcher built from Maven Central jars) for
 * the test orchestrator, the dev host and benchmarks. `engine` picks another engine started the same way
 * (Elasticsearch 7.10.2, OpenSearch 3.4, OpenSearch 2.19 and 3.4 with the security plugin): see ./engines.ts,
 * which is the usual entry point for those.
 *
 *   const node = await startOpenSearchNode();          // free port, fresh temp data dir
 *   await fetch(`${node.url}/_cat/indices`);
 *   await node.restart();                              // same port and data: a fault-injection test
 *   await node.stop();                                 // also removes a temp data dir
 *
 * With no port given, the launcher binds port 0 and announces the real one on a `OPENSEARCH_READY <url>` line;
 * a port picked here first could be taken by another process before the JVM binds it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  REPO_ROOT,
  defaultLogFile,
  logTail,
  sleep,
  spawnService,
  stopService,
  type SpawnedService,
} from './child_service';

/** The engines scripts/opensearch.sh can run (one Maven launcher project each, under opensearch/). */
export type EngineName = 'os2' | 'es7' | 'os3' | 'secure' | 'secure3';

export interface OpenSearchNodeOptions {
  /** Which engine; default 'os2' (OpenSearch 2.19.6). */
  engine?: EngineName;
  /**
   * `authorization` header for the start-up health checks: the secure engines answer 401 without one
   * (./engines.ts fills it in from its admin user).
   */
  authorization?: string;
  /** HTTP port; default: a free one chosen by the node. */
  port?: number;
  /** path.data; default: a fresh temp dir, removed by stop(). A given dir is kept. */
  dataDir?: string;
  /** Node output; default: target/opensearch/node-<time>-<pid>.log. Restarts append to the same file. */
  logFile?: string;
  /** JVM heap (-Xms/-Xmx); default '1g'. */
  heap?: string;
  /**
   * Extra JVM flags; default: $OPENSEARCH_JAVA_OPTS. `QUICK_START_JAVA_OPTS` trades peak speed for a start
   * with half the CPU (the test orchestrator uses it; benchmarks should not).
   */
  javaOpts?: string;
  /** Extra OpenSearch settings, passed as -Ekey=value. */
  settings?: Record<string, string>;
  /** How long to wait for HTTP and yellow health; default 180 s (a cold JVM on a busy 2-core box). */
  startTimeoutMs?: number;
}

export interface OpenSearchNode {
  readonly engine: EngineName;
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** pid of the current JVM; changes on restart(). */
  readonly pid: number;
  readonly dataDir: string;
  readonly logFile: string;
  /** Milliseconds from spawning the JVM to cluster health yellow or green, for the latest start. */
  readonly startupMs: number;
  /** SIGTERM (SIGKILL after 30 s), wait for exit; removes a temp data dir. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stops the node and starts it again on the same port and data dir, resolving once it is yellow/green.
   * `hard: true` SIGKILLs it instead of a clean shutdown, like a crash.
   */
  restart(options?: { hard?: boolean }): Promise<void>;
}

/** C1 only: the JIT's C2 compiles at startup cost ~4 of ~8 CPU seconds on a 2-core machine. */
export const QUICK_START_JAVA_OPTS = '-XX:TieredStopAtLevel=1';

const OPENSEARCH_SH = resolve(REPO_ROOT, 'scripts', 'opensearch.sh');
const READY_PREFIX = 'OPENSEARCH_READY ';

/** Builds the launcher when missing or stale (a few ms when up to date), with its output on our stderr. */
function prepareLauncher(engine: EngineName): void {
  const piece = engine === 'os2' ? 'opensearch' : engine;
  execFileSync('bash', [resolve(REPO_ROOT, 'scripts', 'bootstrap.sh'), piece], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function startOpenSearchNode(
  options: OpenSearchNodeOptions = {}
): Promise<OpenSearchNode> {
  const engine = options.engine ?? 'os2';
  prepareLauncher(engine);
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir
    ? resolve(options.dataDir)
    : mkdtempSync(join(tmpdir(), 'pinpoint-opensearch-data-'));
  const logFile =
    options.logFile ?? defaultLogFile('opensearch', `node-${Date.now()}-${process.pid}`);
  const heap = options.heap ?? '1g';
  const timeoutMs = options.startTimeoutMs ?? 180_000;
  const settingArgs = Object.entries(options.settings ?? {}).map(([k, v]) => `-E${k}=${v}`);

  let port = options.port ?? 0;
  let service: SpawnedService | undefined;
  let startupMs = 0;
  let stopped = false;

  async function launch(): Promise<void> {
    const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
    const started = Date.now();
    // scripts/opensearch.sh holds the JVM command line and execs java, so the pid is the JVM's.
    service = spawnService('bash', [OPENSEARCH_SH, ...settingArgs], {
      logFile,
      env: {
        ...process.env,
        OPENSEARCH_ENGINE: engine,
        OPENSEARCH_NO_BOOTSTRAP: '1',
        OPENSEARCH_HEAP: heap,
        OPENSEARCH_JAVA_OPTS: options.javaOpts ?? process.env.OPENSEARCH_JAVA_OPTS ?? '',
        OPENSEARCH_PORT: String(port),
        OPENSEARCH_DATA: dataDir,
        OPENSEARCH_EXIT_ON_STDIN_EOF: '1',
      },
    });
    try {
      const url = await waitForReady(service, logFile, logOffset, started + timeoutMs);
      port = Number(new URL(url).port);
      await waitForHealth(url, service, logFile, started + timeoutMs, options.authorization);
    } catch (err) {
      await stopService(service, 5_000);
      throw err;
    }
    startupMs = Date.now() - started;
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    if (service) await stopService(service);
    if (ownsData) rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await launch();
  } catch (err) {
    if (ownsData) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  if (ownsData) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));

  return {
    engine,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return service?.child.pid ?? -1;
    },
    dataDir,
    logFile,
    get startupMs() {
      return startupMs;
    },
    stop,
    async restart({ hard = false } = {}) {
      if (stopped) throw new Error('restart() after stop()');
      if (service) await stopService(service, 30_000, hard ? 'SIGKILL' : 'SIGTERM');
      await launch();
    },
  };
}

/** Waits for the launcher's ready line (written after this start's log offset) and returns its URL. */
async function waitForReady(
  service: SpawnedService,
  logFile: string,
  offset: number,
  deadline: number
): Promise<string> {
  for (;;) {
    const text = readFileSync(logFile).subarray(offset).toString('utf8');
    const line = text.split('\n').find((l) => l.startsWith(READY_PREFIX));
    if (line) return line.slice(READY_PREFIX.length).trim();
    failIfGone(service, logFile);
    if (Date.now() > deadline) throw startError('did not answer in time', logFile);
    await sleep(100);
  }
}

async function waitForHealth(
  url: string,
  service: SpawnedService,
  logFile: string,
  deadline: number,
  authorization: string | undefined
): Promise<void> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  for (;;) {
    failIfGone(service, logFile);
    try {
      const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=5s`, {
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { status?: string };
      if (res.ok && (body.status === 'green' || body.status === 'yellow')) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw startError('never reached yellow health', logFile);
    await sleep(200);
  }
}

function failIfGone(service: SpawnedService, logFile: string): void {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) {
    throw startError(`exited (${child.exitCode ?? child.signalCode}) while starting`, logFile);
  }
}

function startError(what: string, logFile: string): Error {
  return new Error(`OpenSearch node ${what}; log ${logFile}:\n${logTail(logFile)}`);
}

/**
 * The test orchestrator behind `npm test` (scripts/test.sh bootstraps first).
 *
 *   npm test                       static checks, build, then every tier
 *   npm test -- unit integration   only those tiers (static, build, unit, integration, conformance, browser)
 *
 * Lint and typecheck count as one test each, and so does the build. Every test tier is a jest project (see
 * jest.config.js); its totals come from jest's JSON results, not from its text. One OpenSearch node and one moto
 * server are started (in the background, while the first tiers run) for the tiers that need them, and stopped
 * whatever happens; so are the other engines tiers ask for (Tier.engines: Elasticsearch 7.10, OpenSearch 3,
 * the secured OpenSearch 2.19 and 3.4), handed to tests as ES7_URL, OS3_URL, SECURE_URL, SECURE3_URL
 * (scripts/lib/engines.ts). The last line is always `N passed, N failed`; the exit code is non-zero on any
 * failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineEnv, startEngine, type EngineName, type EngineNode } from './lib/engines';
import { startMotoServer, type MotoServer } from './lib/moto_server';
import {
  QUICK_START_JAVA_OPTS,
  startOpenSearchNode,
  type OpenSearchNode,
} from './lib/opensearch_node';
import {
  OSD3_VERSION,
  countsFromJest,
  selectTiers,
  type JestAggregatedResult,
  type Tier,
} from './lib/test_tiers';

const ROOT = resolve(__dirname, '..');
const LOG_DIR = join(ROOT, 'target', 'test-logs');
/** Test nodes (ours and those test files start themselves) favour a quick start over peak JIT speed. */
const JAVA_OPTS = process.env.OPENSEARCH_JAVA_OPTS ?? QUICK_START_JAVA_OPTS;

interface Services {
  opensearch: OpenSearchNode;
  moto: MotoServer;
}

/** The extra engines of the run (see Tier.engines): each started, or why it could not start. */
type Engines = Map<EngineName, EngineNode | Error>;

let passed = 0;
let failed = 0;
const timings: string[] = [];

function banner(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

/** Runs a command, its output passed through; resolves with its exit code (a signal counts as failure). */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  return new Promise((resolveRun) => {
    // stderr joins stdout so that a run's log reads in order (jest reports on stderr).
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.once('error', (err) => {
      process.stderr.write(`${command}: ${err.message}\n`);
      resolveRun(127);
    });
    child.once('close', (code) => resolveRun(code ?? 1));
  });
}

/** A command that is one test: pass or fail. */
async function checkStep(name: string, command: string, args: string[]): Promise<void> {
  const code = await run(command, args);
  if (code === 0) {
    passed += 1;
    process.stdout.write(`✔ ${name}\n`);
  } else {
    failed += 1;
    process.stdout.write(`✖ ${name} (exit ${code})\n`);
  }
}

async function runStatic(): Promise<void> {
  await checkStep('lint (eslint + prettier --check)', 'npm', ['run', '--silent', 'lint']);
  await checkStep('typecheck (tsc --noEmit)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
}

async function runBuild(): Promise<void> {
  if (!existsSync(join(ROOT, 'scripts', 'build.ts'))) {
    process.stdout.write('scripts/build.ts does not exist yet: nothing to build\n');
    return;
  }
  await checkStep('build (npm run build)', 'npm', ['run', '--silent', 'build']);
  await checkStep(`build for Dashboards ${OSD3_VERSION}`, 'npm', [
    'run',
    '--silent',
    'build',
    '--',
    '--osd-version',
    OSD3_VERSION,
  ]);
}

function testEnv(services: Services | undefined, engines: EngineNode[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Dummy credentials: no test may reach real AWS, and the SDK must not wait on instance metadata.
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The SDK warns once per process that releases after January 2027 need Node 22; ours is pinned, and the
    // warning repeats in every test file's output.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    OPENSEARCH_JAVA_OPTS: JAVA_OPTS,
  };
  delete env.AWS_PROFILE;
  // Unit tests run without the service URLs, so a unit test that needs a service fails instead of passing here.
  delete env.OPENSEARCH_URL;
  delete env.MOTO_URL;
  for (const key of Object.keys(env)) if (/^(ES7|OS3|SECURE3?)_/.test(key)) delete env[key];
  if (services) {
    env.OPENSEARCH_URL = services.opensearch.url;
    env.MOTO_URL = services.moto.url;
  }
  for (const node of engines) Object.assign(env, engineEnv(node));
  return env;
}

/** Runs the tier's jest project and adds its totals, read from jest's JSON results. */
async function runJestTier(
  tier: Tier,
  services: Services | undefined,
  engines: EngineNode[]
): Promise<void> {
  const resultsFile = join(LOG_DIR, `jest-${tier.name}.json`);
  rmSync(resultsFile, { force: true });
  const code = await run(
    join(ROOT, 'node_modules', '.bin', 'jest'),
    [
      '--selectProjects',
      ...(tier.projects ?? [tier.name]),
      '--ci',
      '--maxWorkers=2',
      '--passWithNoTests',
      '--json',
      `--outputFile=${resultsFile}`,
      // A file whose tests are done but leaves a socket open must not hang the run.
      '--forceExit',
    ],
    testEnv(services, engines)
  );
  let result: JestAggregatedResult | undefined;
  try {
    result = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestAggregatedResult;
  } catch {
    result = undefined;
  }
  const counts = result ? countsFromJest(result) : { passed: 0, failed: 0, skipped: 0 };
  passed += counts.passed;
  failed += counts.failed;
  process.stdout.write(
    `${tier.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`
  );
  // A runner that died without reporting a failure still failed.
  if (code !== 0 && counts.failed === 0) {
    failed += 1;
    process.stdout.write(`✖ ${tier.name}: jest exited with ${code}\n`);
  }
}

async function startServices(): Promise<Services> {
  const [opensearch, moto] = await Promise.allSettled([
    startOpenSearchNode({ logFile: join(LOG_DIR, 'opensearch.log'), javaOpts: JAVA_OPTS }),
    startMotoServer({ logFile: join(LOG_DIR, 'moto.log') }),
  ]);
  if (opensearch.status === 'fulfilled' && moto.status === 'fulfilled') {
    process.stdout.write(
      `services: OpenSearch ${opensearch.value.url} (up in ${opensearch.value.startupMs} ms), moto ${moto.value.url}\n`
    );
    return { opensearch: opensearch.value, moto: moto.value };
  }
  if (opensearch.status === 'fulfilled') await opensearch.value.stop();
  if (moto.status === 'fulfilled') await moto.value.stop();
  const reasons = [opensearch, moto]
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => String(r.reason instanceof Error ? r.reason.message : r.reason));
  throw new Error(`could not start services:\n${reasons.join('\n')}`);
}

/** Starts the engines in parallel; one that fails is recorded (its log tail in the error), not thrown. */
async function startEngines(names: EngineName[]): Promise<Engines> {
  const settled = await Promise.allSettled(
    names.map((engine) => startEngine({ engine, logFile: join(LOG_DIR, `engine-${engine}.log`) }))
  );
  const engines: Engines = new Map();
  settled.forEach((result, i) => {
    const value = result.status === 'fulfilled' ? result.value : result.reason;
    engines.set(
      names[i],
      value instanceof Error || result.status === 'fulfilled' ? value : new Error(String(value))
    );
  });
  const up = [...engines.values()].filter((e): e is EngineNode => !(e instanceof Error));
  process.stdout.write(
    `engines: ${up.map((e) => `${e.engine} ${e.url} (up in ${e.startupMs} ms, ${e.rssMiB()} MiB)`).join(', ') || 'none'}\n`
  );
  return engines;
}

/** The engines a tier asked for that are running; each one that is not counts as one failure, once. */
const reportedEngineFailures = new Set<EngineName>();
function enginesFor(tier: Tier, engines: Engines | undefined): EngineNode[] {
  const nodes: EngineNode[] = [];
  for (const name of tier.engines ?? []) {
    const node = engines?.get(name);
    if (node && !(node instanceof Error)) {
      nodes.push(node);
    } else if (!reportedEngineFailures.has(name)) {
      reportedEngineFailures.add(name);
      failed += 1;
      process.stdout.write(`✖ engine ${name} did not start: ${node?.message ?? 'not started'}\n`);
    }
  }
  return nodes;
}

async function main(): Promise<void> {
  const tiers = selectTiers(process.argv.slice(2));
  mkdirSync(LOG_DIR, { recursive: true });
  const started = Date.now();

  // Started first, awaited only by the tiers that need them: the JVM boots while lint and unit tests run.
  const servicesPromise = tiers.some((t) => t.needsServices) ? startServices() : undefined;
  servicesPromise?.catch(() => undefined); // handled where awaited
  const engineNames = [...new Set(tiers.flatMap((t) => t.engines ?? []))];
  const enginesPromise = engineNames.length > 0 ? startEngines(engineNames) : undefined;
  const stopServices = async (): Promise<void> => {
    const services = await servicesPromise?.catch(() => undefined);
    const engines = [...((await enginesPromise)?.values() ?? [])];
    await Promise.all([
      services?.opensearch.stop(),
      services?.moto.stop(),
      ...engines.map((e) => (e instanceof Error ? undefined : e.stop())),
    ]);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopServices().finally(() => process.exit(130));
    });
  }

  try {
    for (const tier of tiers) {
      banner(tier.name);
      const t0 = Date.now();
      if (tier.name === 'static') await runStatic();
      else if (tier.name === 'build') await runBuild();
      else {
        let services: Services | undefined;
        if (tier.needsServices) {
          try {
            services = await servicesPromise;
          } catch (err) {
            failed += 1;
            process.stdout.write(`✖ ${tier.name}: ${err instanceof Error ? err.message : err}\n`);
          }
        }
        const engines = tier.engines?.length ? enginesFor(tier, await enginesPromise) : [];
        if (!tier.needsServices || services) await runJestTier(tier, services, engines);
      }
      timings.push(`${tier.name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
  } finally {
    await stopServices();
  }

  process.stdout.write(
    `\ntier timings: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)}s\n`
  );
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.stdout.write(`${passed} passed, ${failed + 1} failed\n`);
  process.exitCode = 1;
});

/**
 * The test orchestrator behind `npm test` (scripts/test.sh bootstraps first).
 *
 *   npm test                       static checks, build, then every tier
 *   npm test -- unit integration   only those tiers (static, build, unit, integration, conformance, browser)
 *
 * Lint and typecheck count as one test each, and so does the build. One OpenSearch node and one moto server
 * are started (in the background, while the first tiers run) for the tiers that need them, and stopped whatever
 * happens. The last line is always `N passed, N failed`; the exit code is non-zero on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startMotoServer, type MotoServer } from './lib/moto_server';
import {
  QUICK_START_JAVA_OPTS,
  startOpenSearchNode,
  type OpenSearchNode,
} from './lib/opensearch_node';
import { parseSpecCounts, selectTiers, type Tier } from './lib/test_tiers';

const ROOT = resolve(__dirname, '..');
const LOG_DIR = join(ROOT, 'target', 'test-logs');
/** A test file that hangs must not eat CI's 90 minutes. */
const TEST_TIMEOUT_MS = 10 * 60_000;
/** Test nodes (ours and those test files start themselves) favour a quick start over peak JIT speed. */
const JAVA_OPTS = process.env.OPENSEARCH_JAVA_OPTS ?? QUICK_START_JAVA_OPTS;

interface Services {
  opensearch: OpenSearchNode;
  moto: MotoServer;
}

let passed = 0;
let failed = 0;
const timings: string[] = [];

function banner(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

/**
 * Runs a command, its output passed through; resolves with its exit code (a signal counts as failure) and
 * its stdout, which the tiers parse for the runner's totals.
 */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      process.stdout.write(chunk);
    });
    child.once('error', (err) => {
      process.stderr.write(`${command}: ${err.message}\n`);
      resolveRun({ code: 127, stdout: '' });
    });
    child.once('close', (code) =>
      resolveRun({ code: code ?? 1, stdout: Buffer.concat(chunks).toString('utf8') })
    );
  });
}

/** A command that is one test: pass or fail. */
async function checkStep(name: string, command: string, args: string[]): Promise<void> {
  const { code } = await run(command, args);
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
}

function testEnv(services: Services | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Dummy credentials: no test may reach real AWS, and the SDK must not wait on instance metadata.
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    OPENSEARCH_JAVA_OPTS: JAVA_OPTS,
  };
  delete env.AWS_PROFILE;
  // Unit tests run without the service URLs, so a unit test that needs a service fails instead of passing here.
  delete env.OPENSEARCH_URL;
  delete env.MOTO_URL;
  if (services) {
    env.OPENSEARCH_URL = services.opensearch.url;
    env.MOTO_URL = services.moto.url;
  }
  return env;
}

async function runTestFiles(tier: Tier, services: Services | undefined): Promise<void> {
  const files = tier.files?.(ROOT) ?? [];
  if (files.length === 0) {
    process.stdout.write(`no ${tier.name} test files\n`);
    return;
  }
  const { code, stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      // A file whose tests are done but leaves a socket open must not hang the run.
      '--test-force-exit',
      ...files,
    ],
    testEnv(services)
  );
  const counts = parseSpecCounts(stdout) ?? { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  passed += counts.pass;
  failed += counts.fail + counts.cancelled;
  // A runner that died without reporting a failure still failed.
  if (code !== 0 && counts.fail + counts.cancelled === 0) {
    failed += 1;
    process.stdout.write(`✖ ${tier.name}: test runner exited with ${code}\n`);
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

async function main(): Promise<void> {
  const tiers = selectTiers(process.argv.slice(2));
  mkdirSync(LOG_DIR, { recursive: true });
  const started = Date.now();

  // Started first, awaited only by the tiers that need them: the JVM boots while lint and unit tests run.
  const servicesPromise = tiers.some((t) => t.needsServices) ? startServices() : undefined;
  servicesPromise?.catch(() => undefined); // handled where awaited
  const stopServices = async (): Promise<void> => {
    const services = await servicesPromise?.catch(() => undefined);
    if (services) await Promise.all([services.opensearch.stop(), services.moto.stop()]);
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
        if (!tier.needsServices || services) await runTestFiles(tier, services);
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

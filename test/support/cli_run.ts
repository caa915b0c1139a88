/**
 * Runs the CLI in-process (cli/index.ts main) with captured output, and the checks every CLI error must pass:
 * exit 2, exactly one line on stderr that starts with "error:", no stack trace, nothing on stdout.
 */
import { main } from '../../cli/index';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {}
): Promise<CliRun> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let out = '';
  let err = '';
  try {
    const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Why `run` is not a clean one-line usage/connection error, or undefined when it is. */
export function notOneLineError(run: CliRun): string | undefined {
  const lines = run.err.trimEnd().split('\n');
  if (run.code !== 2) return `exit ${run.code}, expected 2 (stderr: ${run.err.slice(0, 300)})`;
  if (run.out !== '') return `printed to stdout: ${run.out.slice(0, 200)}`;
  if (lines.length !== 1) return `${lines.length} lines on stderr: ${run.err.slice(0, 400)}`;
  if (!lines[0].startsWith('error: ')) return `stderr does not start with "error: ": ${lines[0]}`;
  if (/\bat .+\(.+:\d+:\d+\)|node_modules|TypeError|ReferenceError|undefined/.test(lines[0]))
    return `looks like an internal error: ${lines[0]}`;
  return undefined;
}

/** AWS SDK environment pointing at moto, for the duration of a test file. */
export function motoEnv(motoUrl: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: motoUrl,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'AKIACLITESTKEY000001',
    AWS_SECRET_ACCESS_KEY: 'cli-test-secret-not-a-real-key',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

#!/usr/bin/env node
/**
 * The command line door: the same services as the routes and the app, for managed domains where the plugin
 * cannot be installed. Exit codes: 0 all good, 1 findings, 2 usage or connection error. Errors are one line
 * that says what to fix, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { InvalidInputError } from '../common/validation';
import { DomainError } from '../server/errors';
import { registerCommands } from './commands';
import { EXIT, CliExit } from './exit';

export async function main(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void } = defaultIo
): Promise<number> {
  const program = new Command('pinpoint-dashboards')
    .description('Set up and check Amazon Pinpoint event analytics in OpenSearch')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(false);
  let exitCode: number = EXIT.ok;
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: { err: (s: string) => void }): number {
  if (error instanceof CliExit) return error.code;
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; they already printed.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof InvalidInputError || error instanceof DomainError) {
    io.err(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  const code =
    (error as { code?: string; name?: string })?.code ?? (error as { name?: string })?.name;
  if (
    code === 'ECONNREFUSED' ||
    code === 'ConnectionError' ||
    code === 'ENOTFOUND' ||
    code === 'TimeoutError'
  ) {
    io.err(
      `error: cannot reach the cluster (${(error as Error).message}); check --opensearch and that the cluster is running\n`
    );
    return EXIT.usage;
  }
  io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.usage;
}

const defaultIo = {
  out: (s: string) => process.stdout.write(s),
  err: (s: string) => process.stderr.write(s),
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

import type { Command } from 'commander';
import { registerCheckCommand } from './check';
import { registerSetupCommand } from './setup';
import { registerRepairCommand } from './repair';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Each command file exports one register function; add it here. */
export function registerCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  registerCheckCommand(program, io, setExitCode);
  registerSetupCommand(program, io, setExitCode);
  registerRepairCommand(program, io, setExitCode);
}

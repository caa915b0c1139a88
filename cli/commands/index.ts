import type { Command } from 'commander';

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
  void program;
  void io;
  void setExitCode;
}

import type { Command } from 'commander';
import { registerCheckCommand } from './check';
import { registerSetupCommand } from './setup';
import { registerRepairCommand } from './repair';
import { registerFailedRecordsCommand } from './failed_records';
import { registerGenerateCommand } from './generate';
import { registerCampaignsCommand } from './campaigns';
import { registerNamesCommand } from './names';
import { registerSummariesCommand } from './summaries';

export type { CliIo } from '../io';
import type { CliIo } from '../io';

/** Each command file exports one register function; add it here. */
export function registerCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  registerCheckCommand(program, io, setExitCode);
  registerSetupCommand(program, io, setExitCode);
  registerRepairCommand(program, io, setExitCode);
  registerFailedRecordsCommand(program, io, setExitCode);
  registerGenerateCommand(program, io, setExitCode);
  registerCampaignsCommand(program, io, setExitCode);
  registerNamesCommand(program, io, setExitCode);
  registerSummariesCommand(program, io, setExitCode);
}

/**
 * `check` runs a list of sections; each adds its own flags, runs when its flags ask for it, and renders
 * itself. The index engine is the first section; the AWS wiring check adds one here (behind --aws).
 */
import type { Command } from 'commander';
import type { CliIo } from './commands';
import type { CommonFlags, Connection } from './common_options';
import { indexCheckSection } from './check_index_section';
import { awsCheckSection } from './commands/check_aws';

export interface CheckContext {
  connection: Connection;
  /** All flags of the command, the sections' own included. */
  flags: CommonFlags & Record<string, unknown>;
  io: CliIo;
}

export interface CheckSectionResult {
  /** Key of this section in `check --json` output. */
  key: string;
  json: unknown;
  /** Human output. */
  text: string;
  /** Anything not ok: makes the exit code 1. */
  hasFindings: boolean;
}

export interface CheckSection {
  key: string;
  addOptions?(cmd: Command): void;
  /** Undefined when the flags do not ask for this section. */
  run(ctx: CheckContext): Promise<CheckSectionResult | undefined>;
}

export const CHECK_SECTIONS: CheckSection[] = [indexCheckSection, awsCheckSection];

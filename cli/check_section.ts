/**
 * A section of `check`: it adds its own flags, runs when its flags ask for it, and renders itself. Types only,
 * so the sections (cli/check_index_section.ts, cli/commands/check_aws.ts) and the list of them
 * (cli/check_sections.ts) import this and never each other: the CLI's imports run one way.
 */
import type { Command } from 'commander';
import type { CommonFlags, Connection } from './common_options';
import type { CliIo } from './io';

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
  /** Anything not passing: makes the exit code 1. */
  hasFindings: boolean;
}

export interface CheckSection {
  key: string;
  addOptions?(cmd: Command): void;
  /** Undefined when the flags do not ask for this section. */
  run(ctx: CheckContext): Promise<CheckSectionResult | undefined>;
}

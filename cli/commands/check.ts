import type { Command } from 'commander';
import { EXIT } from '../exit';
import type { CheckSectionResult } from '../check_section';
import { CHECK_SECTIONS } from '../check_sections';
import {
  addCommonOptions,
  addDashboardsOption,
  connect,
  type CommonFlags,
} from '../common_options';
import type { CliIo } from '../io';

/** `check`: the validation report (read-only). Exit 0 when all is well, 1 when there are findings. */
export function registerCheckCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  const cmd = addDashboardsOption(
    addCommonOptions(
      program
        .command('check')
        .description(
          'Check the template, the indices, the data freshness and (with --dashboards) the index pattern'
        )
    )
  );
  for (const section of CHECK_SECTIONS) section.addOptions?.(cmd);
  cmd.action(async (flags: CommonFlags & Record<string, unknown>) => {
    const connection = connect(flags);
    const results: CheckSectionResult[] = [];
    for (const section of CHECK_SECTIONS) {
      const result = await section.run({ connection, flags, io });
      if (result) results.push(result);
    }
    if (flags.json) {
      io.out(
        `${JSON.stringify(Object.fromEntries(results.map((r) => [r.key, r.json])), null, 2)}\n`
      );
    } else {
      io.out(results.map((r) => r.text).join('\n'));
    }
    setExitCode(results.some((r) => r.hasFindings) ? EXIT.findings : EXIT.ok);
  });
}

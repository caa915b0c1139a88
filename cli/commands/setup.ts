import type { Command } from 'commander';
import { parseApplyBody } from '../../common/index_engine_input';
import type { ApplyResult } from '../../common/report';
import type { TemplateDiffEntry } from '../../common/template_normalize';
import { ConflictError } from '../../server/errors';
import { applySetup, previewTemplate } from '../../server/services/index_engine';
import { InvalidInputError } from '../../common/validation';
import { EXIT } from '../exit';
import {
  indexEngineDeps,
  addCommonOptions,
  addDashboardsOption,
  connect,
  type CommonFlags,
} from '../common_options';
import { confirm } from '../prompt';
import { formatDiff } from '../report_text';
import type { CliIo } from '../io';

interface SetupFlags extends CommonFlags {
  template: boolean;
  overwrite?: boolean;
  makeDefault?: boolean;
}

function formatResult(result: ApplyResult): string {
  const lines = result.steps.map((s) => `${s.action.padEnd(9)} ${s.detail}`);
  lines.push(result.changed ? 'done' : 'nothing to change: already set up');
  return `${lines.join('\n')}\n`;
}

/**
 * `setup`: install or update the template; with --dashboards also create or refresh the index pattern
 * (and with --make-default make it the default). Asks first unless --yes. Idempotent.
 */
export function registerSetupCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  addDashboardsOption(
    addCommonOptions(
      program
        .command('setup')
        .description(
          'Install the index template and (with --dashboards) the index pattern; idempotent'
        )
    )
  )
    .option('--no-template', 'leave the index template alone')
    .option('--overwrite', 'replace a template someone changed (shows the diff first)')
    .option('--make-default', 'make the index pattern the default one (needs --dashboards)')
    .action(async (flags: SetupFlags) => {
      const options = parseApplyBody({
        prefix: flags.prefix,
        template: flags.template,
        overwrite: flags.overwrite ?? false,
        indexPattern: flags.dashboards !== undefined,
        makeDefault: flags.makeDefault ?? false,
      });
      if (options.makeDefault && !flags.dashboards) {
        throw new InvalidInputError(
          '--make-default needs --dashboards <url>: the default index pattern is a Dashboards setting'
        );
      }
      const connection = connect(flags);
      const deps = indexEngineDeps(connection);
      if (options.template) {
        const preview = await previewTemplate(deps, options.prefix);
        if (!flags.json && preview.state !== 'identical') {
          io.err(
            `template ${preview.name}: ${preview.state}${preview.diff.length ? `, ${preview.diff.length} field(s) differ:` : ''}\n`
          );
          if (preview.state !== 'absent') io.err(`${formatDiff(preview.diff, '  ').join('\n')}\n`);
        }
      }
      const where = [connection.opensearchUrl, connection.dashboardsUrl]
        .filter(Boolean)
        .join(' and ');
      if (
        !(await confirm(
          `Apply the Pinpoint setup for prefix ${options.prefix} to ${where}?`,
          flags.yes
        ))
      ) {
        io.err('nothing written\n');
        setExitCode(EXIT.findings);
        return;
      }
      try {
        const result = await applySetup(deps, options);
        io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result));
        setExitCode(EXIT.ok);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // A template someone changed: a finding to review, not a usage error.
        io.err(`${error.message}\n`);
        const diff = (error.details?.diff ?? []) as TemplateDiffEntry[];
        if (diff.length > 0)
          io.err(
            `${formatDiff(diff, '  ').join('\n')}\nrun again with --overwrite to replace it\n`
          );
        setExitCode(EXIT.findings);
      }
    });
}

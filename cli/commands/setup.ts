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
import { formatInstallResult, installDashboardsFromCli } from '../dashboards_install';
import { confirm } from '../prompt';
import { formatDiff } from '../report_text';
import type { CliIo } from '../io';

interface SetupFlags extends CommonFlags {
  template: boolean;
  overwrite?: boolean;
  allowOverlap?: boolean;
  makeDefault?: boolean;
  dashboardObjects: boolean;
  replaceEdited?: boolean;
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
          'Install the index template and (with --dashboards) the index pattern and the prebuilt dashboards; idempotent'
        )
    )
  )
    .option('--no-template', 'leave the index template alone')
    .option('--overwrite', 'replace a template someone changed (shows the diff first)')
    .option('--allow-overlap', 'install the template although it overlaps another one')
    .option('--make-default', 'make the index pattern the default one (needs --dashboards)')
    .option('--no-dashboard-objects', 'with --dashboards: leave the prebuilt dashboards alone')
    .option(
      '--replace-edited',
      'replace shipped dashboards someone edited (asked per object otherwise)'
    )
    .action(async (flags: SetupFlags) => {
      const options = parseApplyBody({
        prefix: flags.prefix,
        template: flags.template,
        overwrite: flags.overwrite ?? false,
        allowOverlap: flags.allowOverlap ?? false,
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
        const dashboards =
          connection.dashboardsHttp && flags.dashboardObjects
            ? await installDashboardsFromCli(connection.dashboardsHttp, connection.tenant, io, {
                yes: flags.yes,
                json: flags.json,
                replaceEdited: flags.replaceEdited,
                pluginVersion: 'pinpoint-dashboards CLI',
              })
            : undefined;
        io.out(
          flags.json
            ? `${JSON.stringify(dashboards ? { ...result, dashboards } : result, null, 2)}\n`
            : `${formatResult(result)}${dashboards ? formatInstallResult(dashboards) : ''}`
        );
        const kept = dashboards?.outcomes.some((o) => o.action === 'kept') ?? false;
        setExitCode(kept ? EXIT.findings : EXIT.ok);
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

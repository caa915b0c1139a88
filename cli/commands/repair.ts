import type { Command } from 'commander';
import {
  REPAIR_STEP_LABELS,
  parseIndexName,
  type RepairCandidate,
  type RepairJob,
} from '../../common/repair';
import { parseRotatedIndex } from '../../common/rotation_window';
import { InvalidInputError } from '../../common/validation';
import { ConflictError, NotFoundError } from '../../server/errors';
import type { Logger } from '../../server/osd_port';
import { requireArchiveIndex } from '../../server/services/repair/planner';
import { RepairService } from '../../server/services/repair/repair_service';
import type { RepairState } from '../../server/services/repair/types';
import { addCommonOptions, connect, type CommonFlags } from '../common_options';
import { EXIT } from '../exit';
import { confirm } from '../prompt';
import type { CliIo } from '../io';
import { type Progress, startProgress } from '../output/progress';

interface RepairFlags extends CommonFlags {
  all?: boolean;
}

interface Outcome {
  index: string;
  status: 'done' | 'failed' | 'refused';
  message: string;
  job?: RepairJob;
}

/** The runner's own transitions are shown as progress lines; its log would repeat them. */
const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** One line per step, and one per ~10% of the copy, so a log file stays readable. */
function progressPrinter(io: CliIo, index: string): (job: RepairJob) => void {
  let last = '';
  // On a terminal the copy is a progress bar (cli/output/progress.ts); in a log it stays lines.
  let bar: Progress | undefined;
  return (job) => {
    if (job.step === 'reindexing' && job.docs && job.docs.total > 0 && process.stderr.isTTY) {
      bar ??= startProgress(job.docs.total, { label: `${index}: copying`, unit: 'documents' });
      bar.update(job.docs.copied, job.docs.total);
      return;
    }
    bar?.stop();
    bar = undefined;
    let line = `${index}: step ${job.stepNumber}/${job.stepCount} ${REPAIR_STEP_LABELS[job.step]}`;
    if (job.step === 'reindexing' && job.docs && job.docs.total > 0) {
      const pct = Math.floor((job.docs.copied / job.docs.total) * 10) * 10;
      line += ` ${pct}% (${job.docs.copied}/${job.docs.total} documents)`;
      if (line.replace(/ \(.*\)$/, '') === last.replace(/ \(.*\)$/, '')) return;
    }
    if (line === last) return;
    last = line;
    io.err(`${line}\n`);
  };
}

function describeDone(state: RepairState): string {
  return `done: ${state.targetCount ?? state.sourceCount ?? 0} documents copied and verified; ${state.source} is now an alias of ${state.target}`;
}

async function repairOne(
  service: RepairService,
  io: CliIo,
  index: string,
  prefix: string
): Promise<Outcome> {
  try {
    const state = await service.repair(index, prefix, progressPrinter(io, index));
    const job = await service.progress(index);
    if (state.step === 'done') return { index, status: 'done', message: describeDone(state), job };
    return {
      index,
      status: 'failed',
      message: `FAILED: ${state.failure ?? 'unknown reason'}; the original index was left as it was`,
      job,
    };
  } catch (error) {
    // Refusals (Firehose still writing it, nothing to repair, an alias) are findings about this index.
    if (error instanceof ConflictError) return { index, status: 'refused', message: error.message };
    throw error;
  }
}

function selectAll(
  candidates: RepairCandidate[],
  io: CliIo
): { indices: string[]; refused: Outcome[] } {
  const refused = candidates
    .filter((c) => c.refusal)
    .map((c): Outcome => ({ index: c.index, status: 'refused', message: c.refusal ?? '' }));
  for (const r of refused) io.err(`${r.index}: not now: ${r.message}\n`);
  return { indices: candidates.filter((c) => !c.refusal).map((c) => c.index), refused };
}

/**
 * `repair <index...>` or `repair --all`: copy each index whose timestamps are not dates into a correctly
 * mapped one, verify, and retire the original behind an alias of its name. Asks first unless --yes.
 * Interrupting is safe: the same command resumes. Exit 0 when every index is repaired, 1 when one failed or
 * cannot be repaired yet, 2 on usage or connection errors.
 */
export function registerRepairCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void
): void {
  addCommonOptions(
    program
      .command('repair')
      .argument('[index...]', 'indices to repair (e.g. pinpoint-2020-05-18)')
      .description(
        'Repair indices whose timestamps are not dates (created before the template), without losing a document'
      )
  )
    .option(
      '--all',
      'repair every index of the prefix that needs it (and finish unfinished repairs)'
    )
    .action(async (names: string[], flags: RepairFlags) => {
      if (flags.all && names.length > 0) {
        throw new InvalidInputError('give index names or --all, not both');
      }
      if (!flags.all && names.length === 0) {
        throw new InvalidInputError('name the indices to repair, or pass --all');
      }
      const named = names.map((name) => parseIndexName(name, 'index'));
      const connection = connect(flags);
      // The archive guard, before connecting: only daily indices of --prefix are repaired.
      for (const name of named) requireArchiveIndex(name, connection.prefix);
      const service = new RepairService(connection.client, quietLogger);

      let indices = named;
      const outcomes: Outcome[] = [];
      if (flags.all) {
        const unfinished = (await service.list())
          .filter((job) => parseRotatedIndex(job.index)?.prefix === connection.prefix)
          .filter((job) => job.step !== 'done' && job.step !== 'failed')
          .map((job) => job.index);
        const selected = selectAll(await service.candidates(connection.prefix), io);
        outcomes.push(...selected.refused);
        indices = [...new Set([...unfinished, ...selected.indices])];
      }
      if (indices.length === 0) {
        io.out(outcomes.length > 0 ? 'nothing can be repaired now\n' : 'nothing to repair\n');
        setExitCode(outcomes.length > 0 ? EXIT.findings : EXIT.ok);
        return;
      }
      const question = `Repair ${indices.join(', ')} on ${connection.opensearchUrl}? Each becomes read-only while it is copied`;
      if (!(await confirm(question, flags.yes))) {
        io.err('nothing written\n');
        setExitCode(EXIT.findings);
        return;
      }
      io.err('interrupting is safe: run the same command again to resume\n');
      for (const index of indices) {
        try {
          const outcome = await repairOne(service, io, index, connection.prefix);
          outcomes.push(outcome);
          if (!flags.json) io.out(`${index}: ${outcome.message}\n`);
        } catch (error) {
          if (error instanceof NotFoundError) throw new InvalidInputError(error.message);
          io.err(`${index}: stopped; run the same command again to resume\n`);
          throw error;
        }
      }
      if (flags.json) io.out(`${JSON.stringify({ outcomes }, null, 2)}\n`);
      setExitCode(outcomes.every((o) => o.status === 'done') ? EXIT.ok : EXIT.findings);
    });
}

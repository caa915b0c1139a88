/**
 * The repairs this server process is running in the background. A route starts a run and answers at once
 * (202); the run continues with the client of the request that started it (the current user's). One run per
 * index per process: asking again while it runs joins it. Runs in other processes (the CLI, another
 * Dashboards node) are safe alongside, because every step is idempotent and every transition conditional.
 */
import type { Logger } from '../../osd_port';
import type { RepairService } from './repair_service';

export class RepairRunRegistry {
  private readonly runs = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly logger: Logger) {}

  isActive(index: string): boolean {
    return this.runs.has(index);
  }

  /** Starts running the (already started) job on `index` unless a run of it is under way here. */
  launch(service: RepairService, index: string): void {
    if (this.runs.has(index)) return;
    if (this.stopping.signal.aborted) {
      this.logger.warn(
        `repair of ${index} not run: the server is stopping (it resumes when asked again)`
      );
      return;
    }
    const run = service
      .run(index, undefined, this.stopping.signal)
      .then((state) => {
        if (state.step !== 'done' && state.step !== 'failed') {
          this.logger.info(
            `repair of ${index} paused at "${state.step}" for shutdown; it resumes when asked again`
          );
        } else if (state.step === 'failed') {
          this.logger.warn(`repair of ${index} failed and was rolled back: ${state.failure ?? ''}`);
        } else {
          this.logger.info(
            `repair of ${index} done: ${state.targetCount ?? 0} documents in ${state.target}`
          );
        }
      })
      .catch((error: unknown) => {
        // The job keeps its state and lastError; asking again resumes it.
        this.logger.warn(
          `repair of ${index} stopped: ${error instanceof Error ? error.message : String(error)}`
        );
      })
      .finally(() => {
        this.runs.delete(index);
      });
    this.runs.set(index, run);
  }

  /** For tests: resolves when every run under way has stopped. */
  async settled(): Promise<void> {
    await Promise.all([...this.runs.values()]);
  }

  /**
   * Shutdown: no new run starts, every run stops at its next safe point (a step boundary or a poll of the copy
   * task), and this resolves once they all have, or after `graceMs` (a step may wait on a slow cluster).
   */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping.abort();
    if (this.runs.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref?.();
    });
    await Promise.race([this.settled(), grace]);
    clearTimeout(timer);
  }
}

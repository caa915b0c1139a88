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

  constructor(private readonly logger: Logger) {}

  isActive(index: string): boolean {
    return this.runs.has(index);
  }

  /** Starts running the (already started) job on `index` unless a run of it is under way here. */
  launch(service: RepairService, index: string): void {
    if (this.runs.has(index)) return;
    const run = service
      .run(index)
      .then((state) => {
        if (state.step === 'failed') {
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

  /** For tests and shutdown: resolves when every run under way has stopped. */
  async settled(): Promise<void> {
    await Promise.all([...this.runs.values()]);
  }
}

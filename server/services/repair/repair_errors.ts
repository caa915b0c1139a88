import type { RepairKillPoint } from './types';

/** A check failed in a way a retry would repeat: the job fails and rolls back. */
export class CopyCheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyCheckFailed';
  }
}

/** A hook stopped the runner (fault injection): behaves like a crash, nothing more is written. */
export class RepairInterrupted extends Error {
  constructor(
    readonly point: RepairKillPoint,
    override readonly cause: unknown
  ) {
    super(`repair interrupted at ${point}`);
    this.name = 'RepairInterrupted';
  }
}

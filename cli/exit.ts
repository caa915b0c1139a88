export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Thrown by a command to end with a code after it has printed what it had to say. */
export class CliExit extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}

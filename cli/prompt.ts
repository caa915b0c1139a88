import { createInterface } from 'node:readline/promises';
import { InvalidInputError } from '../common/validation';

/**
 * Ask before a write. Without a terminal there is no one to ask: refuse and say how to run unattended,
 * rather than write (or silently skip) on an answer nobody gave.
 */
export async function confirm(question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new InvalidInputError(
      'this command writes to the cluster and there is no terminal to confirm: pass --yes'
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

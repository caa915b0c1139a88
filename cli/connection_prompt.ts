/**
 * Asks for a password on the terminal without echoing it. Without a terminal nobody can answer: say which
 * environment variable to set instead of waiting for input that never comes.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { InvalidInputError } from '../common/validation';

export function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const env = /set (\w+)\)/.exec(question)?.[1] ?? 'OPENSEARCH_PASSWORD';
    return Promise.reject(
      new InvalidInputError(`a password is needed and there is no terminal to ask: set ${env}`)
    );
  }
  let muted = false;
  // Readline echoes through this stream: once the question is out, swallow what the user types.
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

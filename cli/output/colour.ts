/**
 * The CLI's one colour module (picocolors). Colour only when the stream is a terminal that supports it; never
 * with NO_COLOR, a pipe, a file or --json. FORCE_COLOR forces it on (for screenshots and CI logs).
 */
import pc from 'picocolors';

export type Colours = ReturnType<typeof pc.createColors>;

export interface ColourStream {
  isTTY?: boolean;
  hasColors?: () => boolean;
}

export function colourEnabled(
  stream: ColourStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (!stream.isTTY) return false;
  if (env.TERM === 'dumb') return false;
  return stream.hasColors ? stream.hasColors() : true;
}

export function colours(enabled: boolean = colourEnabled()): Colours {
  return pc.createColors(enabled);
}

/** The marks checks use, coloured by status. */
export function statusMark(
  c: Colours,
  status: 'pass' | 'ok' | 'warn' | 'fail' | 'unknown' | 'skipped' | 'skip'
): string {
  switch (status) {
    case 'pass':
    case 'ok':
      return c.green('ok  ');
    case 'warn':
      return c.yellow('WARN');
    case 'fail':
      return c.red(c.bold('FAIL'));
    case 'unknown':
      return c.magenta('??  ');
    default:
      return c.dim('--  ');
  }
}

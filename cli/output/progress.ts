/**
 * Progress bars for long work (repair, generate, replay, reading S3), drawn by cli-progress on stderr and only
 * on a terminal: with --json, a pipe or a file nothing is drawn, so stdout stays machine-readable and logs stay
 * clean. The final rate is returned for the summary line.
 */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  /** Stops the bar; returns items per second over the whole run. */
  stop(): number;
}

export interface ProgressOptions {
  label: string;
  unit?: string;
  /** false with --json. */
  enabled?: boolean;
  stream?: NodeJS.WriteStream;
}

export function startProgress(total: number, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const started = Date.now();
  let last = 0;
  const draw = options.enabled !== false && Boolean(stream.isTTY) && !process.env.CI;
  const bar = draw
    ? new SingleBar(
        {
          format: `${options.label} [{bar}] {percentage}% {value}/{total} ${options.unit ?? ''} | {rate}/s | eta {eta_formatted}`,
          stream,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
          fps: 5,
        },
        Presets.shades_classic
      )
    : undefined;
  bar?.start(Math.max(total, 1), 0, { rate: 0 });
  return {
    update(done, newTotal) {
      last = done;
      if (!bar) return;
      if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop() {
      bar?.stop();
      const seconds = (Date.now() - started) / 1000;
      return seconds > 0 ? last / seconds : last;
    },
  };
}

/** 12,345,678 */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

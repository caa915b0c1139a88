/**
 * One build at a time per checkout: builds share target/ (tsc output, webpack output, the dependency cache).
 * Helpers and the test orchestrator may start builds concurrently; the second waits. A lock left by a process
 * that no longer exists is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

const POLL_MS = 500;

export async function withBuildLock<T>(
  repoRoot: string,
  log: (line: string) => void,
  work: () => Promise<T>,
  timeoutMs = 15 * 60_000
): Promise<T> {
  const lockDir = path.join(repoRoot, 'target', '.build.lock');
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ownerIsGone(lockDir)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another build holds ${lockDir}; gave up waiting`);
      if (!announced) log('waiting for another build of this checkout to finish');
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function ownerIsGone(lockDir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // Just created by its owner and the pid not written yet, or an owner that died in between.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

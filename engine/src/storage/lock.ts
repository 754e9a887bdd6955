import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'engine.lock';
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data folder for this process. A lock left by a process that no longer runs (after a
 * crash) is taken over; a live owner makes the claim fail with a message saying so.
 */
export function acquireLock(dir: string): () => void {
  const lockPath = path.join(dir, LOCK_FILE);
  const resolved = path.resolve(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(resolved);
      return () => {
        heldHere.delete(resolved);
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    const ownerRuns = Number.isInteger(owner) && isAlive(owner);
    const ownedByUs = owner === process.pid && heldHere.has(resolved);
    if ((ownerRuns && owner !== process.pid) || ownedByUs) {
      throw new Error(
        `The data folder ${resolved} is already in use by another engine (process ${owner}, lock file ${LOCK_FILE}). Stop that engine or choose another data folder.`,
      );
    }
    unlinkSync(lockPath);
  }
  throw new Error(`Could not lock the data folder ${resolved}`);
}

import { closeSync, fchmodSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { FILE_MODE } from './files.js';

const LOCK_FILE = 'engine.lock';

/**
 * When this process started, to the second. With the pid it names the owner of a lock: a lock
 * with our pid but another start time was left by an earlier process that had the same pid (pids
 * repeat, in containers especially); one with our pid and start time is held by an engine in this
 * process, perhaps in another thread.
 */
function processStart(): number {
  return Math.round((Date.now() - process.uptime() * 1000) / 1000);
}

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
      const fd = openSync(lockPath, 'wx', FILE_MODE);
      fchmodSync(fd, FILE_MODE);
      writeFileSync(fd, `${process.pid} ${processStart()}`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pidText, startText] = readFileSync(lockPath, 'utf8').trim().split(/\s+/);
    const owner = Number.parseInt(pidText ?? '', 10);
    const ownerRuns = Number.isInteger(owner) && isAlive(owner);
    // Uptime is measured, not stored: allow the start time to come out a second apart.
    const ownedByUs = owner === process.pid && Math.abs(Number(startText) - processStart()) <= 1;
    if ((ownerRuns && owner !== process.pid) || ownedByUs) {
      throw new Error(
        `The data folder ${resolved} is already in use by another engine (process ${owner}, lock file ${LOCK_FILE}). Stop that engine or choose another data folder.`,
      );
    }
    unlinkSync(lockPath);
  }
  throw new Error(`Could not lock the data folder ${resolved}`);
}

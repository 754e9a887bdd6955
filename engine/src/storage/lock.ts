import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fchmodSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { FILE_MODE } from './files.js';

export const LOCK_FILE = 'engine.lock';

// The lock is a file naming its owner: pid, the owner's start time as the operating system reports
// it, and the boot it started in. An owner counts as running only if a process with that pid
// exists now, started at that very time in this boot, and has not died (zombie, exiting). So a
// crashed engine's lock is taken over at once even when its pid is still a zombie that nobody
// reaped, is being torn down, or was given to an unrelated process; and two engines of the same
// process (worker threads) see their shared pid and start time and refuse each other.

/** How a process's start time was read: /proc (Linux), ps (macOS, BSDs) or not at all. */
type Source = 'proc' | 'ps' | 'none';

export interface Owner {
  pid: number;
  /** `<source>:<start time>`: clock ticks since boot from /proc, seconds since 1970 from ps. */
  start: string;
  /** /proc/sys/kernel/random/boot_id, or '-' where there is none. */
  boot: string;
}

/** What the operating system says about the process a lock names. */
export type OwnerState =
  /** Running: the lock holds. */
  | 'alive'
  /** Killed or exiting but not yet finished: it may still complete a write already under way. */
  | 'dying'
  /** Gone, a zombie, or another process with the same pid: the lock is stale. */
  | 'gone';

const PF_EXITING = 0x4;
const PROC = '/proc';

function source(): Source {
  if (existsSync(`${PROC}/self/stat`)) return 'proc';
  const probe = spawnSync('ps', ['-o', 'lstart=', '-p', String(process.pid)], {
    encoding: 'utf8',
  });
  return probe.status === 0 && probe.stdout.trim() !== '' ? 'ps' : 'none';
}

let cachedSource: Source | undefined;
function startSource(): Source {
  cachedSource ??= source();
  return cachedSource;
}

function bootId(): string {
  try {
    return readFileSync(`${PROC}/sys/kernel/random/boot_id`, 'utf8').trim() || '-';
  } catch {
    return '-';
  }
}

interface ProcStat {
  state: string;
  flags: number;
  startTicks: string;
}

/** Fields 3 (state), 9 (flags) and 22 (starttime) of /proc/<pid>[/task/<tid>]/stat. */
function readProcStat(file: string): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 is the command name in parentheses, which may itself hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state = '', , , , , , flags = '0'] = fields;
  return { state, flags: Number(flags), startTicks: fields[19] ?? '' };
}

function isDead(state: string): boolean {
  return state === 'Z' || state === 'X' || state === 'x';
}

function psStart(pid: number): { state: string; start: string } | undefined {
  const result = spawnSync('ps', ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  const line = result.status === 0 ? result.stdout.trim() : '';
  const match = /^(\S+)\s+(.+)$/.exec(line);
  if (!match) return undefined;
  const seconds = Math.round(Date.parse(match[2]) / 1000);
  return { state: match[1], start: Number.isFinite(seconds) ? String(seconds) : match[2] };
}

/** The identity a lock written now by process `pid` would carry; undefined if it does not run. */
export function processIdentity(pid: number): Owner | undefined {
  const how = startSource();
  if (how === 'proc') {
    const stat = readProcStat(`${PROC}/${pid}/stat`);
    return stat && { pid, start: `proc:${stat.startTicks}`, boot: bootId() };
  }
  if (how === 'ps') {
    const ps = psStart(pid);
    return ps && { pid, start: `ps:${ps.start}`, boot: '-' };
  }
  return isSignalable(pid) ? { pid, start: 'none:', boot: '-' } : undefined;
}

function isSignalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process a lock names still runs, by the most exact means this system offers. */
export function ownerState(owner: Owner): OwnerState {
  const [how] = owner.start.split(':');
  if (how === 'proc' && startSource() === 'proc') {
    if (owner.boot !== bootId()) return 'gone';
    const stat = readProcStat(`${PROC}/${owner.pid}/stat`);
    if (!stat || `proc:${stat.startTicks}` !== owner.start) return 'gone';
    if (isDead(stat.state)) {
      // The main thread has finished; another thread may still be completing a system call.
      return threadsFinished(owner.pid) ? 'gone' : 'dying';
    }
    return stat.flags & PF_EXITING ? 'dying' : 'alive';
  }
  if (how === 'ps' && startSource() === 'ps') {
    const ps = psStart(owner.pid);
    if (!ps || `ps:${ps.start}` !== owner.start) return 'gone';
    return ps.state.startsWith('Z') ? 'gone' : 'alive';
  }
  // No start time to compare (no /proc and no ps, or a lock from an older engine): only the pid.
  if (startSource() === 'proc') {
    const stat = readProcStat(`${PROC}/${owner.pid}/stat`);
    return stat && !isDead(stat.state) ? 'alive' : 'gone';
  }
  return isSignalable(owner.pid) ? 'alive' : 'gone';
}

function threadsFinished(pid: number): boolean {
  let tids: string[];
  try {
    tids = readdirSync(`${PROC}/${pid}/task`);
  } catch {
    return true;
  }
  return tids.every((tid) => {
    const stat = readProcStat(`${PROC}/${pid}/task/${tid}/stat`);
    return !stat || isDead(stat.state);
  });
}

export function formatOwner(owner: Owner): string {
  return `${owner.pid} ${owner.start} ${owner.boot}\n`;
}

/** Reads a lock's text; an older engine wrote `<pid> <seconds>`, which names only the pid. */
export function parseOwner(text: string): Owner | undefined {
  const [pidText = '', start = '', boot = '-'] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!/^\d+$/.test(pidText) || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return { pid, start: start.includes(':') ? start : 'none:', boot };
}

function sameOwner(a: Owner, b: Owner): boolean {
  return a.pid === b.pid && a.start === b.start && a.boot === b.boot;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Creates `file` holding `text` only if it does not exist, never showing it half-written. */
function createWhole(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', FILE_MODE);
  try {
    fchmodSync(fd, FILE_MODE);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Removes a lock judged stale, unless another engine replaced it meanwhile: the lock is first moved
 * aside, and put back if what was moved is not what was judged.
 */
function removeStale(lockPath: string, judged: string): void {
  const aside = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) !== judged) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Another engine locked the folder in that instant: its lock stands, this one goes.
    }
  }
  unlinkSync(aside);
}

const DYING_WAIT_MS = 10_000;
const POLL_MS = 10;

export interface LockOptions {
  /** Called once when the lock is taken over from an owner that no longer runs. */
  onTakeover?: (owner: Owner | undefined) => void;
}

/**
 * Claims the data folder for this process. A lock whose owner no longer runs (after a crash) is
 * taken over; an owner that is still exiting is waited for; a running owner, in this process or
 * another, makes the claim fail with a message saying so. Resolves with the release function.
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => void> {
  const lockPath = path.join(dir, LOCK_FILE);
  const resolved = path.resolve(dir);
  const me = processIdentity(process.pid) ?? { pid: process.pid, start: 'none:', boot: '-' };
  const mine = formatOwner(me);
  const deadline = Date.now() + DYING_WAIT_MS;
  let attempts = 0;
  while (attempts++ < 10) {
    if (createWhole(lockPath, mine)) {
      return () => {
        // Only our own lock: never one another engine has taken since.
        if (readText(lockPath) === mine) unlinkSync(lockPath);
      };
    }
    const text = readText(lockPath);
    if (text === undefined) continue;
    const owner = parseOwner(text);
    if (owner && sameOwner(owner, me)) {
      throw new Error(
        `The data folder ${resolved} is already in use by another engine in this process (process ${owner.pid}, lock file ${LOCK_FILE}). Stop that engine or choose another data folder.`,
      );
    }
    const state = owner ? ownerState(owner) : 'gone';
    if (state === 'alive' || (state === 'dying' && Date.now() >= deadline)) {
      const still = state === 'dying' ? ', still exiting' : '';
      throw new Error(
        `The data folder ${resolved} is already in use by another engine (process ${owner?.pid}${still}, lock file ${LOCK_FILE}). Stop that engine or choose another data folder.`,
      );
    }
    if (state === 'dying') {
      attempts--;
      await sleep(POLL_MS);
      continue;
    }
    removeStale(lockPath, text);
    options.onTakeover?.(owner);
  }
  throw new Error(`Could not lock the data folder ${resolved}`);
}

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startEngine } from '../src/index.js';
import { expectChildStartFailure, spawnEngineChild } from './engine-child.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';

describe.skipIf(embeddedOnly)('data folder lock (embedded engine)', () => {
  it('refuses a second engine on the same folder while the first runs', async () => {
    const dataDir = await makeTempDir('lock');
    const first = await startEngine({ dataDir, port: 0, logger: quietLogger([]) });
    try {
      const second = startEngine({ dataDir, port: 0, logger: quietLogger([]) });
      await expect(second).rejects.toThrow(/lock|in use|data folder/i);
      const failure = await expectChildStartFailure(dataDir);
      expect(failure.code).not.toBe(0);
      expect(failure.stderr).toMatch(/lock|in use|data folder/i);
    } finally {
      await first.stop();
    }
    // Released on stop: the folder can be opened again.
    const reopened = await startEngine({ dataDir, port: 0, logger: quietLogger([]) });
    await reopened.stop();
    await removeDir(dataDir);
  });
});

// What the operating system says about a process, read here independently of the engine's code:
// field 3 (state) and field 22 (start time in clock ticks since boot) of /proc/<pid>/stat.
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTicks: fields[19] };
  } catch {
    return undefined;
  }
}

const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** The lock file a process with this pid and start time would have written. */
function writeLock(dataDir: string, pid: number, startTicks: string): void {
  writeFileSync(path.join(dataDir, 'engine.lock'), `${pid} proc:${startTicks} ${bootId()}\n`);
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Runs a shell script, resolving with its first line of output. */
function shell(script: string): Promise<string> {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', () => reject(new Error(`the script ended before printing: ${script}`)));
  });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * The cases `kill(pid, 0)` gets wrong (issue 20): it answers for a zombie nobody has reaped and for
 * an unrelated process that was given the dead engine's pid, so the folder stayed locked.
 */
describe.skipIf(embeddedOnly || process.platform !== 'linux')(
  'whose lock is it (owner identity from /proc)',
  () => {
    it('takes over a lock whose owner is a zombie nobody reaped', async () => {
      const dataDir = await makeTempDir('lock-zombie');
      // `sleep 60` takes over the shell's pid and never waits for its child `sleep 0.1`, which
      // ends a moment later and stays a zombie, as under a container init that does not reap.
      const zombie = Number(await shell('sleep 0.1 & echo $!; exec sleep 60'));
      await until(() => procStat(zombie)?.state === 'Z');
      writeLock(dataDir, zombie, procStat(zombie)?.startTicks ?? '');
      const logs: string[] = [];
      const engine = await startEngine({ dataDir, port: 0, logger: quietLogger(logs) });
      expect(procStat(zombie)?.state, 'still a zombie while the engine started').toBe('Z');
      await engine.stop();
      expect(logs).toContainEqual(
        `info: engine: took over the lock of process ${zombie}, which no longer runs`,
      );
      await removeDir(dataDir);
    });

    it('takes over a lock naming a live process that started at another time', async () => {
      const dataDir = await makeTempDir('lock-reused');
      // A live, unrelated process with the pid the lock names: the pid was reused.
      const other = Number(await shell('echo $$; exec sleep 60'));
      const { startTicks = '' } = procStat(other) ?? {};
      writeLock(dataDir, other, String(Number(startTicks) - 1));
      const engine = await startEngine({ dataDir, port: 0, logger: quietLogger([]) });
      expect(procStat(other)?.state, 'the unrelated process still runs').not.toBe('Z');
      await engine.stop();
      await removeDir(dataDir);
    });

    it('takes over a lock of a process that has gone, and an unreadable one', async () => {
      const dataDir = await makeTempDir('lock-gone');
      const gone = spawn('true');
      await new Promise((resolve) => gone.once('exit', resolve));
      writeLock(dataDir, gone.pid ?? 0, '1');
      await (await startEngine({ dataDir, port: 0, logger: quietLogger([]) })).stop();
      writeFileSync(path.join(dataDir, 'engine.lock'), '');
      await (await startEngine({ dataDir, port: 0, logger: quietLogger([]) })).stop();
      expect((await readdir(dataDir)).filter((f) => f.includes('lock'))).toEqual([]);
      await removeDir(dataDir);
    });

    it('refuses while the engine the lock names runs, and names it', async () => {
      const dataDir = await makeTempDir('lock-live');
      const child = await spawnEngineChild(dataDir);
      try {
        const pid = child.proc.pid ?? 0;
        expect(readFileSync(path.join(dataDir, 'engine.lock'), 'utf8')).toBe(
          `${pid} proc:${procStat(pid)?.startTicks} ${bootId()}\n`,
        );
        await expect(startEngine({ dataDir, port: 0, logger: quietLogger([]) })).rejects.toThrow(
          `is already in use by another engine (process ${pid}, lock file engine.lock)`,
        );
      } finally {
        expect(await child.stop()).toBe(0);
      }
      await removeDir(dataDir);
    });
  },
);

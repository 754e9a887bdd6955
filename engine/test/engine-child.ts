import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('./fixtures/engine-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface EngineChild {
  uri: string;
  port: number;
  /** The engine's process (with `unreaped`, not `proc`, whose child it is). */
  pid: number;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM and wait for the exit; SIGKILL after `graceMs` if it hangs. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>;
}

export interface ChildFailure {
  code: number | null;
  stderr: string;
}

export interface ChildOptions {
  /** Compact the journal past this many bytes (the engine's default otherwise). */
  compactAfterBytes?: number;
  /** `false`: no authentication, for raw-socket suites (see harness.ts). */
  auth?: false;
  /**
   * Run the engine under a parent that never reaps it (`proc` is that parent): once killed, the
   * engine stays a zombie, as under a container init that does not reap. `exited` and `stop` then
   * follow the parent, not the engine; `kill` only sends the signal.
   */
  unreaped?: boolean;
}

function launch(dataDir: string, options: ChildOptions): ChildProcess {
  const args = ['--import', 'tsx', fixture, dataDir];
  if (options.compactAfterBytes !== undefined) {
    args.push('--compact-after', String(options.compactAfterBytes));
  }
  if (options.auth === false) args.push('--no-auth');
  if (options.unreaped) {
    // The shell starts the engine, then becomes `sleep` (same pid), which never waits for it.
    return spawn('sh', ['-c', '"$0" "$@" & exec sleep 86400', process.execPath, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  return spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the engine in a child process; rejects with its stderr if it exits before listening. */
export function spawnEngineChild(
  dataDir: string,
  options: ChildOptions = {},
): Promise<EngineChild> {
  const proc = launch(dataDir, options);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise<EngineChild>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`engine child did not start within 30 s; stderr: ${err}`));
    }, 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`engine child exited (${code}): ${err}`), { code, stderr: err }),
      );
    });
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const { port, uri, pid } = JSON.parse(line) as { port: number; uri: string; pid: number };
      resolve({
        uri,
        port,
        pid,
        proc,
        stderr: () => err,
        exited,
        stop: async (graceMs = 10_000) => {
          proc.kill('SIGTERM');
          const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
          const code = await exited;
          clearTimeout(timer);
          return code;
        },
        kill: async () => {
          if (options.unreaped) {
            process.kill(pid, 'SIGKILL');
            return;
          }
          proc.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

/** Runs a child that is expected to fail to start; resolves with its exit code and stderr. */
export async function expectChildStartFailure(dataDir: string): Promise<ChildFailure> {
  try {
    const child = await spawnEngineChild(dataDir);
    await child.kill();
    throw new Error('the engine child started although it should not have');
  } catch (error) {
    const failure = error as Partial<ChildFailure>;
    if (failure.stderr === undefined) throw error;
    return { code: failure.code ?? null, stderr: failure.stderr };
  }
}

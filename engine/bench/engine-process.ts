import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface EngineProcess {
  uri: string;
  /** What the engine printed on stdout so far (its recovery line, its connection string). */
  output(): string;
  /**
   * CPU time (user + system) the engine process has used so far, in milliseconds, read from
   * /proc; undefined where there is none. On a shared machine the wall time includes waiting.
   */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

let ticksPerSecond: number | undefined;

function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing bracket.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
  } catch {
    return undefined;
  }
}

/**
 * Runs the embedded engine the way `npm run engine` does, in its own process, so the benchmark's
 * clients do not share an event loop with the server (as with a real mongod).
 */
export function startEngineProcess(
  dataDir: string,
  readyWithinMs = 30_000,
): Promise<EngineProcess> {
  // ENGINE_NODE_ARGS: extra node flags for the engine alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
  const nodeArgs = (process.env.ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'engine/src/cli.ts', '--port', '0', '--data', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  let out = '';
  let err = '';
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`engine did not start within ${readyWithinMs / 1000} s: ${err}`));
    }, readyWithinMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited (${code}): ${err}`));
    });
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const uri = /mongodb:\/\/\S+/.exec(out)?.[0];
      if (!uri) return;
      clearTimeout(timer);
      resolve({
        uri,
        output: () => out,
        cpuMs: () => processCpuMs(proc.pid),
        stop: async () => {
          proc.kill('SIGTERM');
          const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(kill);
        },
      });
    });
  });
}

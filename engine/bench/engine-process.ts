import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface EngineProcess {
  uri: string;
  /** What the engine printed on stdout so far (its recovery line, its connection string). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs the embedded engine the way `npm run engine` does, in its own process, so the benchmark's
 * clients do not share an event loop with the server (as with a real mongod).
 */
export function startEngineProcess(
  dataDir: string,
  readyWithinMs = 30_000,
): Promise<EngineProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'engine/src/cli.ts', '--port', '0', '--data', dataDir],
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

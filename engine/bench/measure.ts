import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Sequential 100-byte write + fsync pairs for about `ms`: the ceiling of a journal without group commit. */
export function fsyncPerSecond(dir: string, ms = 2000): number {
  const file = join(dir, 'fsync-probe.bin');
  const fd = openSync(file, 'w');
  const record = Buffer.alloc(100, 7);
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  try {
    while (process.hrtime.bigint() < deadline && ops < 1_000_000) {
      writeSync(fd, record);
      fsyncSync(fd);
      ops++;
    }
  } finally {
    closeSync(fd);
    unlinkSync(file);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return ops / seconds;
}

/** Operations per second, and CPU per operation of this process (the client) and the engine's. */
export interface OpsResult {
  perSecond: number;
  ops: number;
  clientCpuUsPerOp: number;
  /** From the engine process's /proc figures; undefined when it runs elsewhere. */
  engineCpuUsPerOp: number | undefined;
}

/** The engine process's CPU time so far (ms), when the benchmark can read it. */
export type EngineCpu = () => number | undefined;

/**
 * Runs `loops` concurrent loops of `op` until `ms` elapse (or `maxOps` in total) and returns
 * operations per second over the measured time, with the CPU each side spent per operation.
 */
export async function opsPerSecond(
  loops: number,
  ms: number,
  op: (loop: number, i: number) => Promise<unknown>,
  engineCpu: EngineCpu = () => undefined,
  maxOps = 5_000_000,
): Promise<OpsResult> {
  let done = 0;
  const engineBefore = engineCpu();
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let i = 0; performance.now() < deadline && done < maxOps; i++) {
        await op(loop, i);
        done++;
      }
    }),
  );
  const elapsed = performance.now() - start;
  const client = process.cpuUsage(clientBefore);
  const engineAfter = engineCpu();
  const ops = Math.max(1, done);
  return {
    perSecond: done / (elapsed / 1000),
    ops: done,
    clientCpuUsPerOp: (client.user + client.system) / ops,
    engineCpuUsPerOp:
      engineBefore === undefined || engineAfter === undefined
        ? undefined
        : ((engineAfter - engineBefore) * 1000) / ops,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

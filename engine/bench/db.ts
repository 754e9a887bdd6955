// npm run bench:db — embedded engine (fresh temp folder, own process as `npm run engine` runs it)
// and, with MONGODB_URI, that server too; then the embedded engine's start-up time on a folder of
// 1,000,000 documents in a snapshot plus a 64 MiB journal. BENCH_ONLY=startup runs only that,
// BENCH_ONLY=engine everything but that.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';

import { startEngineProcess } from './engine-process.js';
import { type EngineCpu, fsyncPerSecond } from './measure.js';
import {
  JOURNAL_BYTES,
  SNAPSHOT_DOCS,
  type StartupResult,
  startupTime,
  writeStartupFolder,
} from './startup.js';
import {
  findOnePerSecond,
  GROUP_DOCS,
  group100kMs,
  INSERT_CLIENTS,
  insertsPerSecond,
  LOOKUP_LOOPS,
} from './workloads.js';

interface Result {
  engine: 'embedded' | 'external';
  fsyncPerSec: number;
  insertsPerSec: number;
  findOnePerSec: number;
  group100kMs: number;
  /** CPU per operation, µs: the benchmark's own client, and the engine (embedded only). */
  cpuUsPerOp: {
    insertClient: number;
    insertEngine?: number;
    findOneClient: number;
    findOneEngine?: number;
  };
  /** fdatasync calls during the insert loop, per insert (embedded only). */
  syncsPerInsert?: number;
}

function us(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value);
}

const LOOP_MS = 5000;

/** The embedded engine's fdatasync count (serverStatus.journal.fsyncs); undefined elsewhere. */
async function fsyncCount(uri: string): Promise<number | undefined> {
  const client = new MongoClient(uri);
  try {
    const status = await client.db('admin').command({ serverStatus: 1 });
    const journal = status.journal as { fsyncs?: unknown } | undefined;
    return typeof journal?.fsyncs === 'number' ? journal.fsyncs : undefined;
  } finally {
    await client.close();
  }
}

async function measure(
  kind: Result['engine'],
  uri: string,
  fsyncRate: number,
  engineCpu?: EngineCpu,
): Promise<Result> {
  const dbName = `bench_${randomBytes(4).toString('hex')}`;
  try {
    process.stderr.write(`[${kind}] inserts with ${INSERT_CLIENTS} clients…\n`);
    const syncsBefore = await fsyncCount(uri);
    const inserts = await insertsPerSecond(uri, dbName, LOOP_MS, engineCpu);
    const syncsAfter = await fsyncCount(uri);
    process.stderr.write(`[${kind}] indexed findOne with ${LOOKUP_LOOPS} loops…\n`);
    const lookups = await findOnePerSecond(uri, dbName, LOOP_MS, engineCpu);
    process.stderr.write(`[${kind}] $group over ${GROUP_DOCS} documents…\n`);
    const group = await group100kMs(uri, dbName);
    return {
      engine: kind,
      fsyncPerSec: Math.round(fsyncRate),
      insertsPerSec: Math.round(inserts.perSecond),
      findOnePerSec: Math.round(lookups.perSecond),
      group100kMs: Math.round(group),
      cpuUsPerOp: {
        insertClient: Math.round(inserts.clientCpuUsPerOp),
        insertEngine: us(inserts.engineCpuUsPerOp),
        findOneClient: Math.round(lookups.clientCpuUsPerOp),
        findOneEngine: us(lookups.engineCpuUsPerOp),
      },
      syncsPerInsert:
        syncsBefore === undefined || syncsAfter === undefined
          ? undefined
          : Math.round(((syncsAfter - syncsBefore) / Math.max(1, inserts.ops)) * 1000) / 1000,
    };
  } finally {
    const client = new MongoClient(uri);
    await client.db(dbName).dropDatabase();
    await client.close();
  }
}

/** The speed targets, each judged on figures from the same run. */
const TARGETS: { name: string; met: (r: Result) => boolean }[] = [
  {
    name: 'durable inserts ≥ 2× the disk fsync rate',
    met: (r) => r.insertsPerSec >= 2 * r.fsyncPerSec,
  },
  {
    name: 'indexed findOne ≥ 10,000/s',
    met: (r) => r.findOnePerSec >= 10_000,
  },
  {
    name: '$group over 100k < 0.5 s',
    met: (r) => r.group100kMs < 500,
  },
];

function table(results: Result[]): string {
  const rows: [string, (r: Result) => string, string][] = [
    [
      'disk: 100 B write+fsync pairs/s',
      (r) => String(r.fsyncPerSec),
      '(ceiling without group commit)',
    ],
    [
      `inserts/s, ${INSERT_CLIENTS} clients`,
      (r) => `${r.insertsPerSec} (${(r.insertsPerSec / Math.max(1, r.fsyncPerSec)).toFixed(2)}×)`,
      'target ≥ 2× the fsync rate',
    ],
    [
      '  fdatasyncs per insert',
      (r) => (r.syncsPerInsert === undefined ? 'n/a' : String(r.syncsPerInsert)),
      '(group commit shares one among the inserts)',
    ],
    [
      '  CPU per insert, µs: client / engine',
      (r) => `${r.cpuUsPerOp.insertClient} / ${r.cpuUsPerOp.insertEngine ?? 'n/a'}`,
      '(2 cores: the sum bounds the rate)',
    ],
    [`indexed findOne/s, ${LOOKUP_LOOPS} loops`, (r) => String(r.findOnePerSec), 'target ≥ 10000'],
    [
      '  CPU per findOne, µs: client / engine',
      (r) => `${r.cpuUsPerOp.findOneClient} / ${r.cpuUsPerOp.findOneEngine ?? 'n/a'}`,
      '',
    ],
    [
      `$group over ${GROUP_DOCS / 1000}k docs, ms (median of 3)`,
      (r) => String(r.group100kMs),
      'target < 500',
    ],
    ...TARGETS.map((target): [string, (r: Result) => string, string] => [
      `target: ${target.name}`,
      (r) => (target.met(r) ? 'met' : 'NOT MET'),
      '',
    ]),
  ];
  const header = ['measure', ...results.map((r) => r.engine), 'note'];
  const lines = [header, ...rows.map(([name, get, note]) => [name, ...results.map(get), note])];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map((l) =>
      l
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function startup(): Promise<StartupResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'innerloop-bench-startup-'));
  try {
    process.stderr.write(
      `[embedded] start-up: writing ${SNAPSHOT_DOCS} documents in a snapshot and a ${JOURNAL_BYTES / 1024 / 1024} MiB journal…\n`,
    );
    await writeStartupFolder(dataDir);
    process.stderr.write('[embedded] start-up: opening it…\n');
    return await startupTime(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function startupTable(r: StartupResult): string {
  const rows = [
    [
      `start-up, ${SNAPSHOT_DOCS / 1e6}M docs snapshot + ${JOURNAL_BYTES / 1024 / 1024} MiB journal`,
      '',
    ],
    ['  process start to connection string, ms', String(r.readyMs)],
    ['  recovery (engine log), ms', String(r.recoveryMs)],
    [
      '  engine process CPU to connection string, ms',
      r.cpuMs === undefined ? 'n/a' : String(r.cpuMs),
    ],
    [`  journal records replayed`, String(r.journalRecords)],
    ['  documents loaded + replayed per second', String(r.docsPerSec)],
    ['  journal records replayed per second', String(r.recordsPerSec)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'startup') {
    const result = await startup();
    process.stdout.write(`${startupTable(result)}\n${result.line}\n`);
    process.stdout.write(`${JSON.stringify({ startup: result })}\n`);
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'innerloop-bench-'));
  const results: Result[] = [];
  try {
    process.stderr.write('disk fsync rate…\n');
    const fsyncRate = fsyncPerSecond(dataDir);
    const engine = await startEngineProcess(dataDir);
    try {
      results.push(await measure('embedded', engine.uri, fsyncRate, () => engine.cpuMs()));
    } finally {
      await engine.stop();
    }
    const external = process.env.MONGODB_URI;
    if (external) results.push(await measure('external', external, fsyncRate));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_ONLY === 'engine') {
    process.stdout.write(`${table(results)}\n`);
    process.stdout.write(
      `${JSON.stringify({ results: results.length === 1 ? results[0] : results })}\n`,
    );
    return;
  }
  const started = await startup();
  process.stdout.write(`${table(results)}\n\n${startupTable(started)}\n`);
  process.stdout.write(
    `${JSON.stringify({ results: results.length === 1 ? results[0] : results, startup: started })}\n`,
  );
}

await main();

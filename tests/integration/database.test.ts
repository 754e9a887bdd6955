import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import mongoose, { model, Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../app/utils/log.server';
import {
  connectDatabase,
  databaseInfo,
  disconnectDatabase,
  pingDatabase,
} from '../../models/connection.server';
import { createApp } from '../../server/app';
import { serverUrl } from '../support/server-url';

// The connection module and /healthz against the real embedded engine, through a real HTTP
// server. Each worker has its own data folder and database.
const dbName = `innerloop-test-${process.env.VITEST_POOL_ID ?? '0'}`;
const dataDir = mkdtempSync(
  path.join(tmpdir(), `innerloop-db-${process.env.VITEST_POOL_ID ?? '0'}-`),
);
const logLines: string[] = [];
const logger = createLogger('info', (_level, line) => logLines.push(line));

// A collection only this test uses; each test file gets its own mongoose, so register directly.
const Probe = model('IntegrationProbe', new Schema({ label: { type: String, required: true } }));

let server: Server;
let base: string;

beforeAll(async () => {
  const app = createApp({
    logger,
    remix: (_request, response) => {
      response.status(404).send('no pages here');
    },
    health: { ping: () => pingDatabase(), info: databaseInfo },
    publicDir: dataDir,
    development: false,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = serverUrl(server);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (databaseInfo()) {
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const connect = () => connectDatabase({ dataDir, dbName, localMongod: null, logger });

describe('connection module on the embedded engine', () => {
  it('starts the engine under DATA_DIR and says so in exactly one line', async () => {
    logLines.length = 0;
    const info = await connect();
    expect(info).toEqual({ engine: 'embedded', where: path.join(dataDir, 'engine'), dbName });
    expect(databaseInfo()).toEqual(info);
    const announcements = logLines.filter((line) => line.includes('Database:'));
    expect(announcements).toHaveLength(1);
    expect(announcements[0]).toMatch(
      new RegExp(`Database: embedded engine on 127\\.0\\.0\\.1:\\d+, data in ${dataDir}/engine`),
    );
    // The engine's start-up line: how long recovery took, what it replayed, whether it cut a record.
    expect(logLines).toContainEqual(
      expect.stringMatching(
        /INFO {2}engine: recovery took \d+ ms: no snapshot, then 0 journal records \(0 operations\) replayed from 0 journal files; no torn record$/,
      ),
    );
  });

  it('connects once per process however often it is asked', async () => {
    logLines.length = 0;
    const [first, second] = await Promise.all([connect(), connect()]);
    expect(second).toBe(first);
    expect(logLines.filter((line) => line.includes('Database:'))).toHaveLength(0);
  });

  it('stores and reads documents through mongoose, in this worker’s database', async () => {
    await Probe.create({ label: 'hello' });
    expect(mongoose.connection.db?.databaseName).toBe(dbName);
    const found = await Probe.findOne({ label: 'hello' }).lean();
    expect(found?.label).toBe('hello');
  });

  it('answers /healthz with 200 and the engine kind', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, engine: 'embedded', database: 'up' });
  });

  it('answers /healthz with 503 once the database is gone', async () => {
    await disconnectDatabase();
    expect(databaseInfo()).toBeUndefined();
    expect(await pingDatabase()).toBe(false);
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: 'down' });
  });

  it('keeps the data across a restart of the engine', async () => {
    await connect();
    expect(await Probe.countDocuments({ label: 'hello' })).toBe(1);
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
  });
});

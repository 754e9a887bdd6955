// The attack: another process on the app's machine connects to the embedded engine's port (any
// user can list listening ports) and makes an employee an HR admin, or reads the answers. The app
// starts its engine with a credential made for that start and never logged, so without it the
// attacker can do nothing, while the app itself works as before.
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../app/utils/log.server';
import { connectDatabase, databaseInfo, disconnectDatabase } from '../../models/connection.server';
import { PersonModel } from '../../models/person.server';

const worker = process.env.VITEST_POOL_ID ?? '0';
const dbName = `innerloop-access-${worker}`;
const root = path.join(tmpdir(), `innerloop-access-${worker}-${process.pid}`);
// DATA_DIR as an operator might have made it, readable by everyone.
const dataDir = path.join(root, 'data');
const logLines: string[] = [];
const logger = createLogger('debug', (_level, line) => logLines.push(line));

let personId: mongoose.Types.ObjectId;
let attacker: MongoClient;

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  await connectDatabase({ dataDir, dbName, localMongod: null, logger, engineThread: true });
  const person = await PersonModel.create({
    name: 'Ann Employee',
    email: 'ann@example.com',
    emailKey: 'ann@example.com',
    departmentId: new mongoose.Types.ObjectId(),
  });
  personId = person._id;
  // What a local process finds: the engine's loopback port, and no credential.
  attacker = new MongoClient(
    `mongodb://127.0.0.1:${mongoose.connection.port}/?directConnection=true`,
    { serverSelectionTimeoutMS: 5000 },
  );
});

afterAll(async () => {
  await attacker?.close();
  if (databaseInfo()) {
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
  }
  rmSync(root, { recursive: true, force: true });
});

/** The MongoDB error code an attempt ends with, or 'succeeded'. */
async function codeOf(attempt: () => Promise<unknown>): Promise<unknown> {
  return attempt().then(
    () => 'succeeded',
    (error: unknown) => (error as { code?: unknown }).code,
  );
}

describe("the app's embedded engine, reached by another local process", () => {
  it('cannot make an employee an HR admin', async () => {
    const people = attacker.db(dbName).collection(PersonModel.collection.collectionName);
    expect(
      await codeOf(() => people.updateOne({ _id: personId }, { $set: { hrAdmin: true } })),
    ).toBe(13);
    expect(await codeOf(() => people.insertOne({ name: 'Mallory', hrAdmin: true }))).toBe(13);
    const stored = await PersonModel.findById(personId).lean();
    expect(stored?.hrAdmin).toBe(false);
    expect(await PersonModel.countDocuments({ hrAdmin: true })).toBe(0);
  });

  it('cannot list or read anything', async () => {
    const db = attacker.db(dbName);
    expect(await codeOf(() => db.listCollections().toArray())).toBe(13);
    expect(await codeOf(() => attacker.db('admin').admin().listDatabases())).toBe(13);
    expect(await codeOf(() => db.collection('people').find().toArray())).toBe(13);
    expect(await codeOf(() => db.collection('responses').aggregate([]).toArray())).toBe(13);
  });

  it('cannot get in by guessing the password (18)', async () => {
    const guess = new MongoClient(
      `mongodb://innerloop:guess@127.0.0.1:${mongoose.connection.port}/?authSource=admin&directConnection=true`,
      { serverSelectionTimeoutMS: 5000 },
    );
    expect(await codeOf(() => guess.connect())).toBe(18);
    await guess.close();
  });

  it('while the app, with its credential, reads and writes as before', async () => {
    await PersonModel.updateOne({ _id: personId }, { $set: { name: 'Ann E.' } });
    expect((await PersonModel.findById(personId).lean())?.name).toBe('Ann E.');
  });

  it('logs how a tool connects but never the password; the URI file is owner-only', async () => {
    const uriFile = path.join(dataDir, 'engine', 'mongodb-uri.txt');
    const announcement = logLines.find((line) => line.includes('Database: embedded engine'));
    expect(announcement).toContain(uriFile);
    const uri = readFileSync(uriFile, 'utf8').trim();
    const password = decodeURIComponent(new URL(uri.replace(/^mongodb:/, 'http:')).password);
    expect(password.length).toBeGreaterThanOrEqual(43);
    for (const line of logLines) expect(line).not.toContain(password);
    expect(statSync(uriFile).mode & 0o777).toBe(0o600);
    // The file is what a tool needs: mongosh or Compass given this URI get in.
    const tool = await MongoClient.connect(uri);
    expect(await tool.db(dbName).collection('people').countDocuments()).toBe(1);
    await tool.close();
  });

  it('keeps DATA_DIR and the engine folder readable by their owner only', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'engine')).mode & 0o777).toBe(0o700);
  });
});

// Access to the embedded engine: SCRAM-SHA-256 as MongoDB speaks it. Embedded only: a real
// MongoDB from MONGODB_URI has its own users (or none), so these run only against the engine.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

import { Binary, type Document } from 'bson';
import { MongoClient, MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningEngine } from '../src/index.js';
import { startEngine } from '../src/index.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';
import { addressOf, opMsg } from './wire.js';
import { WireSession } from './wire-session.js';

const credential = { username: 'tester', password: 'a long test password' };
let engine: RunningEngine;
let dataDir: string;
let nextId = 1;

beforeAll(async () => {
  if (embeddedOnly) return;
  dataDir = await makeTempDir('auth');
  engine = await startEngine({ dataDir, auth: credential, logger: quietLogger([]) });
});

afterAll(async () => {
  await engine?.stop();
  if (dataDir) await removeDir(dataDir);
});

/** The engine's address with no credential: what any other local process can reach. */
const anonymousUri = () => `mongodb://127.0.0.1:${engine.port}/?directConnection=true`;

async function rawSession(): Promise<WireSession> {
  return WireSession.open(addressOf(engine.uri));
}

async function run(session: WireSession, command: Document, db = 'authtest'): Promise<Document> {
  const reply = await session.request(opMsg({ ...command, $db: db }, nextId++));
  return reply.body;
}

const text = (payload: unknown) =>
  payload instanceof Binary
    ? Buffer.from(payload.buffer.subarray(0, payload.position)).toString()
    : '';
const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** The client's half of SCRAM-SHA-256, written out so the tests can drive each step by hand. */
function scramClient(username: string, password: string) {
  const clientNonce = randomBytes(18).toString('base64');
  const bare = `n=${username},r=${clientNonce}`;
  return {
    clientNonce,
    first: new Binary(Buffer.from(`n,,${bare}`)),
    final(serverFirst: string) {
      const fields = Object.fromEntries(serverFirst.split(',').map((f) => [f[0], f.slice(2)]));
      const salted = pbkdf2Sync(
        password,
        Buffer.from(fields.s ?? '', 'base64'),
        Number(fields.i),
        32,
        'sha256',
      );
      const clientKey = hmac(salted, 'Client Key');
      const withoutProof = `c=biws,r=${fields.r}`;
      const authMessage = `${bare},${serverFirst},${withoutProof}`;
      const signature = hmac(createHash('sha256').update(clientKey).digest(), authMessage);
      const proof = Buffer.from(clientKey.map((byte, i) => byte ^ (signature[i] ?? 0)));
      return {
        payload: new Binary(Buffer.from(`${withoutProof},p=${proof.toString('base64')}`)),
        serverSignature: `v=${hmac(hmac(salted, 'Server Key'), authMessage).toString('base64')}`,
      };
    },
  };
}

/** Authenticates a raw connection the way the driver does (saslStart, one saslContinue). */
async function authenticate(session: WireSession, password = credential.password) {
  const client = scramClient(credential.username, password);
  const start = await run(
    session,
    {
      saslStart: 1,
      mechanism: 'SCRAM-SHA-256',
      payload: client.first,
      options: { skipEmptyExchange: true },
    },
    'admin',
  );
  const final = client.final(text(start.payload));
  const reply = await run(
    session,
    { saslContinue: 1, conversationId: 1, payload: final.payload },
    'admin',
  );
  return { start, reply, serverSignature: final.serverSignature };
}

const unauthorized = (name: string) => ({
  ok: 0,
  code: 13,
  codeName: 'Unauthorized',
  errmsg: `Command ${name} requires authentication`,
});

describe.skipIf(embeddedOnly)('engine access (SCRAM-SHA-256, embedded engine)', () => {
  it('serves the driver and mongoose that connect with the credential in its URI', async () => {
    expect(engine.uri).toMatch(/^mongodb:\/\/tester:a%20long%20test%20password@127\.0\.0\.1:\d+\//);
    expect(engine.uri).toContain('authSource=admin');
    const client = await MongoClient.connect(engine.uri);
    await client.db('authtest').collection<{ _id: number; via: string }>('c').insertOne({
      _id: 1,
      via: 'driver',
    });
    const status = await client.db('admin').command({ connectionStatus: 1 });
    expect(status.authInfo).toEqual({
      authenticatedUsers: [{ user: 'tester', db: 'admin' }],
      authenticatedUserRoles: [{ role: 'root', db: 'admin' }],
    });
    await client.close();

    const connection = await mongoose
      .createConnection(engine.uri, { dbName: 'authtest' })
      .asPromise();
    const Thing = connection.model('Thing', new mongoose.Schema({ via: String }), 'c');
    await Thing.create({ via: 'mongoose' });
    expect(await Thing.countDocuments()).toBe(2);
    await connection.close();
  });

  it('refuses a wrong password, and a wrong user, with 18 "Authentication failed."', async () => {
    for (const uri of [
      engine.uri.replace('a%20long%20test%20password', 'a%20long%20test%20passwore'),
      engine.uri.replace('tester:', 'root:'),
    ]) {
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: 3000 });
      const error: unknown = await client.connect().then(
        () => undefined,
        (e: unknown) => e,
      );
      await client.close();
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({ code: 18, codeName: 'AuthenticationFailed' });
      expect((error as Error).message).toBe('Authentication failed.');
    }
  });

  it('lets a client without the credential read or change nothing (13 Unauthorized)', async () => {
    const anonymous = new MongoClient(anonymousUri(), { serverSelectionTimeoutMS: 3000 });
    const collection = anonymous
      .db('authtest')
      .collection<{ _id: number; intruder?: boolean; hrAdmin?: boolean }>('c');
    const attempts: [string, () => Promise<unknown>][] = [
      ['find', () => collection.findOne({})],
      ['insert', () => collection.insertOne({ _id: 99, intruder: true })],
      ['update', () => collection.updateOne({ _id: 1 }, { $set: { hrAdmin: true } })],
      ['delete', () => collection.deleteMany({})],
      ['listCollections', () => anonymous.db('authtest').listCollections().toArray()],
      ['listDatabases', () => anonymous.db('admin').admin().listDatabases()],
      ['dropDatabase', () => anonymous.db('authtest').dropDatabase()],
    ];
    for (const [name, attempt] of attempts) {
      const error: unknown = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, name).toMatchObject({ code: 13, codeName: 'Unauthorized' });
      expect((error as Error).message).toBe(`Command ${name} requires authentication`);
    }
    // ping answers unauthenticated, as on MongoDB.
    expect(await anonymous.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await anonymous.close();

    const client = await MongoClient.connect(engine.uri);
    const documents = await client.db('authtest').collection('c').find().toArray();
    expect(documents.filter((doc) => doc.intruder || doc.hrAdmin)).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
    await client.close();
  });

  it('answers only the handshake commands before authentication', async () => {
    const session = await rawSession();
    try {
      for (const command of [
        { hello: 1 },
        { isMaster: 1 },
        { ismaster: 1 },
        { buildInfo: 1 },
        { ping: 1 },
        { connectionStatus: 1 },
      ]) {
        expect(await run(session, command), JSON.stringify(command)).toMatchObject({ ok: 1 });
      }
      for (const command of [
        { find: 'c' },
        { aggregate: 'c', pipeline: [], cursor: {} },
        { getMore: 1, collection: 'c' },
        { killCursors: 'c', cursors: [] },
        { count: 'c' },
        { createIndexes: 'c', indexes: [{ key: { a: 1 }, name: 'a_1' }] },
        { serverStatus: 1 },
        { endSessions: [] },
        { hostInfo: 1 },
        { logout: 1 },
      ]) {
        const name = Object.keys(command)[0] ?? '';
        expect(await run(session, command), name).toEqual(unauthorized(name));
      }
      // An unknown command is still unknown (59), as MongoDB checks that first.
      expect(await run(session, { noSuchCommand: 1 })).toMatchObject({ code: 59 });
    } finally {
      session.close();
    }
  });

  it('authenticates per connection: one connection proving itself opens no other', async () => {
    const first = await rawSession();
    const second = await rawSession();
    try {
      const { start, reply, serverSignature } = await authenticate(first);
      expect(start).toMatchObject({ ok: 1, conversationId: 1, done: false });
      expect(start.payload).toBeInstanceOf(Binary);
      expect(reply).toMatchObject({ ok: 1, conversationId: 1, done: true });
      // The engine proves it knows the password too.
      expect(text(reply.payload)).toBe(serverSignature);
      expect(await run(first, { find: 'c' })).toMatchObject({ ok: 1 });
      expect(await run(second, { find: 'c' })).toEqual(unauthorized('find'));
      // logout ends it for that connection.
      expect(await run(first, { logout: 1 })).toMatchObject({ ok: 1 });
      expect(await run(first, { find: 'c' })).toEqual(unauthorized('find'));
    } finally {
      first.close();
      second.close();
    }
  });

  it('ends a conversation at a wrong proof', async () => {
    const session = await rawSession();
    try {
      const { start, reply } = await authenticate(session, 'not the password');
      expect(start).toMatchObject({ ok: 1 });
      expect(reply).toEqual({
        ok: 0,
        code: 18,
        codeName: 'AuthenticationFailed',
        errmsg: 'Authentication failed.',
      });
      expect(await run(session, { find: 'c' })).toEqual(unauthorized('find'));
      // The conversation is gone: continuing it is a protocol error, not a second chance.
      const again = await run(
        session,
        { saslContinue: 1, conversationId: 1, payload: new Binary(Buffer.from('c=biws')) },
        'admin',
      );
      expect(again).toMatchObject({ ok: 0, code: 17, codeName: 'ProtocolError' });
    } finally {
      session.close();
    }
  });

  it('takes one more, empty, round trip for a client that does not skip it', async () => {
    const session = await rawSession();
    try {
      const client = scramClient(credential.username, credential.password);
      const start = await run(
        session,
        { saslStart: 1, mechanism: 'SCRAM-SHA-256', payload: client.first },
        'admin',
      );
      const final = client.final(text(start.payload));
      const proved = await run(
        session,
        { saslContinue: 1, conversationId: 1, payload: final.payload },
        'admin',
      );
      expect(proved).toMatchObject({ ok: 1, done: false });
      expect(text(proved.payload)).toBe(final.serverSignature);
      expect(await run(session, { find: 'c' })).toEqual(unauthorized('find'));
      const done = await run(
        session,
        { saslContinue: 1, conversationId: 1, payload: new Binary(Buffer.alloc(0)) },
        'admin',
      );
      expect(done).toMatchObject({ ok: 1, done: true });
      expect(await run(session, { find: 'c' })).toMatchObject({ ok: 1 });
    } finally {
      session.close();
    }
  });

  it('offers SCRAM-SHA-256 in hello for its user only, and answers speculativeAuthenticate', async () => {
    const session = await rawSession();
    try {
      const mechs = await run(session, { hello: 1, saslSupportedMechs: 'admin.tester' }, 'admin');
      expect(mechs.saslSupportedMechs).toEqual(['SCRAM-SHA-256']);
      const unknown = await run(session, { hello: 1, saslSupportedMechs: 'admin.nobody' }, 'admin');
      expect(unknown).not.toHaveProperty('saslSupportedMechs');

      const client = scramClient(credential.username, credential.password);
      const hello = await run(
        session,
        {
          hello: 1,
          saslSupportedMechs: 'admin.tester',
          speculativeAuthenticate: {
            saslStart: 1,
            mechanism: 'SCRAM-SHA-256',
            payload: client.first,
            options: { skipEmptyExchange: true },
            db: 'admin',
          },
        },
        'admin',
      );
      expect(hello.speculativeAuthenticate).toMatchObject({ conversationId: 1, done: false });
      const serverFirst = text((hello.speculativeAuthenticate as Document).payload);
      expect(serverFirst).toMatch(new RegExp(`^r=${escape(client.clientNonce)}.+,s=.+,i=15000$`));
      const final = client.final(serverFirst);
      const reply = await run(
        session,
        { saslContinue: 1, conversationId: 1, payload: final.payload },
        'admin',
      );
      expect(reply).toMatchObject({ ok: 1, done: true });
      expect(await run(session, { find: 'c' })).toMatchObject({ ok: 1 });
    } finally {
      session.close();
    }
  });

  it('leaves speculativeAuthenticate out for a user it does not have', async () => {
    const session = await rawSession();
    try {
      const client = scramClient('nobody', 'whatever');
      const hello = await run(
        session,
        {
          hello: 1,
          speculativeAuthenticate: {
            saslStart: 1,
            mechanism: 'SCRAM-SHA-256',
            payload: client.first,
            db: 'admin',
          },
        },
        'admin',
      );
      expect(hello).toMatchObject({ ok: 1 });
      expect(hello).not.toHaveProperty('speculativeAuthenticate');
    } finally {
      session.close();
    }
  });

  it('refuses other mechanisms and other authentication databases', async () => {
    const session = await rawSession();
    try {
      const first = scramClient(credential.username, credential.password).first;
      const sha1 = await run(
        session,
        { saslStart: 1, mechanism: 'SCRAM-SHA-1', payload: first },
        'admin',
      );
      expect(sha1).toMatchObject({ ok: 0, code: 18 });
      const plain = await run(
        session,
        { saslStart: 1, mechanism: 'PLAIN', payload: first },
        'admin',
      );
      expect(plain).toMatchObject({ ok: 0, code: 334, codeName: 'MechanismUnavailable' });
      const otherDb = await run(
        session,
        { saslStart: 1, mechanism: 'SCRAM-SHA-256', payload: first },
        'authtest',
      );
      expect(otherDb).toMatchObject({ ok: 0, code: 18 });
    } finally {
      session.close();
    }
  });
});

describe.skipIf(embeddedOnly)('choosing authentication when starting an engine', () => {
  it('makes a new random credential at each start when none is given', async () => {
    const folder = await makeTempDir('auth-default');
    try {
      const passwords: string[] = [];
      for (let start = 0; start < 2; start++) {
        const started = await startEngine({ dataDir: folder, logger: quietLogger([]) });
        try {
          expect(started.auth).toBe(true);
          const password = new URL(started.uri.replace(/^mongodb:/, 'http:')).password;
          expect(password.length).toBeGreaterThanOrEqual(43);
          passwords.push(password);
          const client = await MongoClient.connect(started.uri);
          expect(await client.db('x').collection('c').countDocuments()).toBe(0);
          await client.close();
        } finally {
          await started.stop();
        }
      }
      expect(passwords[0]).not.toBe(passwords[1]);
    } finally {
      await removeDir(folder);
    }
  });

  it('answers everything without authentication only when told auth: false', async () => {
    const folder = await makeTempDir('auth-off');
    const open = await startEngine({ dataDir: folder, auth: false, logger: quietLogger([]) });
    try {
      expect(open.auth).toBe(false);
      expect(open.uri).toBe(`mongodb://127.0.0.1:${open.port}/?directConnection=true`);
      const client = await MongoClient.connect(open.uri);
      await client.db('x').collection('c').insertOne({ a: 1 });
      expect(await client.db('x').collection('c').countDocuments()).toBe(1);
      await client.close();
    } finally {
      await open.stop();
      await removeDir(folder);
    }
  });

  it('refuses a credential the driver would send differently', async () => {
    const folder = await makeTempDir('auth-bad');
    try {
      await expect(
        startEngine({
          dataDir: folder,
          auth: { username: 'a=b', password: 'long enough password' },
          logger: quietLogger([]),
        }),
      ).rejects.toThrow(/username/);
    } finally {
      await removeDir(folder);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

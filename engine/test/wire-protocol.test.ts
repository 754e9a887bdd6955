import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Target } from './harness.js';
import { connectTarget, uniqueDbName } from './harness.js';
import type { Address } from './wire.js';
import { addressOf, OP_MSG, OP_REPLY, opMsg, opQuery } from './wire.js';
import { WireSession } from './wire-session.js';

let target: Target;
let address: Address;
let session: WireSession;
const dbName = uniqueDbName(import.meta.url);
let nextId = 100;

beforeAll(async () => {
  // Hand-built frames on a raw socket test framing, not access: no authentication here.
  target = await connectTarget({ auth: false });
  address = addressOf(target.uri);
  session = await WireSession.open(address);
});

afterAll(async () => {
  session?.close();
  if (target) {
    const client = new MongoClient(target.uri);
    await client.db(dbName).dropDatabase();
    await client.close();
    await target.cleanup();
  }
});

describe('wire protocol', () => {
  it('answers a legacy OP_QUERY isMaster handshake with OP_REPLY', async () => {
    const id = nextId++;
    const reply = await session.request(opQuery('admin.$cmd', { isMaster: 1 }, id));
    expect(reply.opCode).toBe(OP_REPLY);
    expect(reply.responseTo).toBe(id);
    expect(reply.body).toMatchObject({ ok: 1, ismaster: true });
    expect(typeof reply.body.maxWireVersion).toBe('number');
  });

  it('answers OP_MSG hello and ping with OP_MSG, echoing the request id', async () => {
    const id = nextId++;
    const hello = await session.request(opMsg({ hello: 1, $db: 'admin' }, id));
    expect(hello.opCode).toBe(OP_MSG);
    expect(hello.responseTo).toBe(id);
    expect(hello.body).toMatchObject({ ok: 1, isWritablePrimary: true });
    const ping = await session.request(opMsg({ ping: 1, $db: dbName }, nextId++));
    expect(ping.body).toMatchObject({ ok: 1 });
  });

  it('accepts documents in kind-1 document sequences for insert, update and delete', async () => {
    const insert = await session.request(
      opMsg({ insert: 'seq', $db: dbName }, nextId++, [
        { identifier: 'documents', documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }, { _id: 4 }] },
      ]),
    );
    expect(insert.body).toMatchObject({ ok: 1, n: 4 });
    const update = await session.request(
      opMsg({ update: 'seq', $db: dbName }, nextId++, [
        {
          identifier: 'updates',
          documents: [
            { q: { _id: 1 }, u: { $set: { a: 1 } } },
            { q: { _id: { $gte: 2 } }, u: { $set: { b: 2 } }, multi: true },
          ],
        },
      ]),
    );
    expect(update.body).toMatchObject({ ok: 1, n: 4, nModified: 4 });
    const del = await session.request(
      opMsg({ delete: 'seq', $db: dbName }, nextId++, [
        { identifier: 'deletes', documents: [{ q: { _id: 4 }, limit: 1 }] },
      ]),
    );
    expect(del.body).toMatchObject({ ok: 1, n: 1 });
    const find = await session.request(
      opMsg({ find: 'seq', filter: {}, sort: { _id: 1 }, $db: dbName }, nextId++),
    );
    expect(find.body).toMatchObject({ ok: 1 });
    expect((find.body as { cursor: { firstBatch: unknown[] } }).cursor.firstBatch).toEqual([
      { _id: 1, a: 1 },
      { _id: 2, b: 2 },
      { _id: 3, b: 2 },
    ]);
  });

  it('does not reply to a moreToCome message but applies it', async () => {
    session.send(
      opMsg(
        { insert: 'fireAndForget', $db: dbName, writeConcern: { w: 0 } },
        nextId++,
        [{ identifier: 'documents', documents: [{ _id: 'quiet' }] }],
        2,
      ),
    );
    const count = await session.request(opMsg({ count: 'fireAndForget', $db: dbName }, nextId++));
    expect(count.body).toMatchObject({ ok: 1, n: 1 });
  });

  it('answers an unknown command on the raw connection with ok:0 and code 59', async () => {
    const reply = await session.request(opMsg({ noSuchThing: 1, $db: dbName }, nextId++));
    expect(reply.body).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
    expect(typeof reply.body.errmsg).toBe('string');
    const ping = await session.request(opMsg({ ping: 1, $db: 'admin' }, nextId++));
    expect(ping.body).toMatchObject({ ok: 1 });
  });
});

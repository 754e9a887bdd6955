import { UUID } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

describe('handshake and server commands', () => {
  it('answers hello like a writable standalone', async () => {
    const reply = await ctx().db.admin().command({ hello: 1 });
    expect(reply.ok).toBe(1);
    expect(reply.isWritablePrimary).toBe(true);
    expect(reply.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(reply.maxMessageSizeBytes).toBe(48_000_000);
    expect(reply.maxWriteBatchSize).toBe(100_000);
    expect(reply.localTime).toBeInstanceOf(Date);
    expect(typeof reply.minWireVersion).toBe('number');
    expect(reply.maxWireVersion).toBeGreaterThanOrEqual(8);
    expect(reply.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(reply.readOnly).toBe(false);
  });

  it('answers the legacy isMaster and ismaster spellings', async () => {
    for (const name of ['isMaster', 'ismaster']) {
      const reply = await ctx()
        .db.admin()
        .command({ [name]: 1 });
      expect(reply.ok).toBe(1);
      expect(reply.ismaster).toBe(true);
      expect(reply.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    }
  });

  it('answers ping on admin and on any database', async () => {
    expect(await ctx().db.admin().command({ ping: 1 })).toMatchObject({ ok: 1 });
    expect(await ctx().db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('answers buildInfo with a version', async () => {
    const reply = await ctx().db.admin().command({ buildInfo: 1 });
    expect(reply.ok).toBe(1);
    expect(reply.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Array.isArray(reply.versionArray)).toBe(true);
    expect(reply.versionArray).toHaveLength(4);
    expect(reply.maxBsonObjectSize).toBe(16 * 1024 * 1024);
  });

  it('answers serverStatus with uptime, connections and localTime', async () => {
    const reply = await ctx().db.admin().command({ serverStatus: 1 });
    expect(reply.ok).toBe(1);
    expect(typeof reply.version).toBe('string');
    expect(typeof reply.uptime).toBe('number');
    expect(reply.localTime).toBeInstanceOf(Date);
    expect(reply.connections).toMatchObject({ current: expect.any(Number) as unknown });
  });

  it('ends sessions', async () => {
    const reply = await ctx()
      .db.admin()
      .command({ endSessions: [{ id: new UUID() }] });
    expect(reply.ok).toBe(1);
    // The driver's own sessions keep working afterwards.
    const session = ctx().client.startSession();
    await ctx().db.collection('sessions').insertOne({ a: 1 }, { session });
    await session.endSession();
    expect(await ctx().db.collection('sessions').countDocuments()).toBe(1);
  });
});

describe('databases', () => {
  it('lists a database once it holds data, and not after dropDatabase', async () => {
    const { client, dbName } = ctx();
    const other = client.db(`${dbName}_x`);
    await other.collection('c').insertOne({ a: 1 });
    const listed = await client.db().admin().listDatabases();
    expect(listed.ok).toBe(1);
    const names = listed.databases.map((d) => d.name);
    expect(names).toContain(`${dbName}_x`);
    const entry = listed.databases.find((d) => d.name === `${dbName}_x`);
    expect(typeof entry?.sizeOnDisk).toBe('number');
    expect(entry?.empty).toBe(false);

    const nameOnly = await client.db().admin().listDatabases({ nameOnly: true });
    expect(nameOnly.databases.map((d) => d.name)).toContain(`${dbName}_x`);

    expect(await other.dropDatabase()).toBe(true);
    const after = await client.db().admin().listDatabases();
    expect(after.databases.map((d) => d.name)).not.toContain(`${dbName}_x`);
    expect(await other.listCollections().toArray()).toEqual([]);
  });

  it('drops every collection with dropDatabase', async () => {
    const { client, dbName } = ctx();
    const other = client.db(`${dbName}_y`);
    await other.collection('a').insertOne({ a: 1 });
    await other.collection('b').insertOne({ b: 1 });
    await other.collection('b').createIndex({ b: 1 });
    const reply = await other.command({ dropDatabase: 1 });
    expect(reply.ok).toBe(1);
    expect(await other.listCollections().toArray()).toEqual([]);
    expect(await other.collection('b').countDocuments()).toBe(0);
  });
});

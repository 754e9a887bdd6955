import { hostname } from 'node:os';

import { Long, ObjectId } from 'bson';

import { CommandError } from '../errors.js';
import { MAX_BSON_BYTES, MAX_MESSAGE_BYTES } from '../wire/messages.js';
import { collectionName } from './args.js';
import { saslSupportedMechs, speculativeAuthenticate } from './auth.js';
import type { CommandContext, Handler } from './context.js';

// The MongoDB release whose behaviour the engine follows; wire version 21 is MongoDB 7.0.
const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;

/**
 * The handshake reply of a standalone server. There is deliberately no topologyVersion: without
 * it the driver polls every few seconds instead of holding a streaming hello open.
 */
function hello(context: CommandContext) {
  const legacy = context.name !== 'hello';
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    ...(context.command.helloOk ? { helloOk: true } : {}),
    maxBsonObjectSize: MAX_BSON_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connection.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ...saslSupportedMechs(context),
    ...speculativeAuthenticate(context),
    ok: 1,
  };
}

const buildInfo: Handler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'innerloop-embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_BYTES,
  storageEngines: ['innerloop-journal'],
  modules: [],
  javascriptEngine: 'none',
  ok: 1,
});

const serverStatus: Handler = (context) => {
  const uptimeMs = Date.now() - context.server.startedAt.getTime();
  return {
    host: `${hostname()}:${context.server.port}`,
    version: SERVER_VERSION,
    process: 'innerloop-engine',
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: Long.fromNumber(uptimeMs),
    localTime: new Date(),
    connections: {
      current: context.server.connections.current,
      available: 10_000 - context.server.connections.current,
      totalCreated: context.server.connections.totalCreated,
    },
    storageEngine: { name: 'innerloop-journal', persistent: true },
    journal: { fsyncs: context.store.syncs },
    mem: { resident: Math.round(process.memoryUsage().rss / 1048576), bits: 64 },
    ok: 1,
  };
};

const dbStats: Handler = (context) => {
  const collections = [...(context.store.databases.get(context.db)?.values() ?? [])];
  const objects = collections.reduce((sum, collection) => sum + collection.docs.size, 0);
  const indexes = collections.reduce((sum, collection) => sum + collection.indexes.length, 0);
  return { db: context.db, collections: collections.length, views: 0, objects, indexes, ok: 1 };
};

const collStats: Handler = (context) => {
  const name = collectionName('collStats', context.command.collStats);
  const collection = context.store.collection(context.db, name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `Collection [${context.db}.${name}] not found.`);
  return {
    ns: collection.ns,
    count: collection.docs.size,
    nindexes: collection.indexes.length,
    indexNames: collection.indexes.map((index) => index.spec.name),
    ok: 1,
  };
};

const noTransactions: Handler = () => {
  throw new CommandError(
    'IllegalOperation',
    'Transaction numbers are only allowed on a replica set member or mongos',
  );
};

export const adminCommands: Record<string, Handler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  dbStats,
  collStats,
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  startSession: () => ({ id: { id: new ObjectId() }, timeoutMinutes: 30, ok: 1 }),
  commitTransaction: noTransactions,
  abortTransaction: noTransactions,
  getParameter: (context) => ({
    ...(context.command.featureCompatibilityVersion
      ? { featureCompatibilityVersion: { version: '7.0' } }
      : {}),
    ok: 1,
  }),
  getCmdLineOpts: () => ({ argv: ['innerloop-engine'], parsed: {}, ok: 1 }),
  hostInfo: () => ({
    system: { hostname: hostname(), currentTime: new Date() },
    os: { type: process.platform },
    ok: 1,
  }),
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  fsync: () => ({ numFiles: 1, ok: 1 }),
  listCommands: () => ({ commands: {}, ok: 1 }),
};

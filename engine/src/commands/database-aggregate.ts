import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

import { Binary, Long } from 'bson';

import { CommandError } from '../errors.js';
import { bsonTypeName, type Doc, isPlainObject } from '../values.js';
import type { CommandContext, Connection, ServerInfo } from './context.js';

// Database-level aggregate ({aggregate: 1}) stages that produce their own documents: $currentOp
// (the operations running now, on admin) and $listLocalSessions (the sessions this server has
// seen). $documents is mingo's. The engine keeps, per server, the connections it serves, the
// commands running on them and the logical sessions their commands carried.

interface RunningOp {
  opid: number;
  connection: Connection;
  db: string;
  command: Doc;
  started: bigint;
}

interface ConnectionRecord {
  connection: Connection;
  client: string;
  metadata?: Doc;
}

interface SessionRecord {
  id: unknown;
  user: string | undefined;
  /** Date.now() of its last command (a Date only when listed). */
  lastUse: number;
}

class Activity {
  readonly ops = new Map<number, RunningOp>();
  readonly connections = new Map<number, ConnectionRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  nextOpId = 1;
}

const activities = new WeakMap<ServerInfo, Activity>();

function activityOf(server: ServerInfo): Activity {
  let activity = activities.get(server);
  if (!activity) {
    activity = new Activity();
    activities.set(server, activity);
  }
  return activity;
}

export function trackConnection(server: ServerInfo, connection: Connection, client: string): void {
  activityOf(server).connections.set(connection.id, { connection, client });
}

export function forgetConnection(server: ServerInfo, connection: Connection): void {
  activityOf(server).connections.delete(connection.id);
}

function sessionKey(id: unknown): string | undefined {
  if (id instanceof Binary) return Buffer.from(id.buffer).toString('hex');
  return undefined;
}

/** Records a command as running (for $currentOp) and its session as used; call the result when it ends. */
export function beginOperation(context: CommandContext): () => void {
  const activity = activityOf(context.server);
  const { command, connection } = context;
  if (
    (context.name === 'hello' || context.name === 'isMaster' || context.name === 'ismaster') &&
    isPlainObject(command.client)
  ) {
    const record = activity.connections.get(connection.id);
    if (record) record.metadata = command.client;
  }
  if (isPlainObject(command.lsid)) {
    const key = sessionKey(command.lsid.id);
    if (key) {
      const known = activity.sessions.get(key);
      if (known) {
        known.user = connection.user;
        known.lastUse = Date.now();
      } else {
        activity.sessions.set(key, {
          id: command.lsid.id,
          user: connection.user,
          lastUse: Date.now(),
        });
      }
    }
  }
  if (context.name === 'endSessions' && Array.isArray(command.endSessions)) {
    for (const session of command.endSessions as unknown[]) {
      const key = isPlainObject(session) ? sessionKey(session.id) : undefined;
      if (key) activity.sessions.delete(key);
    }
  }
  const opid = activity.nextOpId++;
  activity.ops.set(opid, {
    opid,
    connection,
    db: context.db,
    command,
    started: process.hrtime.bigint(),
  });
  return () => {
    activity.ops.delete(opid);
  };
}

function boolOption(stage: string, spec: Doc, name: string, fallback: boolean): boolean {
  const value = spec[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new CommandError(
      'FailedToParse',
      `The '${name}' parameter of the ${stage} stage must be a boolean value, but found: ${bsonTypeName(value)}`,
    );
  }
  return value;
}

const CURRENT_OP_OPTIONS = new Set([
  'allUsers',
  'idleConnections',
  'idleCursors',
  'idleSessions',
  'localOps',
  'truncateOps',
  'backtrace',
  'targetAllNodes',
]);

function userName(user: string | undefined): string | undefined {
  return user === undefined ? undefined : `${user}@admin`;
}

function currentOp(context: CommandContext, spec: unknown): Doc[] {
  if (context.db !== 'admin') {
    throw new CommandError(
      'InvalidNamespace',
      "$currentOp must be run against the 'admin' database with {aggregate: 1}",
    );
  }
  if (!isPlainObject(spec)) {
    throw new CommandError(
      'FailedToParse',
      `$currentOp options must be specified in an object, but found: ${bsonTypeName(spec)}`,
    );
  }
  for (const key of Object.keys(spec)) {
    if (!CURRENT_OP_OPTIONS.has(key)) {
      throw new CommandError('FailedToParse', `Unrecognized option '${key}' in $currentOp stage.`);
    }
  }
  const allUsers = boolOption('$currentOp', spec, 'allUsers', false);
  const idleConnections = boolOption('$currentOp', spec, 'idleConnections', false);
  for (const name of ['idleCursors', 'idleSessions', 'localOps', 'backtrace', 'targetAllNodes']) {
    boolOption('$currentOp', spec, name, false);
  }
  const activity = activityOf(context.server);
  const host = `${hostname()}:${context.server.port}`;
  const now = process.hrtime.bigint();
  const currentOpTime = new Date().toISOString();
  const mine = (connection: Connection) => allUsers || connection.user === context.connection.user;
  const busy = new Set<number>();
  const docs: Doc[] = [];
  const describe = (connection: Connection): Doc => {
    const record = activity.connections.get(connection.id);
    const user = userName(connection.user);
    return {
      type: 'op',
      host,
      desc: `conn${connection.id}`,
      connectionId: connection.id,
      ...(record ? { client: record.client } : {}),
      ...(record?.metadata
        ? {
            clientMetadata: record.metadata,
            ...(isPlainObject(record.metadata.application) &&
            typeof record.metadata.application.name === 'string'
              ? { appName: record.metadata.application.name }
              : {}),
          }
        : {}),
      ...(user ? { effectiveUsers: [{ user: connection.user, db: 'admin' }] } : {}),
    };
  };
  for (const op of activity.ops.values()) {
    if (!mine(op.connection)) continue;
    busy.add(op.connection.id);
    const micros = (now - op.started) / 1000n;
    const commandName = Object.keys(op.command)[0] ?? '';
    const target = op.command[commandName];
    const ns = typeof target === 'string' ? `${op.db}.${target}` : `${op.db}.$cmd.${commandName}`;
    docs.push({
      ...describe(op.connection),
      active: true,
      currentOpTime,
      opid: op.opid,
      ...(isPlainObject(op.command.lsid) ? { lsid: op.command.lsid } : {}),
      secs_running: Long.fromBigInt(micros / 1_000_000n),
      microsecs_running: Long.fromBigInt(micros),
      op: 'command',
      ns,
      command: op.command,
      numYields: 0,
      locks: {},
      waitingForLock: false,
      lockStats: {},
    });
  }
  if (idleConnections) {
    for (const record of activity.connections.values()) {
      if (busy.has(record.connection.id) || !mine(record.connection)) continue;
      docs.push({ ...describe(record.connection), active: false, currentOpTime });
    }
  }
  return docs;
}

function listLocalSessions(context: CommandContext, spec: unknown): Doc[] {
  if (!isPlainObject(spec)) {
    throw new CommandError(
      'TypeMismatch',
      `$listLocalSessions options must be specified in an object, but found: ${bsonTypeName(spec)}`,
    );
  }
  for (const key of Object.keys(spec)) {
    if (key !== 'allUsers' && key !== 'users' && key !== '$_internalPredicate') {
      throw new CommandError(
        'Location40415',
        `BSON field '$listLocalSessions.${key}' is an unknown field.`,
      );
    }
  }
  const allUsers = boolOption('$listLocalSessions', spec, 'allUsers', false);
  let users: Set<string> | undefined;
  if (spec.users !== undefined) {
    if (allUsers) {
      throw new CommandError(
        'FailedToParse',
        "Must not specify 'users' with 'allUsers:true' in $listLocalSessions",
      );
    }
    if (!Array.isArray(spec.users)) {
      throw new CommandError(
        'TypeMismatch',
        `BSON field '$listLocalSessions.users' is the wrong type '${bsonTypeName(spec.users)}', expected type 'array'`,
      );
    }
    users = new Set(
      (spec.users as unknown[]).map((entry) =>
        isPlainObject(entry) ? `${String(entry.user)}@${String(entry.db)}` : '',
      ),
    );
  }
  const self = userName(context.connection.user);
  const docs: Doc[] = [];
  for (const session of activityOf(context.server).sessions.values()) {
    const owner = userName(session.user);
    if (!allUsers) {
      const wanted = users ? owner !== undefined && users.has(owner) : owner === self;
      if (!wanted) continue;
    }
    const uid = new Binary(
      createHash('sha256')
        .update(owner ?? '')
        .digest(),
    );
    docs.push({
      _id: { id: session.id, uid },
      lastUse: new Date(session.lastUse),
      ...(owner ? { user: { name: owner } } : {}),
    });
  }
  return docs;
}

const SOURCES: Record<string, (context: CommandContext, spec: unknown) => Doc[]> = {
  $currentOp: currentOp,
  $listLocalSessions: listLocalSessions,
};

const FIRST_ONLY = new Set(['$currentOp', '$listLocalSessions', '$documents']);

/**
 * For an aggregate: checks where the stages that must come first (and need {aggregate: 1}) stand,
 * and, when the pipeline starts with $currentOp or $listLocalSessions, the documents that stage
 * produces, to run the rest of the pipeline over.
 */
export function collectionlessSource(
  context: CommandContext,
  collection: string | undefined,
  stages: Doc[],
): Doc[] | undefined {
  stages.forEach((stage, index) => {
    const name = Object.keys(stage)[0];
    if (index > 0 && FIRST_ONLY.has(name)) {
      throw new CommandError(
        'Location40602',
        `${name} is only valid as the first stage in a pipeline.`,
      );
    }
  });
  const first = stages[0] ? Object.keys(stages[0])[0] : undefined;
  if (first === undefined || !Object.hasOwn(SOURCES, first)) return undefined;
  if (collection !== undefined) {
    throw new CommandError(
      'InvalidNamespace',
      first === '$currentOp'
        ? "$currentOp must be run against the 'admin' database with {aggregate: 1}"
        : `${first} must be run against the database with {aggregate: 1}, not a collection`,
    );
  }
  return SOURCES[first](context, stages[0][first]);
}

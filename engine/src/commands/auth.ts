import { Binary } from 'bson';

import { AUTH_DATABASE } from '../auth/credential.js';
import { SCRAM_SHA_256, ScramConversation, ScramFailure } from '../auth/scram.js';
import { CommandError } from '../errors.js';
import { type Doc, isPlainObject } from '../values.js';
import type { CommandContext, Handler } from './context.js';

/**
 * What MongoDB answers before a connection has authenticated: the handshake, the authentication
 * conversation itself, ping and the question "who am I". Everything else is refused with 13.
 */
const OPEN_COMMANDS: ReadonlySet<string> = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'buildInfo',
  'buildinfo',
  'ping',
  'saslStart',
  'saslContinue',
  'connectionStatus',
]);

/** MongoDB's one answer to every failed attempt, whatever the reason, so none can be probed. */
const authenticationFailed = () =>
  new CommandError('AuthenticationFailed', 'Authentication failed.');

/** MongoDB numbers conversations per connection; one at a time, so always 1. */
const CONVERSATION_ID = 1;

/** Refuses a command the connection may not run yet. */
export function checkAuthenticated(
  context: Pick<CommandContext, 'auth' | 'connection'>,
  name: string,
): void {
  if (!context.auth || context.connection.user !== undefined) return;
  if (OPEN_COMMANDS.has(name)) return;
  throw new CommandError('Unauthorized', `Command ${name} requires authentication`);
}

/** A payload as the client sent it: BinData, or (older clients) a base64 string answered in kind. */
function readPayload(value: unknown): { text: string; asString: boolean } {
  if (value instanceof Binary) {
    return {
      text: Buffer.from(value.buffer.subarray(0, value.position)).toString(),
      asString: false,
    };
  }
  if (typeof value === 'string') {
    return { text: Buffer.from(value, 'base64').toString(), asString: true };
  }
  throw new CommandError('BadValue', 'Missing or invalid SASL payload');
}

function writePayload(text: string, asString: boolean): Binary | string {
  const bytes = Buffer.from(text);
  return asString ? bytes.toString('base64') : new Binary(bytes);
}

/** saslStart's work, shared with hello's speculativeAuthenticate. */
function startConversation(context: CommandContext, request: Doc, db: unknown): Doc {
  const mechanism = request.mechanism;
  if (typeof mechanism !== 'string') {
    throw new CommandError('BadValue', 'Missing or invalid SASL mechanism');
  }
  const payload = readPayload(request.payload);
  // SCRAM-SHA-1 is what drivers fall back to for a name they were not offered SHA-256 for (a
  // mistyped user): the same answer as a wrong password, as on MongoDB for an unknown user.
  if (mechanism !== SCRAM_SHA_256 && mechanism !== 'SCRAM-SHA-1') {
    throw new CommandError(
      'MechanismUnavailable',
      `Received authentication for mechanism ${mechanism} which is not enabled`,
    );
  }
  const user = context.auth;
  context.connection.sasl = undefined;
  if (!user || mechanism !== SCRAM_SHA_256 || db !== AUTH_DATABASE) throw authenticationFailed();
  let conversation: ScramConversation;
  try {
    conversation = ScramConversation.start(user, payload.text);
  } catch (error) {
    if (error instanceof ScramFailure) throw authenticationFailed();
    throw error;
  }
  const options = isPlainObject(request.options) ? request.options : {};
  context.connection.sasl = {
    conversation,
    skipEmptyExchange: options.skipEmptyExchange === true,
    proved: false,
  };
  return {
    conversationId: CONVERSATION_ID,
    done: false,
    payload: writePayload(conversation.serverFirst, payload.asString),
  };
}

const saslStart: Handler = (context) => ({
  ...startConversation(context, context.command, context.db),
  ok: 1,
});

const saslContinue: Handler = (context) => {
  const sasl = context.connection.sasl;
  if (!sasl || context.command.conversationId !== CONVERSATION_ID) {
    throw new CommandError('ProtocolError', 'No SASL session state found');
  }
  const payload = readPayload(context.command.payload);
  const user = context.auth;
  if (!user) throw authenticationFailed();
  // The client without skipEmptyExchange sends one more, empty, message after checking our proof.
  if (sasl.proved) {
    context.connection.sasl = undefined;
    context.connection.user = user.username;
    return {
      conversationId: CONVERSATION_ID,
      done: true,
      payload: writePayload('', payload.asString),
      ok: 1,
    };
  }
  let serverFinal: string;
  try {
    serverFinal = sasl.conversation.finish(payload.text);
  } catch (error) {
    context.connection.sasl = undefined;
    if (error instanceof ScramFailure) throw authenticationFailed();
    throw error;
  }
  if (sasl.skipEmptyExchange) {
    context.connection.sasl = undefined;
    context.connection.user = user.username;
  } else {
    sasl.proved = true;
  }
  return {
    conversationId: CONVERSATION_ID,
    done: sasl.skipEmptyExchange,
    payload: writePayload(serverFinal, payload.asString),
    ok: 1,
  };
};

/**
 * hello's `saslSupportedMechs: "admin.<user>"`: the mechanisms for that user, or nothing for a user
 * the engine does not have (the driver then tries SCRAM-SHA-1 and is refused with 18).
 */
export function saslSupportedMechs(context: CommandContext): { saslSupportedMechs?: string[] } {
  const asked = context.command.saslSupportedMechs;
  const user = context.auth;
  if (!user || asked !== `${AUTH_DATABASE}.${user.username}`) return {};
  return { saslSupportedMechs: [SCRAM_SHA_256] };
}

/**
 * hello's `speculativeAuthenticate`: the saslStart the driver sends along with its handshake,
 * answered with saslStart's reply so the conversation needs one round trip less. When it cannot be
 * started the field is left out, as MongoDB does, and the driver sends a plain saslStart.
 */
export function speculativeAuthenticate(context: CommandContext): {
  speculativeAuthenticate?: Doc;
} {
  const request = context.command.speculativeAuthenticate;
  if (!isPlainObject(request) || request.saslStart === undefined) return {};
  try {
    return { speculativeAuthenticate: startConversation(context, request, request.db) };
  } catch (error) {
    if (error instanceof CommandError) return {};
    throw error;
  }
}

export const authCommands: Record<string, Handler> = {
  saslStart,
  saslContinue,
  connectionStatus: (context) => {
    const user = context.connection.user;
    return {
      authInfo: {
        authenticatedUsers: user ? [{ user, db: AUTH_DATABASE }] : [],
        authenticatedUserRoles: user ? [{ role: 'root', db: AUTH_DATABASE }] : [],
      },
      ok: 1,
    };
  },
  logout: (context) => {
    context.connection.user = undefined;
    context.connection.sasl = undefined;
    return { ok: 1 };
  },
};

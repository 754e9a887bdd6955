import { serialize } from 'bson';

import { decodeBson } from '../storage/records.js';
import type { Doc } from '../values.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

export const MAX_MESSAGE_BYTES = 48_000_000;
export const MAX_BSON_BYTES = 16 * 1024 * 1024;

const MORE_TO_COME = 1 << 1;
const CHECKSUM_PRESENT = 1 << 0;

export interface Header {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

/** A command as the server handles it, whichever opcode carried it. */
export interface Request {
  header: Header;
  command: Doc;
  /** OP_MSG's moreToCome: the client wants no reply (unacknowledged writes). */
  noReply: boolean;
  legacy: boolean;
}

/** Thrown for a message that breaks the framing; the connection is closed. */
export class ProtocolError extends Error {}

function readHeader(buffer: Buffer): Header {
  return {
    length: buffer.readInt32LE(0),
    requestId: buffer.readInt32LE(4),
    responseTo: buffer.readInt32LE(8),
    opCode: buffer.readInt32LE(12),
  };
}

function readDocument(buffer: Buffer, offset: number, end: number): { doc: Doc; next: number } {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = buffer.readInt32LE(offset);
  if (size < 5 || offset + size > end)
    throw new ProtocolError('BSON document length out of bounds');
  try {
    const doc = decodeBson(buffer.subarray(offset, offset + size));
    return { doc, next: offset + size };
  } catch (error) {
    throw new ProtocolError(
      `invalid BSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function readCString(buffer: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buffer.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError('unterminated string');
  return { value: buffer.toString('utf8', offset, zero), next: zero + 1 };
}

/** Decodes one whole message (header included) into a command. */
export function parseMessage(message: Buffer): Request {
  const header = readHeader(message);
  if (header.opCode === OP_MSG) return parseOpMsg(message, header);
  if (header.opCode === OP_QUERY) return parseOpQuery(message, header);
  throw new ProtocolError(`unsupported opCode ${header.opCode}`);
}

function parseOpMsg(message: Buffer, header: Header): Request {
  if (message.length < 21) throw new ProtocolError('OP_MSG too short');
  const flags = message.readUInt32LE(16);
  // Bits 0-15 are "required": a parser must refuse any it does not know.
  if ((flags & 0xffff & ~(CHECKSUM_PRESENT | MORE_TO_COME)) !== 0) {
    throw new ProtocolError(`OP_MSG sets unknown required flag bits (${flags})`);
  }
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = 20;
  let body: Doc | undefined;
  const sequences: [string, Doc[]][] = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      if (body) throw new ProtocolError('OP_MSG has more than one body section');
      const read = readDocument(message, offset, end);
      body = read.doc;
      offset = read.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError('truncated document sequence');
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end)
        throw new ProtocolError('document sequence length out of bounds');
      const identifier = readCString(message, offset + 4, sectionEnd);
      let at = identifier.next;
      const docs: Doc[] = [];
      while (at < sectionEnd) {
        const read = readDocument(message, at, sectionEnd);
        docs.push(read.doc);
        at = read.next;
      }
      sequences.push([identifier.value, docs]);
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG has no body section');
  for (const [identifier, docs] of sequences) {
    const existing = body[identifier];
    body[identifier] = Array.isArray(existing) ? [...(existing as Doc[]), ...docs] : docs;
  }
  return { header, command: body, noReply: (flags & MORE_TO_COME) !== 0, legacy: false };
}

function parseOpQuery(message: Buffer, header: Header): Request {
  const end = message.length;
  const collection = readCString(message, 20, end);
  const queryOffset = collection.next + 8;
  if (queryOffset > end) throw new ProtocolError('OP_QUERY too short');
  const { doc } = readDocument(message, queryOffset, end);
  const namespace = collection.value;
  const dot = namespace.indexOf('.');
  const db = dot < 0 ? namespace : namespace.slice(0, dot);
  if (namespace.slice(dot + 1) !== '$cmd') {
    throw new ProtocolError('OP_QUERY is only supported for commands');
  }
  // Legacy drivers wrap the command as { $query: {...}, $readPreference: ... }.
  const command = isWrapped(doc) ? doc.$query : doc;
  return { header, command: { ...command, $db: db }, noReply: false, legacy: true };
}

function isWrapped(doc: Doc): doc is Doc & { $query: Doc } {
  const inner = doc.$query;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner);
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.allocUnsafe(16);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

export function encodeReply(request: Request, reply: Doc): Buffer {
  const body = serialize(reply, { checkKeys: false, ignoreUndefined: true });
  if (request.legacy) {
    const fields = Buffer.alloc(20);
    fields.writeInt32LE(0, 0); // responseFlags
    fields.writeBigInt64LE(0n, 4); // cursorID
    fields.writeInt32LE(0, 12); // startingFrom
    fields.writeInt32LE(1, 16); // numberReturned
    return Buffer.concat([
      header(16 + 20 + body.length, request.header.requestId, OP_REPLY),
      fields,
      body,
    ]);
  }
  // One buffer: header, flagBits 0, section kind 0, then the body.
  const message = Buffer.allocUnsafe(21 + body.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  message.writeInt32LE(request.header.requestId, 8);
  message.writeInt32LE(OP_MSG, 12);
  message.writeUInt32LE(0, 16);
  message[20] = 0;
  message.set(body, 21);
  return message;
}

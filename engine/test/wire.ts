import { connect } from 'node:net';

import type { Document } from 'bson';
import { deserialize, serialize } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

export interface Address {
  host: string;
  port: number;
}

export function addressOf(uri: string): Address {
  const url = new URL(uri.replace(/^mongodb:\/\//, 'http://'));
  return { host: url.hostname, port: Number(url.port || 27017) };
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export interface Sequence {
  identifier: string;
  documents: Document[];
}

/** An OP_MSG frame: flagBits, a kind-0 body section and optional kind-1 document sequences. */
export function opMsg(body: Document, requestId: number, sequences: Sequence[] = [], flags = 0) {
  const parts: Buffer[] = [];
  const flagBits = Buffer.alloc(4);
  flagBits.writeUInt32LE(flags, 0);
  parts.push(flagBits, Buffer.from([0]), Buffer.from(serialize(body)));
  for (const seq of sequences) {
    const docs = seq.documents.map((d) => Buffer.from(serialize(d)));
    const id = Buffer.from(`${seq.identifier}\0`, 'utf8');
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + id.length + docs.reduce((n, d) => n + d.length, 0), 0);
    parts.push(Buffer.from([1]), size, id, ...docs);
  }
  return frame(Buffer.concat(parts), requestId, OP_MSG);
}

/** A legacy OP_QUERY, as drivers send for the first handshake. */
export function opQuery(namespace: string, query: Document, requestId: number): Buffer {
  const flags = Buffer.alloc(4);
  const ns = Buffer.from(`${namespace}\0`, 'utf8');
  const skipReturn = Buffer.alloc(8);
  skipReturn.writeInt32LE(0, 0);
  skipReturn.writeInt32LE(-1, 4);
  return frame(
    Buffer.concat([flags, ns, skipReturn, Buffer.from(serialize(query))]),
    requestId,
    OP_QUERY,
  );
}

/** Wraps `payload` in a header whose messageLength is right unless `length` overrides it. */
export function frame(payload: Buffer, requestId: number, opCode: number, length?: number): Buffer {
  return Buffer.concat([header(length ?? payload.length + 16, requestId, opCode), payload]);
}

export interface Reply {
  responseTo: number;
  opCode: number;
  body: Document;
}

export function parseReply(buf: Buffer): Reply {
  const length = buf.readInt32LE(0);
  if (length !== buf.length) throw new Error(`reply length ${length} but ${buf.length} bytes`);
  const responseTo = buf.readInt32LE(8);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_MSG) {
    if (buf[20] !== 0) throw new Error(`reply section kind ${buf[20]}`);
    const bodyLength = buf.readInt32LE(21);
    if (21 + bodyLength > buf.length) throw new Error('reply body overruns the frame');
    // bsonRegExp: a reply may carry a stored pattern JavaScript cannot compile, and still be valid BSON.
    return {
      responseTo,
      opCode,
      body: deserialize(buf.subarray(21, 21 + bodyLength), { bsonRegExp: true }),
    };
  }
  if (opCode === OP_REPLY) {
    const count = buf.readInt32LE(32);
    if (count < 1) throw new Error('OP_REPLY without documents');
    const docLength = buf.readInt32LE(36);
    return {
      responseTo,
      opCode,
      body: deserialize(buf.subarray(36, 36 + docLength), { bsonRegExp: true }),
    };
  }
  throw new Error(`unexpected reply opCode ${opCode}`);
}

export type Outcome =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'closed' }
  | { kind: 'silent' }
  | { kind: 'malformed'; error: string };

/**
 * Opens a fresh connection, sends `bytes` and reports what the server did first: answered with a
 * complete frame, closed the connection, or said nothing within `waitMs`.
 */
export function exchange(address: Address, bytes: Buffer, waitMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(address.port, address.host);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'silent' }), waitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readInt32LE(0);
      if (length < 16 || length > 48_000_000) {
        finish({ kind: 'malformed', error: `reply messageLength ${length}` });
      } else if (received.length >= length) {
        try {
          finish({ kind: 'reply', reply: parseReply(received.subarray(0, length)) });
        } catch (error) {
          finish({ kind: 'malformed', error: String(error) });
        }
      }
    });
    socket.on('error', () => finish({ kind: 'closed' }));
    socket.on('close', () => finish({ kind: 'closed' }));
  });
}

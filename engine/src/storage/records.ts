import { crc32 } from 'node:zlib';

import { deserialize, serialize } from 'bson';

import { escapeKeys, escapeName, namesEscaped, restoreKeys } from '../inherited-names.js';
import { typeNumbers } from '../numbers.js';
import type { Doc } from '../values.js';
import type { Arena } from './lazy-docs.js';

// Every record on disk, in the journal and in snapshots alike, is framed as
// [payload length: u32 LE][crc32 of payload: u32 LE][payload: one BSON document],
// so a torn or corrupt tail is recognised and never half-applied.
const HEADER = 8;

// Numbers keep their BSON type (see numbers.ts): int32 and non-whole doubles become plain numbers,
// whole doubles stay Double, int64 Long and decimals Decimal128.
const DESERIALIZE_OPTIONS = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

/**
 * Deserialises BSON, turning regular expressions into JavaScript ones. A pattern JavaScript cannot
 * compile stays a BSONRegExp: stored as data it round-trips, and a query using it fails with
 * MongoDB's 51091 instead of the whole message being unreadable.
 */
export function decodeBson(bytes: Uint8Array): Doc {
  try {
    return typeNumbers(deserialize(bytes, DESERIALIZE_OPTIONS)) as Doc;
  } catch (error) {
    const raw = typeNumbers(deserialize(bytes, { ...DESERIALIZE_OPTIONS, bsonRegExp: true }));
    if (!containsRegex(raw)) throw error;
    return reviveRegexes(raw) as Doc;
  }
}

/**
 * A record read from disk as the engine keeps it: escapeKeys(decodeBson(bytes)), in one walk
 * instead of two (start-up reads every stored document through here).
 */
export function decodeStored(bytes: Uint8Array): Doc {
  let raw: unknown;
  try {
    raw = deserialize(bytes, DESERIALIZE_OPTIONS);
  } catch {
    // A regular expression JavaScript cannot compile, or bytes that are not BSON: as before.
    return escapeKeys(decodeBson(bytes)) as Doc;
  }
  return typeAndEscape(raw) as Doc;
}

/** typeNumbers (in place) and escapeKeys (a new object only where a name changes) at once. */
function typeAndEscape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = typeAndEscape(item);
    }
    return value;
  }
  if (bsonTag(value) !== undefined) return typeNumbers(value);
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  const doc = value as Doc;
  const keys = Object.keys(doc);
  let renamed = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!renamed && escapeName(key) !== key) renamed = true;
    const item = doc[key];
    if (item !== null && typeof item === 'object') doc[key] = typeAndEscape(item);
  }
  if (!renamed) return doc;
  // Rare: a name such as __proto__. Values are done already; only the names change here.
  const out: Doc = {};
  for (const key of keys) {
    Object.defineProperty(out, escapeName(key), {
      value: doc[key],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}

function bsonTag(value: object): unknown {
  return (value as { _bsontype?: unknown })._bsontype;
}

/** Whether a value holds a regular expression JavaScript could not compile. */
export function containsRegex(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsRegex);
  if (value === null || typeof value !== 'object') return false;
  if (bsonTag(value) === 'BSONRegExp') return true;
  if (bsonTag(value) !== undefined) return false;
  return Object.values(value).some(containsRegex);
}

function reviveRegexes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveRegexes);
  if (value === null || typeof value !== 'object') return value;
  const tag = bsonTag(value);
  if (tag === 'BSONRegExp') {
    const { pattern, options } = value as { pattern: string; options: string };
    try {
      return new RegExp(pattern, options.replace(/[^gimsuy]/g, ''));
    } catch {
      return value;
    }
  }
  if (tag !== undefined) return value;
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) out[key] = reviveRegexes(item);
  return out;
}

export function frameRecord(payload: Doc): Buffer {
  // Files hold the real field names; the engine keeps special ones escaped (inherited-names.ts).
  const real = namesEscaped() ? restoreKeys(payload) : payload;
  const body = serialize(real as Doc, { checkKeys: false, ignoreUndefined: false });
  const header = Buffer.allocUnsafe(HEADER);
  header.writeUInt32LE(body.length, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

/**
 * frameRecord({t: 'docs', db, coll, docs}) for a snapshot, where a document may also be given as
 * a ref to its stored bytes in `arena` (one loaded from disk and never decoded), copied as they
 * are, without a view or any other object made for it.
 */
export function frameDocsRecord(
  db: string,
  coll: string,
  docs: (Doc | number)[],
  arena?: Arena,
): Buffer {
  const options = { checkKeys: false, ignoreUndefined: false };
  const head = serialize({ t: 'docs', db, coll }, options);
  const encoded = docs.map((doc) =>
    typeof doc === 'number'
      ? undefined
      : serialize((namesEscaped() ? restoreKeys(doc) : doc) as Doc, options),
  );
  // The array's elements: [0x03][index as decimal text][0][document].
  let arrayBytes = 5;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const length =
      typeof doc === 'number' ? (arena as Arena).length(doc) : (encoded[i] as Uint8Array).length;
    arrayBytes += 2 + decimalLength(i) + length;
  }
  const bodyLength = head.length - 1 + 6 + arrayBytes + 1;
  const frame = Buffer.allocUnsafe(HEADER + bodyLength);
  const body = frame.subarray(HEADER);
  body.set(head.subarray(0, head.length - 1), 0);
  let at = head.length - 1;
  at += body.write('\x04docs\0', at, 'latin1');
  body.writeInt32LE(arrayBytes, at);
  at += 4;
  for (let i = 0; i < docs.length; i++) {
    body[at++] = 0x03;
    at += body.write(String(i), at, 'latin1');
    body[at++] = 0;
    const doc = docs[i];
    if (typeof doc === 'number') {
      at += (arena as Arena).copy(doc, body, at);
    } else {
      const bytes = encoded[i] as Uint8Array;
      body.set(bytes, at);
      at += bytes.length;
    }
  }
  body[at++] = 0;
  body[at++] = 0;
  body.writeInt32LE(bodyLength, 0);
  frame.writeUInt32LE(bodyLength, 0);
  frame.writeUInt32LE(crc32(body), 4);
  return frame;
}

function decimalLength(n: number): number {
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return digits;
}

export interface ReadRecords {
  records: Doc[];
  /** Bytes of whole, intact records from the start of the buffer. */
  validBytes: number;
  /** Whether bytes after the last intact record were found (a torn or corrupt tail). */
  torn: boolean;
}

export function readRecords(buffer: Buffer): ReadRecords {
  const records: Doc[] = [];
  const { validBytes, torn } = eachRecord(buffer, (record) => void records.push(record));
  return { records, validBytes, torn };
}

/**
 * Hands each intact record to `onRecord` as it is decoded, so that a caller that keeps only part of
 * each (recovery keeps the documents, not the records around them) lets the rest go at once.
 */
export function eachRecord(
  buffer: Buffer,
  onRecord: (record: Doc) => void,
): Omit<ReadRecords, 'records'> {
  return eachFrame(buffer, (start, end) => {
    let record: Doc;
    try {
      record = decodeStored(buffer.subarray(start, end));
    } catch {
      return false;
    }
    onRecord(record);
    return true;
  });
}

/**
 * Hands the place of each intact record's payload (framed whole, its CRC-32 right) to `onBody`,
 * without decoding it; `onBody` answers false when the payload cannot be read, which ends the
 * intact records there as a bad checksum does.
 */
export function eachFrame(
  buffer: Buffer,
  onBody: (start: number, end: number) => boolean,
): Omit<ReadRecords, 'records'> {
  let offset = 0;
  while (offset < buffer.length) {
    if (buffer.length - offset < HEADER) break;
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length < 5 || end > buffer.length) break;
    if (crc32(buffer.subarray(offset + HEADER, end)) !== checksum) break;
    if (!onBody(offset + HEADER, end)) break;
    offset = end;
  }
  return { validBytes: offset, torn: offset < buffer.length };
}

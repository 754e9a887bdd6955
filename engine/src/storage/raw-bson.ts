import { Double, ObjectId } from 'bson';

import { escapeName, restoreName } from '../inherited-names.js';
import { isInt32 } from '../numbers.js';

// Reading BSON without decoding it: start-up finds each stored document's bytes, its _id's key and
// the values its indexes need this way, and leaves the full decoding to the first read of the
// document (see lazy-docs.ts). Only the engine's own files are read here; their records passed
// their CRC-32, so a structural fault is only possible from a bug, and answers "not readable".

/** What a reader answers for a value it does not produce: the caller decodes the document. */
export const NOT_READ = Symbol('not read');

/** The end of the element value of `type` starting at `at`, or -1 when it does not fit `limit`. */
export function valueEnd(buf: Uint8Array, type: number, at: number, limit: number): number {
  let end: number;
  switch (type) {
    case 0x01: // double
    case 0x09: // date
    case 0x11: // timestamp
    case 0x12: // int64
      end = at + 8;
      break;
    case 0x02: // string
    case 0x0d: // code
    case 0x0e: {
      // symbol
      const length = int32At(buf, at, limit);
      end = length < 1 ? -1 : at + 4 + length;
      if (end > at && end <= limit && buf[end - 1] !== 0) return -1;
      break;
    }
    case 0x03: // document
    case 0x04: // array
      return documentEnd(buf, at, limit);
    case 0x0f: // code with scope
      end = at + int32At(buf, at, limit);
      break;
    case 0x05: {
      // binary
      const length = int32At(buf, at, limit);
      end = length < 0 ? -1 : at + 5 + length;
      break;
    }
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // maxKey
    case 0xff: // minKey
      end = at;
      break;
    case 0x07: // ObjectId
      end = at + 12;
      break;
    case 0x08: // boolean
      end = at + 1;
      break;
    case 0x0b: {
      // regular expression: two C strings
      const first = cstringEnd(buf, at, limit);
      end = first < 0 ? -1 : cstringEnd(buf, first, limit);
      break;
    }
    case 0x0c: {
      // DBPointer
      const length = int32At(buf, at, limit);
      end = length < 1 ? -1 : at + 4 + length + 12;
      break;
    }
    case 0x10: // int32
      end = at + 4;
      break;
    case 0x13: // decimal128
      end = at + 16;
      break;
    default:
      return -1;
  }
  return end >= at && end <= limit ? end : -1;
}

/** A little-endian int32 at `at`, or -1 (which no caller accepts) when it does not fit. */
function int32At(buf: Uint8Array, at: number, limit: number): number {
  if (at + 4 > limit) return -1 - limit;
  return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
}

/** Just past the NUL that ends the C string at `at`, or -1. */
function cstringEnd(buf: Uint8Array, at: number, limit: number): number {
  for (let i = at; i < limit; i++) if (buf[i] === 0) return i + 1;
  return -1;
}

/** The end of the BSON document at `at` (its length read and checked), or -1. */
export function documentEnd(buf: Uint8Array, at: number, limit: number): number {
  const length = int32At(buf, at, limit);
  const end = at + length;
  if (length < 5 || end > limit || buf[end - 1] !== 0) return -1;
  return end;
}

/**
 * Calls `onElement(type, nameStart, nameEnd, valueStart, valueEnd)` for each element of the
 * document at `at`, whose end `documentEnd` found. Answers false when the elements do not fit it.
 * Returning false from onElement stops the walk early (still answering true).
 */
export function eachElement(
  buf: Uint8Array,
  at: number,
  end: number,
  onElement: (
    type: number,
    name: number,
    nameEnd: number,
    value: number,
    valueEnd: number,
  ) => boolean | void,
): boolean {
  let i = at + 4;
  const last = end - 1;
  while (i < last) {
    const type = buf[i];
    const nameEnd = cstringEnd(buf, i + 1, last);
    if (nameEnd < 0) return false;
    const stop = valueEnd(buf, type, nameEnd, last);
    if (stop < 0) return false;
    if (onElement(type, i + 1, nameEnd - 1, nameEnd, stop) === false) return true;
    i = stop;
  }
  return i === last;
}

/** A field name as its UTF-8 bytes, for matching element names without decoding them. */
export function nameBytes(name: string): Buffer {
  return Buffer.from(name, 'utf8');
}

function nameIs(buf: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false;
  return true;
}

/**
 * The element named `name` at the top level of the document at [at, end): [type, valueStart,
 * valueEnd], or undefined when there is none. A document holding the name twice is not read.
 */
export function findElement(
  buf: Uint8Array,
  at: number,
  end: number,
  name: Uint8Array,
): [number, number, number] | undefined | typeof NOT_READ {
  let i = at + 4;
  const last = end - 1;
  let found: [number, number, number] | undefined;
  while (i < last) {
    const type = buf[i];
    const nameEnd = cstringEnd(buf, i + 1, last);
    if (nameEnd < 0) return NOT_READ;
    const stop = valueEnd(buf, type, nameEnd, last);
    if (stop < 0) return NOT_READ;
    if (nameIs(buf, i + 1, nameEnd - 1, name)) {
      if (found) return NOT_READ;
      found = [type, nameEnd, stop];
    }
    i = stop;
  }
  return i === last ? found : NOT_READ;
}

export function utf8(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
}

/** The string value of a string element whose value starts at `at` (its length prefix). */
export function stringValue(buf: Uint8Array, at: number, end: number): string {
  return utf8(buf, at + 4, end - 1);
}

// bson 7 builds an ObjectId from a buffer and an offset without copying (its own decoder does);
// the typings only name the one-argument form.
const ObjectIdAt = ObjectId as unknown as new (bytes: Uint8Array, offset: number) => ObjectId;

const ID_NAME = nameBytes('_id');

/**
 * A scalar as the engine keeps it once decoded (records.ts: decodeStored, which types numbers
 * as numbers.ts does), or NOT_READ for a type this reader leaves to the full decoder.
 */
export function scalarValue(buf: Uint8Array, type: number, at: number, end: number): unknown {
  switch (type) {
    case 0x10:
      return buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16) | (buf[at + 3] << 24);
    case 0x02:
      return stringValue(buf, at, end);
    case 0x07:
      return new ObjectIdAt(buf, at);
    case 0x08:
      return buf[at] === 1 ? true : buf[at] === 0 ? false : NOT_READ;
    case 0x09: {
      const view = new DataView(buf.buffer, buf.byteOffset + at, 8);
      const low = view.getUint32(0, true);
      const high = view.getInt32(4, true);
      return new Date(high * 2 ** 32 + low);
    }
    case 0x01: {
      const value = new DataView(buf.buffer, buf.byteOffset + at, 8).getFloat64(0, true);
      return isInt32(value) ? new Double(value) : value;
    }
    case 0x0a:
      return null;
    default:
      return NOT_READ;
  }
}

/**
 * The value of a top-level field as the engine would hold it in the decoded document, or
 * NOT_READ when the field is missing, holds a document, an array or a type left to the decoder,
 * or its name is one the engine escapes (then the caller decodes the document).
 */
export function topLevelValue(buf: Uint8Array, at: number, end: number, name: Uint8Array): unknown {
  // The same walk as findElement, without making its answer: index building asks this for
  // every document of a collection at start-up.
  let i = at + 4;
  const last = end - 1;
  let found = -1;
  let foundType = 0;
  let foundEnd = 0;
  while (i < last) {
    const type = buf[i];
    const nameEnd = cstringEnd(buf, i + 1, last);
    if (nameEnd < 0) return NOT_READ;
    const stop = valueEnd(buf, type, nameEnd, last);
    if (stop < 0) return NOT_READ;
    if (nameIs(buf, i + 1, nameEnd - 1, name)) {
      if (found >= 0) return NOT_READ;
      found = nameEnd;
      foundType = type;
      foundEnd = stop;
    }
    i = stop;
  }
  if (i !== last || found < 0) return NOT_READ;
  return scalarValue(buf, foundType, found, foundEnd);
}

/** Whether a field name (as the engine keeps it) is read the same in the stored bytes. */
export function readableName(field: string): boolean {
  return !field.includes('.') && restoreName(field) === field && escapeName(field) === field;
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const idText = Buffer.alloc(25);

/**
 * keyOf(doc._id) for the document at [at, end), read from its bytes (an ObjectId, a string or an
 * int32 _id), or undefined when the document must be decoded to know it.
 */
export function rawIdKey(buf: Uint8Array, at: number, end: number): string | undefined {
  // _id is nearly always the first element: look there before walking the rest.
  let found: [number, number, number] | undefined | typeof NOT_READ;
  if (buf[at + 5] === 0x5f && buf[at + 6] === 0x69 && buf[at + 7] === 0x64 && buf[at + 8] === 0) {
    const stop = valueEnd(buf, buf[at + 4], at + 9, end - 1);
    found = stop < 0 ? NOT_READ : [buf[at + 4], at + 9, stop];
    // A second _id later in the document is not looked for here: the engine writes one.
  } else {
    found = findElement(buf, at, end, ID_NAME);
  }
  if (found === undefined || found === NOT_READ) return undefined;
  const [type, value, stop] = found;
  switch (type) {
    case 0x07:
      idText[0] = 0x6f; // 'o'
      for (let i = 0; i < 12; i++) {
        const byte = buf[value + i];
        idText[1 + 2 * i] = HEX[byte >> 4];
        idText[2 + 2 * i] = HEX[byte & 15];
      }
      return idText.toString('latin1', 0, 25);
    case 0x02:
      return `s${JSON.stringify(stringValue(buf, value, stop))}`;
    case 0x10:
      return `n${buf[value] | (buf[value + 1] << 8) | (buf[value + 2] << 16) | (buf[value + 3] << 24)}`;
    default:
      return undefined;
  }
}

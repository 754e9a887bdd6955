// Value helpers that follow MongoDB's rules: the cross-type sort order, equality keys for
// indexes and _id, dotted-path lookups through arrays, and copies that keep BSON types intact.

import { compareNumbers } from './numbers.js';

export type Doc = Record<string, unknown>;

/** The text BSON classes give themselves: an ObjectId's hex, a Long's or Decimal128's digits. */
export function bsonText(value: unknown): string {
  const withText = value as { toString(): string } | null | undefined;
  return withText === null || withText === undefined ? String(withText) : withText.toString();
}

function bsonType(value: object): string | undefined {
  const tag: unknown = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false;
  if (ArrayBuffer.isView(value)) return false;
  return bsonType(value) === undefined;
}

/** MongoDB's comparison order between BSON types (MinKey lowest, MaxKey highest). */
export function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
    case 'object':
      break;
    default:
      return 13;
  }
  if (Array.isArray(value)) return 5;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  if (ArrayBuffer.isView(value)) return 6;
  switch (bsonType(value)) {
    case undefined:
      return 4;
    case 'MinKey':
      return 0;
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return 2;
    case 'BSONSymbol':
      return 3;
    case 'Binary':
      return 6;
    case 'ObjectId':
      return 7;
    case 'Timestamp':
      return 10;
    case 'BSONRegExp':
      return 11;
    case 'MaxKey':
      return 12;
    default:
      return 13;
  }
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object') {
    const own = (value as { value?: unknown }).value;
    return typeof own === 'number' ? own : Number(bsonText(value));
  }
  return Number.NaN;
}

/** The key of a number: equal for equal values whatever their type, exact for big integers. */
function numberKey(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 2 ** 53) return `n${BigInt(value)}`;
  return Object.is(value, -0) ? 'n0' : `n${value}`;
}

function bytesOf(value: unknown): Uint8Array {
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const binary = value as { buffer?: Uint8Array };
  return binary.buffer ?? new Uint8Array();
}

function compareScalars<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * MongoDB orders strings by their UTF-8 bytes, which is code point order. JavaScript's < compares
 * UTF-16 units, which differs only when a surrogate pair meets a character above U+E000.
 */
function compareStrings(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return compareScalars(a, b);
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = (left[i].codePointAt(0) ?? 0) - (right[i].codePointAt(0) ?? 0);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** bson 7 keeps an ObjectId as four 24-bit words (i0…i3), in the order of its bytes. */
function objectIdWords(value: object): [number, number, number, number] | undefined {
  const { i0, i1, i2, i3 } = value as { i0?: unknown; i1?: unknown; i2?: unknown; i3?: unknown };
  return typeof i0 === 'number' &&
    typeof i1 === 'number' &&
    typeof i2 === 'number' &&
    typeof i3 === 'number'
    ? [i0, i1, i2, i3]
    : undefined;
}

/** Byte order (the order of their hex text), by the four words without making the text. */
function compareObjectIds(a: object, b: object): number {
  const left = objectIdWords(a);
  const right = objectIdWords(b);
  if (!left || !right) return compareScalars(bsonText(a), bsonText(b));
  for (let i = 0; i < 4; i++) {
    if (left[i] !== right[i]) return left[i] - right[i];
  }
  return 0;
}

/** Compares two values the way MongoDB orders them in sorts and indexes. */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 1:
    case 0:
    case 12:
      return 0;
    case 2:
      return compareNumbers(a, b);
    case 3:
      return compareStrings(String(a), String(b));
    case 4: {
      const entriesA = Object.entries(a as Doc);
      const entriesB = Object.entries(b as Doc);
      for (let i = 0; i < Math.min(entriesA.length, entriesB.length); i++) {
        const [keyA, valueA] = entriesA[i];
        const [keyB, valueB] = entriesB[i];
        const byType = typeRank(valueA) - typeRank(valueB);
        if (byType !== 0) return byType;
        const byKey = compareScalars(keyA, keyB);
        if (byKey !== 0) return byKey;
        const byValue = compareValues(valueA, valueB);
        if (byValue !== 0) return byValue;
      }
      return entriesA.length - entriesB.length;
    }
    case 5: {
      const arrayA = a as unknown[];
      const arrayB = b as unknown[];
      for (let i = 0; i < Math.min(arrayA.length, arrayB.length); i++) {
        const byValue = compareValues(arrayA[i], arrayB[i]);
        if (byValue !== 0) return byValue;
      }
      return arrayA.length - arrayB.length;
    }
    case 6: {
      const bytesA = bytesOf(a);
      const bytesB = bytesOf(b);
      if (bytesA.length !== bytesB.length) return bytesA.length - bytesB.length;
      for (let i = 0; i < bytesA.length; i++) {
        if (bytesA[i] !== bytesB[i]) return bytesA[i] - bytesB[i];
      }
      return 0;
    }
    case 7:
      return compareObjectIds(a as object, b as object);
    case 8:
      return compareScalars(Number(a), Number(b));
    case 9:
      return compareScalars((a as Date).getTime(), (b as Date).getTime());
    case 10:
      return compareScalars(BigInt(bsonText(a)), BigInt(bsonText(b)));
    default:
      return compareScalars(String(a), String(b));
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const idCodes: number[] = new Array<number>(25).fill(0);

function putHex(word: number, at: number): void {
  for (let i = 0; i < 6; i++) idCodes[at + i] = HEX_CODES[(word >>> (20 - 4 * i)) & 15];
}

/**
 * `o` and the id's hex digits, made as one flat string. The same text as `o${id.toHexString()}`,
 * which bson builds by joining twelve pieces: kept as a map key, that chain of joined strings
 * holds about 200 bytes more per document (a million _ids at start-up). bson 7 keeps an id as
 * four 24-bit words (i0…i3); anything else falls back to its hex text.
 */
function objectIdKey(value: object): string {
  const words = objectIdWords(value);
  if (!words) return `o${bsonText(value)}`;
  idCodes[0] = 111; // 'o'
  for (let i = 0; i < 4; i++) putHex(words[i], 1 + 6 * i);
  return String.fromCharCode(...idCodes);
}

/**
 * A string that is equal for two values exactly when MongoDB considers them equal
 * (so 1, 1.0 and Long(1) share a key), used for _id lookups and index entries.
 */
export function keyOf(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'number':
      return numberKey(value);
    case 'bigint':
      return `n${value}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'object':
      break;
    default:
      return `?${bsonText(value)}`;
  }
  if (Array.isArray(value)) return `[${value.map(keyOf).join(',')}]`;
  if (value instanceof Date) return `t${value.getTime()}`;
  if (value instanceof RegExp) return `r${String(value)}`;
  if (ArrayBuffer.isView(value)) return `x${Buffer.from(bytesOf(value)).toString('base64')}`;
  const tag = bsonType(value);
  switch (tag) {
    case undefined:
      return `{${Object.entries(value as Doc)
        .map(([k, v]) => `${JSON.stringify(k)}:${keyOf(v)}`)
        .join(',')}}`;
    case 'ObjectId':
      return objectIdKey(value);
    case 'Long':
      return `n${bsonText(value)}`;
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return numberKey(toNumber(value));
    case 'Binary': {
      const sub = (value as { sub_type?: number }).sub_type ?? 0;
      return `x${sub}:${Buffer.from(bytesOf(value)).toString('base64')}`;
    }
    default:
      return `${tag}:${JSON.stringify(value)}`;
  }
}

/**
 * Copies the parts of a document that can change (plain objects and arrays); BSON values such as
 * ObjectId, Binary or Decimal128 are immutable and are shared.
 */
export function cloneDoc<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneDoc(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = cloneDoc(value[key]);
    return copy as T;
  }
  return value;
}

/**
 * Every value a dotted path reaches in a document, descending through arrays as MongoDB does
 * for indexes and distinct. Arrays met at the end of the path are expanded into their elements.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], at: number, out: unknown[]): void {
  if (at === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else for (const item of value) out.push(item);
    } else {
      out.push(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    const part = parts[at];
    if (/^\d+$/.test(part) && Number(part) < value.length) {
      collect(value[Number(part)], parts, at + 1, out);
      return;
    }
    let found = false;
    for (const item of value) {
      if (isPlainObject(item)) {
        found = true;
        collect(item[part], parts, at + 1, out);
      }
    }
    if (!found) out.push(undefined);
    return;
  }
  if (isPlainObject(value)) {
    collect(value[parts[at]], parts, at + 1, out);
    return;
  }
  out.push(undefined);
}

/** The BSON type name MongoDB uses in messages ("string", "object", "int", ...). */
export function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) &&
        value >= -(2 ** 31) &&
        value < 2 ** 31 &&
        !Object.is(value, -0)
        ? 'int'
        : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'object':
      break;
    default:
      return 'javascript';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (ArrayBuffer.isView(value)) return 'binData';
  const tag = bsonType(value);
  switch (tag) {
    case undefined:
      return 'object';
    case 'ObjectId':
      return 'objectId';
    case 'Binary':
      return 'binData';
    case 'Long':
      return 'long';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Decimal128':
      return 'decimal';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'Code':
      return 'javascript';
    case 'BSONSymbol':
      return 'symbol';
    default:
      return 'object';
  }
}

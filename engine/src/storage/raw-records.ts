import type { Doc } from '../values.js';
import { documentEnd, eachElement, nameBytes, stringValue } from './raw-bson.js';
import { decodeStored } from './records.js';
import type { Op } from './store.js';

/** A journal's put of one document, read in place: the document starts at `at` in the file. */
export interface RawPut {
  op: 'rawPut';
  db: string;
  coll: string;
  at: number;
}

const T = nameBytes('t');
const DB = nameBytes('db');
const COLL = nameBytes('coll');
const DOCS = nameBytes('docs');
const OPS = nameBytes('ops');
const OP = nameBytes('op');
const DOC = nameBytes('doc');
const PUT = nameBytes('put');
const DOCS_VALUE = nameBytes('docs');

/**
 * Reads the records of one file (a snapshot or a journal file) in place: which collection each
 * document belongs to and where its bytes start, without decoding the documents. Any record of
 * another shape is decoded whole, as before, so what it means is read by the same code as ever.
 */
export class RawRecords {
  private readonly buf: Buffer;
  /** The last database and collection names read, reused while the bytes repeat. */
  private readonly names: { start: number; end: number; text: string }[] = [];

  constructor(buf: Buffer) {
    this.buf = buf;
  }

  private same(a: number, aEnd: number, b: number, bEnd: number): boolean {
    if (aEnd - a !== bEnd - b) return false;
    const buf = this.buf;
    for (let i = 0; i < aEnd - a; i++) if (buf[a + i] !== buf[b + i]) return false;
    return true;
  }

  /** The string of a string element whose value is at [at, end), cached in slot `slot`. */
  private name(slot: number, at: number, end: number): string {
    const cached = this.names[slot];
    if (cached && this.same(cached.start, cached.end, at, end)) return cached.text;
    const text = stringValue(this.buf, at, end);
    this.names[slot] = { start: at, end, text };
    return text;
  }

  private nameIs(start: number, end: number, name: Uint8Array): boolean {
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.buf[start + i] !== name[i]) return false;
    return true;
  }

  /** Whether the string value at [at, end) is `text`'s bytes. */
  private valueIs(at: number, end: number, text: Uint8Array): boolean {
    return this.nameIs(at + 4, end - 1, text);
  }

  /**
   * A snapshot's `docs` record ({t: 'docs', db, coll, docs: [...]}): its names and where each
   * document starts; undefined for a record of any other kind, false when it cannot be read.
   */
  docsRecord(
    start: number,
    end: number,
  ): { db: string; coll: string; starts: number[] } | undefined | false {
    const buf = this.buf;
    let isDocs = false;
    let db: [number, number] | undefined;
    let coll: [number, number] | undefined;
    let docs: [number, number] | undefined;
    let other = false;
    const readable = eachElement(buf, start, end, (type, name, nameEnd, value, valueEnd) => {
      if (this.nameIs(name, nameEnd, T)) {
        isDocs = type === 0x02 && this.valueIs(value, valueEnd, DOCS_VALUE);
        if (!isDocs) return false;
      } else if (this.nameIs(name, nameEnd, DB) && type === 0x02) db = [value, valueEnd];
      else if (this.nameIs(name, nameEnd, COLL) && type === 0x02) coll = [value, valueEnd];
      else if (this.nameIs(name, nameEnd, DOCS) && type === 0x04) docs = [value, valueEnd];
      else other = true;
      return true;
    });
    if (!readable) return false;
    if (!isDocs || other || !db || !coll || !docs) return undefined;
    const starts: number[] = [];
    let plain = true;
    const elements = eachElement(buf, docs[0], docs[1], (type, _name, _nameEnd, value) => {
      if (type !== 0x03) return (plain = false);
      starts.push(value);
      return true;
    });
    if (!elements) return false;
    if (!plain) return undefined;
    return { db: this.name(0, db[0], db[1]), coll: this.name(1, coll[0], coll[1]), starts };
  }

  /**
   * A journal record's operations: each put of a document as a RawPut, any other operation
   * decoded; false when the record cannot be read (it then ends the intact records, as before).
   */
  opsRecord(start: number, end: number): (Op | RawPut)[] | false {
    const quick = this.quickPuts(start, end);
    if (quick) return quick;
    const buf = this.buf;
    let ops: [number, number] | undefined;
    let plain = true;
    const readable = eachElement(buf, start, end, (type, name, nameEnd, value, valueEnd) => {
      if (this.nameIs(name, nameEnd, OPS) && type === 0x04 && !ops) ops = [value, valueEnd];
      else plain = false;
      return true;
    });
    if (!readable) return false;
    const out: (Op | RawPut)[] = [];
    if (plain && ops) {
      const [from, to] = ops;
      const each = eachElement(buf, from, to, (type, _name, _nameEnd, value, valueEnd) => {
        if (type !== 0x03) return (plain = false);
        const put = this.put(value, valueEnd);
        if (put === false) return (plain = false);
        if (put) {
          out.push(put);
          return true;
        }
        try {
          out.push(decodeStored(buf.subarray(value, valueEnd)) as Op);
        } catch {
          plain = false;
        }
        return plain;
      });
      if (!each) return false;
    }
    if (plain && ops) return out;
    // Not the shape the engine writes: decoded whole and read as before.
    let record: Doc;
    try {
      record = decodeStored(buf.subarray(start, end));
    } catch {
      return false;
    }
    return Array.isArray(record.ops) ? (record.ops as Op[]) : [];
  }

  /**
   * The record the engine writes for puts, {ops: [{op: 'put', db, coll, doc}, …]} with exactly
   * those fields in that order, read by offsets alone; undefined for anything else (the general
   * reading above then decides).
   */
  private quickPuts(start: number, end: number): RawPut[] | undefined {
    const buf = this.buf;
    // [length]["\x04ops\0"][array length] … [0] [0]
    let i = start + 4;
    if (
      end - start < 14 ||
      buf[i] !== 0x04 ||
      buf[i + 1] !== 0x6f ||
      buf[i + 2] !== 0x70 ||
      buf[i + 3] !== 0x73 ||
      buf[i + 4] !== 0
    ) {
      return undefined;
    }
    const arrayEnd = documentEnd(buf, i + 5, end - 1);
    if (arrayEnd !== end - 1) return undefined;
    i += 9;
    const puts: RawPut[] = [];
    while (i < arrayEnd - 1) {
      if (buf[i] !== 0x03) return undefined;
      i++;
      while (i < arrayEnd && buf[i] !== 0) i++;
      const opStart = i + 1;
      const opEnd = documentEnd(buf, opStart, arrayEnd - 1);
      if (opEnd < 0) return undefined;
      // "\x02op\0" [4] "put\0"
      let j = opStart + 4;
      if (
        buf[j] !== 0x02 ||
        buf[j + 1] !== 0x6f ||
        buf[j + 2] !== 0x70 ||
        buf[j + 3] !== 0 ||
        buf.readInt32LE(j + 4) !== 4 ||
        buf[j + 8] !== 0x70 ||
        buf[j + 9] !== 0x75 ||
        buf[j + 10] !== 0x74 ||
        buf[j + 11] !== 0
      ) {
        return undefined;
      }
      j += 12;
      // "\x02db\0" [n] name "\0"
      if (buf[j] !== 0x02 || buf[j + 1] !== 0x64 || buf[j + 2] !== 0x62 || buf[j + 3] !== 0) {
        return undefined;
      }
      const dbAt = j + 4;
      const dbEnd = this.stringEnd(dbAt, opEnd);
      if (dbEnd < 0) return undefined;
      j = dbEnd;
      // "\x02coll\0" [n] name "\0"
      if (
        buf[j] !== 0x02 ||
        buf[j + 1] !== 0x63 ||
        buf[j + 2] !== 0x6f ||
        buf[j + 3] !== 0x6c ||
        buf[j + 4] !== 0x6c ||
        buf[j + 5] !== 0
      ) {
        return undefined;
      }
      const collAt = j + 6;
      const collEnd = this.stringEnd(collAt, opEnd);
      if (collEnd < 0) return undefined;
      j = collEnd;
      // "\x03doc\0" document, then the op's closing 0
      if (
        buf[j] !== 0x03 ||
        buf[j + 1] !== 0x64 ||
        buf[j + 2] !== 0x6f ||
        buf[j + 3] !== 0x63 ||
        buf[j + 4] !== 0
      ) {
        return undefined;
      }
      const docAt = j + 5;
      if (documentEnd(buf, docAt, opEnd - 1) !== opEnd - 1) return undefined;
      puts.push({
        op: 'rawPut',
        db: this.name(0, dbAt, dbEnd),
        coll: this.name(1, collAt, collEnd),
        at: docAt,
      });
      i = opEnd;
    }
    return i === arrayEnd - 1 ? puts : undefined;
  }

  /** The end of a string value starting at `at` (its length prefix), or -1. */
  private stringEnd(at: number, limit: number): number {
    if (at + 5 > limit) return -1;
    const length = this.buf.readInt32LE(at);
    const end = at + 4 + length;
    return length >= 1 && end <= limit && this.buf[end - 1] === 0 ? end : -1;
  }

  /**
   * {op: 'put', db, coll, doc} read in place; undefined for another operation (decoded by the
   * caller), false for a put of another shape.
   */
  private put(start: number, end: number): RawPut | undefined | false {
    let kind: 'put' | 'other' | undefined;
    let db: [number, number] | undefined;
    let coll: [number, number] | undefined;
    let doc: number | undefined;
    let fields = 0;
    const readable = eachElement(this.buf, start, end, (type, name, nameEnd, value, valueEnd) => {
      fields++;
      if (this.nameIs(name, nameEnd, OP)) {
        kind = type === 0x02 && this.valueIs(value, valueEnd, PUT) ? 'put' : 'other';
      } else if (this.nameIs(name, nameEnd, DB) && type === 0x02) db = [value, valueEnd];
      else if (this.nameIs(name, nameEnd, COLL) && type === 0x02) coll = [value, valueEnd];
      else if (this.nameIs(name, nameEnd, DOC) && type === 0x03) doc = value;
      return true;
    });
    if (!readable) return false;
    if (kind !== 'put') return undefined;
    if (fields !== 4 || !db || !coll || doc === undefined) return false;
    return {
      op: 'rawPut',
      db: this.name(0, db[0], db[1]),
      coll: this.name(1, coll[0], coll[1]),
      at: doc,
    };
  }
}

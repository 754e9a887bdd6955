import { calculateObjectSize, Long } from 'bson';

import { CommandError } from './errors.js';
import type { Doc } from './values.js';

const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Doc[];
  position: number;
  lastUsed: number;
}

export interface CursorReply extends Doc {
  cursor: { id: Long; ns: string; firstBatch?: Doc[]; nextBatch?: Doc[] };
  ok: 1;
}

/** Results held for getMore. Results are computed in full and handed out in batches. */
export class Cursors {
  private readonly open = new Map<string, OpenCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** The first batch of results, keeping the rest open under a new cursor id if any remain. */
  first(ns: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): CursorReply {
    const cursor: OpenCursor = { ns, docs, position: 0, lastUsed: Date.now() };
    const batch = take(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = Long.ZERO;
    if (cursor.position < docs.length && !singleBatch) {
      id = randomCursorId();
      this.open.set(cursorKey(id), cursor);
    }
    return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
  }

  more(id: CursorId, ns: string, batchSize: number | undefined): CursorReply {
    const key = cursorKey(id);
    const cursor = this.open.get(key);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${key} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        'BadValue',
        `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    cursor.lastUsed = Date.now();
    const batch = take(cursor, batchSize && batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY);
    let replyId = Long.fromString(key);
    if (cursor.position >= cursor.docs.length) {
      this.open.delete(key);
      replyId = Long.ZERO;
    }
    return { cursor: { nextBatch: batch, id: replyId, ns }, ok: 1 };
  }

  kill(id: CursorId): boolean {
    return this.open.delete(cursorKey(id));
  }

  get size(): number {
    return this.open.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, cursor] of this.open) {
      if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.open.delete(key);
    }
  }
}

/** A cursor id as clients send it: a Long, or a plain number once the driver has promoted it. */
export type CursorId = Long | number | bigint;

export function isCursorId(value: unknown): value is CursorId {
  if (typeof value === 'number') return Number.isInteger(value);
  if (typeof value === 'bigint') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'Long'
  );
}

function cursorKey(id: CursorId): string {
  return BigInt(id.toString()).toString();
}

function take(cursor: OpenCursor, count: number): Doc[] {
  const batch: Doc[] = [];
  let bytes = 0;
  while (batch.length < count && cursor.position < cursor.docs.length) {
    const doc = cursor.docs[cursor.position];
    const size = calculateObjectSize(doc);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push(doc);
    bytes += size;
    cursor.position++;
  }
  return batch;
}

function randomCursorId(): Long {
  const high = Math.floor(Math.random() * 0x7fffffff) + 1;
  const low = Math.floor(Math.random() * 0xffffffff);
  return new Long(low, high);
}

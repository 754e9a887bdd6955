import type { Doc } from '../values.js';
import { decodeStored } from './records.js';

/**
 * The files start-up read (the snapshot, the journal files), kept as they were read, and where
 * in them each document still held as bytes starts. A document is named by a ref, a small
 * integer (so a collection's map holds no object for it), until it is decoded or replaced.
 *
 * A file's buffer is let go once none of its documents is held as bytes any more, unless a
 * snapshot being written still reads them (pin).
 */
export class Arena {
  private readonly buffers: (Buffer | undefined)[] = [];
  /** How many refs into each buffer are still held. */
  private readonly live: number[] = [];
  private segmentOf = new Int32Array(1024);
  private offsetOf = new Int32Array(1024);
  private count = 0;
  private pins = 0;

  /** Keeps `buffer` for documents inside it; answers its number for add(). */
  addBuffer(buffer: Buffer): number {
    this.buffers.push(buffer);
    this.live.push(0);
    return this.buffers.length - 1;
  }

  buffer(segment: number): Buffer {
    const buffer = this.buffers[segment];
    if (!buffer) throw new Error('engine: a stored document was read after its file was let go');
    return buffer;
  }

  /** A ref for the document starting at `offset` of buffer `segment`. */
  add(segment: number, offset: number): number {
    if (this.count === this.segmentOf.length) {
      const segments = new Int32Array(this.count * 2);
      segments.set(this.segmentOf);
      this.segmentOf = segments;
      const offsets = new Int32Array(this.count * 2);
      offsets.set(this.offsetOf);
      this.offsetOf = offsets;
    }
    this.segmentOf[this.count] = segment;
    this.offsetOf[this.count] = offset;
    return this.count++;
  }

  /** Counts a ref as held (DocMap.settle, once loading is over). */
  hold(ref: number): void {
    this.live[this.segmentOf[ref]]++;
  }

  /** Loading is over and every held ref counted: lets go of the buffers nothing refers to. */
  settle(): void {
    this.live.forEach((n, segment) => {
      if (n === 0 && this.pins === 0) this.buffers[segment] = undefined;
    });
  }

  /** The document's bytes (a view into the file's buffer). */
  bytes(ref: number): Buffer {
    const buffer = this.buffer(this.segmentOf[ref]);
    const at = this.offsetOf[ref];
    return buffer.subarray(at, at + buffer.readInt32LE(at));
  }

  /** The length of a ref's document, in bytes. */
  length(ref: number): number {
    return this.buffer(this.segmentOf[ref]).readInt32LE(this.offsetOf[ref]);
  }

  /** Copies a ref's document into `target` at `at`; answers how many bytes it copied. */
  copy(ref: number, target: Buffer, at: number): number {
    const buffer = this.buffer(this.segmentOf[ref]);
    const start = this.offsetOf[ref];
    return buffer.copy(target, at, start, start + buffer.readInt32LE(start));
  }

  /** The buffer holding a ref's document, to read parts of it without a view (see start). */
  bufferOf(ref: number): Buffer {
    return this.buffer(this.segmentOf[ref]);
  }

  /** Where a ref's document starts in bufferOf(ref). */
  start(ref: number): number {
    return this.offsetOf[ref];
  }

  decode(ref: number): Doc {
    return decodeStored(this.bytes(ref));
  }

  /** The ref is no longer held: its document was decoded, replaced or removed. */
  release(ref: number): void {
    const segment = this.segmentOf[ref];
    if (--this.live[segment] === 0 && this.pins === 0) this.buffers[segment] = undefined;
  }

  /** Keeps every buffer while a snapshot reads refs; answers the matching unpin. */
  pin(): () => void {
    this.pins++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.pins === 0) this.settle();
    };
  }
}

/** A stored document: decoded, or a ref to its bytes in an arena. */
export type Stored = Doc | number;

/**
 * A collection's documents by key, as a Map<string, Doc> reads: a document loaded from disk is
 * held as bytes until it is first read, then decoded once and kept decoded (so after its first
 * read it costs what it did when every document was decoded at start-up). Iteration keeps the
 * order documents were stored in, as a Map does.
 */
export class DocMap implements Iterable<[string, Doc]> {
  private readonly map = new Map<string, Stored>();
  private arena: Arena | undefined;
  /** How many values are still refs; none: every read is the plain Map's. */
  private raw = 0;
  private settled = false;

  get size(): number {
    return this.map.size;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  get(id: string): Doc | undefined {
    const value = this.map.get(id);
    return typeof value === 'number' ? this.decode(id, value) : value;
  }

  set(id: string, doc: Doc): this {
    if (this.raw > 0) this.forget(this.map.get(id));
    this.map.set(id, doc);
    return this;
  }

  delete(id: string): boolean {
    if (this.raw > 0) this.forget(this.map.get(id));
    return this.map.delete(id);
  }

  /**
   * Holds a document as bytes while loading: `ref` names them in `arena`, one arena per map.
   * Nothing is counted until settle(), so a load costs one map write per document.
   */
  loadRaw(id: string, arena: Arena, ref: number): void {
    if (this.arena && this.arena !== arena) {
      this.map.set(id, arena.decode(ref));
      return;
    }
    this.arena = arena;
    this.map.set(id, ref);
  }

  /**
   * Ends loading: counts the documents still held as bytes (in this map and in each of the
   * arena's buffers). Called once per map, before any read; the arena's settle() follows.
   */
  settle(): void {
    const arena = this.arena;
    if (!arena || this.settled) return;
    this.settled = true;
    let raw = 0;
    this.map.forEach((value) => {
      if (typeof value !== 'number') return;
      raw++;
      arena.hold(value);
    });
    this.raw = raw;
  }

  private forget(previous: Stored | undefined): void {
    if (typeof previous !== 'number') return;
    this.raw--;
    this.arena?.release(previous);
  }

  private decode(id: string, ref: number): Doc {
    const arena = this.arena as Arena;
    const doc = arena.decode(ref);
    this.map.set(id, doc);
    this.raw--;
    arena.release(ref);
    return doc;
  }

  /** Every document, each decoded as the iteration reaches it. */
  values(): IterableIterator<Doc> {
    if (this.raw === 0) return this.map.values() as IterableIterator<Doc>;
    return this.decodingValues();
  }

  private *decodingValues(): IterableIterator<Doc> {
    for (const [id, value] of this.map) {
      yield typeof value === 'number' ? this.decode(id, value) : value;
    }
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  *entries(): IterableIterator<[string, Doc]> {
    for (const [id, value] of this.map) {
      yield [id, typeof value === 'number' ? this.decode(id, value) : value];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, Doc]> {
    return this.entries();
  }

  forEach(callback: (doc: Doc, id: string) => void): void {
    for (const [id, doc] of this.entries()) callback(doc, id);
  }

  /**
   * Each stored value as it is, decoded or a ref, without decoding (index building reads what it
   * needs from the bytes). `arena` reads refs.
   */
  forEachStored(callback: (value: Stored, id: string, arena: Arena | undefined) => void): void {
    const arena = this.arena;
    this.map.forEach((value, id) => callback(value, id, arena));
  }

  /**
   * What a snapshot writes: every document as it is now, decoded or a ref, and the arena that
   * reads the refs, pinned until `release` (the refs stay readable while later writes go on).
   */
  image(): { docs: Stored[]; arena: Arena | undefined; release: () => void } {
    const docs = [...this.map.values()];
    const arena = this.raw > 0 ? this.arena : undefined;
    return { docs, arena, release: arena ? arena.pin() : () => undefined };
  }
}

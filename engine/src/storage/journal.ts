import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';

import { FILE_MODE } from './files.js';

type Item =
  | { kind: 'record'; bytes: Buffer; done: (error?: Error) => void }
  | { kind: 'rotate'; seq: number; done: (error?: Error) => void };

/**
 * Appends with O_DSYNC: each write returns only once its bytes (and the file size that reaches
 * them) are on disk, as a write followed by fdatasync would, in one system call and one trip to
 * the thread pool instead of two.
 */
const JOURNAL_FLAGS =
  constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

export function journalFileName(seq: number): string {
  return `journal-${String(seq).padStart(8, '0')}.log`;
}

/**
 * The append-only journal. Records appended while a durable write is under way wait for the next
 * one, so concurrent writers share a single write to disk (group commit). A record's promise
 * resolves only once it is on disk.
 */
export class Journal {
  private readonly dir: string;
  private file: FileHandle | undefined;
  private queue: Item[] = [];
  private flushing = false;
  private failure: Error | undefined;
  seq = 0;
  /** Bytes written to the current journal file, to decide when to compact. */
  bytes = 0;
  /** Number of durable (O_DSYNC) batch writes, the journal's syncs, for serverStatus and the benchmark. */
  syncs = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  async open(seq: number): Promise<void> {
    this.file = await open(path.join(this.dir, journalFileName(seq)), JOURNAL_FLAGS, FILE_MODE);
    // Exactly 0600 whatever the umask, and for a journal left by an engine that made it 0644.
    await this.file.chmod(FILE_MODE);
    this.seq = seq;
    this.bytes = (await this.file.stat()).size;
  }

  append(bytes: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.bytes += bytes.length;
    return new Promise((resolve, reject) => {
      this.queue.push({
        kind: 'record',
        bytes,
        done: (error) => (error ? reject(error) : resolve()),
      });
      this.schedule();
    });
  }

  /** Records appended after this call go to a new journal file numbered seq. */
  rotate(seq: number): Promise<void> {
    this.bytes = 0;
    return new Promise((resolve, reject) => {
      this.queue.push({
        kind: 'rotate',
        seq,
        done: (error) => (error ? reject(error) : resolve()),
      });
      this.schedule();
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      const wait = () => (this.flushing || this.queue.length ? setTimeout(wait, 1) : resolve());
      wait();
    });
    await this.file?.close();
    this.file = undefined;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    // Let every write of this event-loop turn join the batch before the fsync starts.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const items = this.queue;
      this.queue = [];
      let batch: Item[] = [];
      try {
        for (const item of items) {
          if (item.kind === 'record') {
            batch.push(item);
            continue;
          }
          await this.writeAndSync(batch);
          batch = [];
          await this.file?.close();
          await this.open(item.seq);
          this.bytes = 0;
          item.done();
        }
        await this.writeAndSync(batch);
      } catch (cause) {
        // A journal that cannot be written can no longer acknowledge anything.
        this.failure = cause instanceof Error ? cause : new Error(String(cause));
        for (const item of [...items, ...this.queue]) item.done(this.failure);
        this.queue = [];
      }
    }
    this.flushing = false;
  }

  private async writeAndSync(batch: Item[]): Promise<void> {
    if (batch.length === 0) return;
    const file = this.file;
    if (!file) throw new Error('journal is closed');
    const buffers = batch.map((item) => (item.kind === 'record' ? item.bytes : Buffer.alloc(0)));
    let pending = Buffer.concat(buffers);
    // Durable when each write returns (O_DSYNC, see JOURNAL_FLAGS): no separate fdatasync.
    while (pending.length > 0) {
      const { bytesWritten } = await file.write(pending);
      pending = pending.subarray(bytesWritten);
    }
    this.syncs++;
    for (const item of batch) item.done();
  }
}

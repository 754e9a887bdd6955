import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

import { calculateObjectSize } from 'bson';

import type { Collection } from './collection.js';
import { DIR_MODE, FILE_MODE } from './files.js';
import type { IndexSpec } from './index-key.js';
import type { Arena, Stored } from './lazy-docs.js';
import { frameDocsRecord, frameRecord } from './records.js';

export interface CollectionImage {
  db: string;
  collection: Collection;
  specs: IndexSpec[];
  /** Each document decoded, or a ref to its stored bytes in `arena` (written as they are). */
  docs: Stored[];
  arena?: Arena;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

export function snapshotFileName(seq: number): string {
  return `snapshot-${String(seq).padStart(8, '0')}.bson`;
}

export function parseSeq(file: string, kind: 'journal' | 'snapshot'): number | undefined {
  const match = new RegExp(`^${kind}-(\\d{8})\\.(?:log|bson)$`).exec(file);
  return match ? Number(match[1]) : undefined;
}

/**
 * Writes the state captured when journal file `seq` was started, then removes the journal files
 * and snapshots it replaces. The snapshot appears under its final name only once it is complete
 * and on disk, so a crash part-way leaves the previous snapshot and journals in charge.
 */
export async function writeSnapshot(
  dir: string,
  seq: number,
  image: CollectionImage[],
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const finalPath = path.join(dir, snapshotFileName(seq));
  const tmpPath = `${finalPath}.tmp`;
  const file = await open(tmpPath, 'w', FILE_MODE);
  try {
    await file.chmod(FILE_MODE);
    await file.write(frameRecord({ t: 'snapshot', v: 1, seq }));
    for (const { db, collection, specs, docs, arena } of image) {
      await file.write(
        frameRecord({
          t: 'collection',
          db,
          coll: collection.name,
          options: collection.options,
          uuid: collection.uuid,
          indexes: specs,
        }),
      );
      let chunk: Stored[] = [];
      let size = 0;
      for (const doc of docs) {
        const docSize =
          typeof doc === 'number' ? (arena as Arena).length(doc) : calculateObjectSize(doc);
        if (chunk.length > 0 && size + docSize > CHUNK_BYTES) {
          await file.write(frameDocsRecord(db, collection.name, chunk, arena));
          chunk = [];
          size = 0;
        }
        chunk.push(doc);
        size += docSize;
      }
      if (chunk.length > 0) {
        await file.write(frameDocsRecord(db, collection.name, chunk, arena));
      }
    }
    await file.write(frameRecord({ t: 'end', seq }));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmpPath, finalPath);
  await syncDirectory(dir);
  for (const name of await readdir(dir)) {
    const old = parseSeq(name, 'journal') ?? parseSeq(name, 'snapshot');
    if (old !== undefined && old < seq) await unlink(path.join(dir, name));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

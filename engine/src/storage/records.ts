import { crc32 } from 'node:zlib';

import { deserialize, serialize } from 'bson';

import type { Doc } from '../values.js';

// Every record on disk, in the journal and in snapshots alike, is framed as
// [payload length: u32 LE][crc32 of payload: u32 LE][payload: one BSON document],
// so a torn or corrupt tail is recognised and never half-applied.
const HEADER = 8;

export const DESERIALIZE_OPTIONS = {
  promoteValues: true,
  promoteLongs: true,
  bsonRegExp: false,
} as const;

export function frameRecord(payload: Doc): Buffer {
  const body = serialize(payload, { checkKeys: false, ignoreUndefined: false });
  const header = Buffer.allocUnsafe(HEADER);
  header.writeUInt32LE(body.length, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
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
  let offset = 0;
  while (offset < buffer.length) {
    if (buffer.length - offset < HEADER) break;
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length < 5 || end > buffer.length) break;
    const body = buffer.subarray(offset + HEADER, end);
    if (crc32(body) !== checksum) break;
    try {
      records.push(deserialize(body, DESERIALIZE_OPTIONS));
    } catch {
      break;
    }
    offset = end;
  }
  return { records, validBytes: offset, torn: offset < buffer.length };
}

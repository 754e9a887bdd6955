import type { Db, Document, Long, RunCommandOptions } from 'mongodb';

/** Typed views of raw command replies, so tests read fields without `any`. */
export interface CursorReply {
  ok: number;
  cursor: { id: Long | number; ns: string; firstBatch?: Document[]; nextBatch?: Document[] };
}

export interface WriteErrorEntry {
  index: number;
  code: number;
  errmsg: string;
  keyPattern?: Document;
  keyValue?: Document;
}

export interface WriteReply {
  ok: number;
  n: number;
  nModified?: number;
  upserted?: { index: number; _id: unknown }[];
  writeErrors?: WriteErrorEntry[];
}

export interface KillCursorsReply {
  ok: number;
  cursorsKilled: unknown[];
  cursorsNotFound: unknown[];
  cursorsAlive: unknown[];
  cursorsUnknown: unknown[];
}

/** Runs a raw command; cursor ids stay Long so they can be sent back unchanged. */
export async function run<T>(
  db: Db,
  command: Document,
  options: RunCommandOptions = {},
): Promise<T> {
  return (await db.command(command, { promoteLongs: false, ...options })) as T;
}

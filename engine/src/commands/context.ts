import type { Cursors } from '../cursors.js';
import type { Store } from '../storage/store.js';
import type { Doc } from '../values.js';

export interface ServerInfo {
  startedAt: Date;
  host: string;
  port: number;
  connections: { current: number; totalCreated: number };
}

export interface CommandContext {
  store: Store;
  cursors: Cursors;
  server: ServerInfo;
  connectionId: number;
  /** Database the command runs in ($db). */
  db: string;
  /** The command's name as the client spelled it (its first field). */
  name: string;
  command: Doc;
}

export type Handler = (context: CommandContext) => Doc | Promise<Doc>;

import type { ScramConversation, ScramUser } from '../auth/scram.js';
import type { Cursors } from '../cursors.js';
import type { Store } from '../storage/store.js';
import type { Doc } from '../values.js';

export interface ServerInfo {
  startedAt: Date;
  host: string;
  port: number;
  connections: { current: number; totalCreated: number };
}

/** One client connection; authentication belongs to it, as on MongoDB. */
export interface Connection {
  id: number;
  /** The user this connection authenticated as; undefined until it has. */
  user: string | undefined;
  /** A SCRAM conversation under way (between saslStart and its last saslContinue). */
  sasl:
    { conversation: ScramConversation; skipEmptyExchange: boolean; proved: boolean } | undefined;
}

export interface CommandContext {
  store: Store;
  cursors: Cursors;
  server: ServerInfo;
  /** The one user this engine accepts; undefined when it runs without authentication. */
  auth: ScramUser | undefined;
  connection: Connection;
  /** Database the command runs in ($db). */
  db: string;
  /** The command's name as the client spelled it (its first field). */
  name: string;
  command: Doc;
  /** When the command must end by (performance.now()), from its maxTimeMS; see limits.ts. */
  deadline?: number;
}

export type Handler = (context: CommandContext) => Doc | Promise<Doc>;

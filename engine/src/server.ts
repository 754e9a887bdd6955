import net from 'node:net';

import type { ScramUser } from './auth/scram.js';
import type { Connection, ServerInfo } from './commands/context.js';
import { forgetConnection, trackConnection } from './commands/database-aggregate.js';
import { runCommand } from './commands/index.js';
import { Cursors } from './cursors.js';
import type { EngineLogger } from './logger.js';
import type { Store } from './storage/store.js';
import { encodeReply, MAX_MESSAGE_BYTES, parseMessage, ProtocolError } from './wire/messages.js';

/** The TCP side: frames messages per connection and answers each in order. */
export class WireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly cursors = new Cursors();
  private readonly store: Store;
  private readonly logger: EngineLogger;
  private readonly auth: ScramUser | undefined;
  readonly info: ServerInfo;
  private nextConnectionId = 1;

  /** With `auth`, each connection must authenticate as that user before anything but the handshake. */
  constructor(store: Store, logger: EngineLogger, auth: ScramUser | undefined) {
    this.store = store;
    this.logger = logger;
    this.auth = auth;
    this.info = {
      startedAt: new Date(),
      host: '',
      port: 0,
      connections: { current: 0, totalCreated: 0 },
    };
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(port: number, host: string): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        if (address === null || typeof address === 'string') {
          reject(new Error('engine: could not read the listening address'));
          return;
        }
        this.info.host = host;
        this.info.port = address.port;
        resolve({ host, port: address.port });
      });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.cursors.close();
  }

  private accept(socket: net.Socket): void {
    const connection: Connection = {
      id: this.nextConnectionId++,
      user: undefined,
      sasl: undefined,
    };
    this.sockets.add(socket);
    trackConnection(this.info, connection, `${socket.remoteAddress}:${socket.remotePort}`);
    this.info.connections.current++;
    this.info.connections.totalCreated++;
    socket.setNoDelay(true);
    let buffered: Buffer = Buffer.alloc(0);
    let queue: Promise<void> = Promise.resolve();

    const fail = (reason: string) => {
      this.logger.error(`engine: closing connection ${connection.id}: ${reason}`);
      socket.destroy();
    };

    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = buffered.readInt32LE(0);
        if (length < 16 || length > MAX_MESSAGE_BYTES) {
          fail(`message length ${length} is outside 16..${MAX_MESSAGE_BYTES} bytes`);
          buffered = Buffer.alloc(0);
          return;
        }
        if (buffered.length < length) break;
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        // Replies on one connection go out in the order the requests came in.
        queue = queue.then(() => this.handle(socket, message, connection, fail));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      forgetConnection(this.info, connection);
      this.info.connections.current--;
    });
  }

  private async handle(
    socket: net.Socket,
    message: Buffer,
    connection: Connection,
    fail: (reason: string) => void,
  ): Promise<void> {
    if (socket.destroyed) return;
    let request;
    try {
      request = parseMessage(message);
    } catch (error) {
      fail(error instanceof ProtocolError ? error.message : `unreadable message: ${String(error)}`);
      return;
    }
    const reply = await runCommand({
      store: this.store,
      cursors: this.cursors,
      server: this.info,
      auth: this.auth,
      connection,
      command: request.command,
    });
    if (request.noReply || socket.destroyed) return;
    try {
      socket.write(encodeReply(request, reply));
    } catch (error) {
      fail(`could not encode the reply: ${String(error)}`);
    }
  }
}

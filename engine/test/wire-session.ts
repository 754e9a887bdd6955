import type { Socket } from 'node:net';
import { connect } from 'node:net';

import type { Address, Reply } from './wire.js';
import { parseReply } from './wire.js';

/** One raw connection carrying several request/reply exchanges in order. */
export class WireSession {
  private buffer = Buffer.alloc(0);
  private waiting: ((frame: Buffer) => void)[] = [];
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  static open(address: Address): Promise<WireSession> {
    return new Promise((resolve, reject) => {
      const socket = connect(address.port, address.host);
      socket.once('connect', () => resolve(new WireSession(socket)));
      socket.once('error', reject);
    });
  }

  private drain(): void {
    while (this.buffer.length >= 4 && this.waiting.length > 0) {
      const length = this.buffer.readInt32LE(0);
      if (this.buffer.length < length) return;
      const frame = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      this.waiting.shift()?.(frame);
    }
  }

  /** Sends bytes without waiting for anything (e.g. a moreToCome message). */
  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends a request and resolves with the next reply frame, or rejects after `timeoutMs`. */
  request(bytes: Buffer, timeoutMs = 5000): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('connection closed'));
        return;
      }
      const timer = setTimeout(() => reject(new Error('no reply')), timeoutMs);
      this.waiting.push((frame) => {
        clearTimeout(timer);
        try {
          resolve(parseReply(frame));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      this.socket.write(bytes);
      this.drain();
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

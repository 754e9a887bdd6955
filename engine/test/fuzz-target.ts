import { MongoClient } from 'mongodb';
import { expect } from 'vitest';

import type { EngineChild } from './engine-child.js';
import { spawnEngineChild } from './engine-child.js';
import { makeTempDir, removeDir } from './harness.js';
import type { Address, Outcome } from './wire.js';
import { addressOf, OP_MSG } from './wire.js';

/**
 * The engine under fuzzing runs in its own process, so an input that crashes it is reported
 * (and the engine restarted for the next case) instead of taking the test runner down.
 */
export class FuzzTarget {
  private child: EngineChild | undefined;
  private client: MongoClient | undefined;
  private dataDir = '';

  get address(): Address {
    if (!this.child) throw new Error('fuzz target not started');
    return addressOf(this.child.uri);
  }

  async start(): Promise<void> {
    if (!this.dataDir) this.dataDir = await makeTempDir('fuzz');
    // Without authentication, so that hostile commands reach every handler rather than stopping
    // at the refusal an unauthenticated connection gets (scram.test.ts fuzzes that side).
    this.child = await spawnEngineChild(this.dataDir, { auth: false });
    this.client = new MongoClient(this.child.uri, {
      maxPoolSize: 1,
      serverSelectionTimeoutMS: 3000,
    });
    await this.client.connect();
  }

  async stop(): Promise<void> {
    try {
      await this.client?.close(true).catch(() => undefined);
      await this.child?.stop(3000);
    } finally {
      if (this.dataDir) await removeDir(this.dataDir);
    }
  }

  private alive(): boolean {
    const proc = this.child?.proc;
    return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
  }

  /** After each case: the engine process lives and a separate driver connection answers ping. */
  async expectHealthy(input: string): Promise<void> {
    let pinged = false;
    try {
      const reply = await this.client?.db('admin').command({ ping: 1 });
      pinged = reply?.ok === 1;
    } catch {
      pinged = false;
    }
    if (pinged && this.alive()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const died = !this.alive();
    const stderr = this.child?.stderr().slice(-1500) ?? '';
    await this.client?.close(true).catch(() => undefined);
    this.child?.proc.kill('SIGKILL');
    await this.start();
    throw new Error(
      `${died ? 'engine process died' : 'engine stopped answering ping'} after input ${input}\n${stderr}`,
    );
  }
}

/** The server either answered with a well-formed OP_MSG, closed the connection, or (if allowed) waited. */
export function expectAnsweredOrClosed(outcome: Outcome, mayStaySilent: boolean): void {
  if (outcome.kind === 'malformed') throw new Error(`malformed reply: ${outcome.error}`);
  if (outcome.kind === 'silent' && !mayStaySilent) {
    throw new Error('the server neither answered nor closed the connection');
  }
  if (outcome.kind === 'reply') {
    expect(outcome.reply.opCode).toBe(OP_MSG);
    expect([0, 1]).toContain(outcome.reply.body.ok);
    if (outcome.reply.body.ok === 0) {
      expect(typeof outcome.reply.body.errmsg).toBe('string');
      expect(typeof outcome.reply.body.code).toBe('number');
    }
  }
}

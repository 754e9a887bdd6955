import type { Document } from 'bson';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { describeDoc, encodable, randomCommand, structuredCommand } from './fuzz-arbitraries.js';
import { expectAnsweredOrClosed, FuzzTarget } from './fuzz-target.js';
import { embeddedOnly } from './harness.js';
import { exchange, frame, OP_MSG, opMsg } from './wire.js';

// A frame the server has received in full must be answered or the connection closed promptly.
const COMPLETE_WAIT_MS = 2000;
// A frame that claims more bytes than were sent may legitimately be waited on.
const INCOMPLETE_WAIT_MS = 150;

const target = new FuzzTarget();
let requestId = 1;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Sends raw bytes on a fresh connection, checks the outcome, then the engine's health. */
async function probe(bytes: Buffer, mayStaySilent: boolean): Promise<void> {
  const wait = mayStaySilent ? INCOMPLETE_WAIT_MS : COMPLETE_WAIT_MS;
  const outcome = await exchange(target.address, bytes, wait);
  await target.expectHealthy(hex(bytes));
  expectAnsweredOrClosed(outcome, mayStaySilent);
}

/** Sends one command as OP_MSG: it must be answered (ok 0 or 1) with our request id. */
async function command(doc: Document): Promise<void> {
  const full = { ...doc, $db: 'fuzz' };
  if (!encodable(full)) return;
  const id = requestId++;
  const outcome = await exchange(target.address, opMsg(full, id), COMPLETE_WAIT_MS);
  await target.expectHealthy(describeDoc(full));
  expect(outcome.kind, describeDoc(full)).toBe('reply');
  expectAnsweredOrClosed(outcome, false);
  if (outcome.kind === 'reply') expect(outcome.reply.responseTo).toBe(id);
}

beforeAll(async () => {
  if (!embeddedOnly) await target.start();
});

afterAll(async () => {
  if (!embeddedOnly) await target.stop();
});

describe.skipIf(embeddedOnly)('wire fuzzing (embedded engine in a child process)', () => {
  it('survives random bytes', { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        probe(Buffer.from(bytes), true),
      ),
      { numRuns: 60 },
    );
  });

  it('answers or closes on complete frames with garbled bodies', { timeout: 30_000 }, async () => {
    const valid = opMsg({ find: 'c', filter: { a: 1 }, $db: 'fuzz' }, 7).subarray(16);
    const garbled = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      fc.nat({ max: valid.length - 1 }).map((cut) => valid.subarray(0, cut)),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }))
        .map(([at, xor]) => {
          const copy = Buffer.from(valid);
          copy[at] ^= xor;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(garbled, async (payload) => {
        // With the moreToCome flag bit set a reply is forbidden, so silence is allowed then.
        const moreToCome = payload.length >= 4 && (payload.readUInt32LE(0) & 2) !== 0;
        await probe(frame(payload, requestId++, OP_MSG), moreToCome);
      }),
      { numRuns: 80 },
    );
  });

  it('waits on or drops frames cut short of their messageLength', { timeout: 30_000 }, async () => {
    const valid = opMsg({ ping: 1, $db: 'fuzz' }, 9);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: valid.length - 1 }), (cut) =>
        probe(valid.subarray(0, cut), true),
      ),
      { numRuns: 20 },
    );
  });

  it('rejects impossible messageLength values', { timeout: 30_000 }, async () => {
    const body = opMsg({ ping: 1, $db: 'fuzz' }, 11).subarray(16);
    const lengths = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: 15 }),
      fc.integer({ min: 48_000_001, max: 2 ** 31 - 1 }),
    );
    await fc.assert(
      fc.asyncProperty(lengths, (length) => probe(frame(body, requestId++, OP_MSG, length), false)),
      { numRuns: 30 },
    );
  });

  it('answers or closes on unknown opCodes', { timeout: 30_000 }, async () => {
    const body = opMsg({ ping: 1, $db: 'fuzz' }, 13).subarray(16);
    const opCodes = fc.integer({ min: -5, max: 3000 }).filter((op) => op !== OP_MSG && op !== 2004);
    await fc.assert(
      fc.asyncProperty(opCodes, (opCode) => probe(frame(body, requestId++, opCode), false)),
      { numRuns: 20 },
    );
  });

  it(
    'answers commands with random names and fields with ok 0 or 1',
    { timeout: 60_000 },
    async () => {
      await fc.assert(fc.asyncProperty(randomCommand, command), { numRuns: 200 });
    },
  );

  it(
    'answers real commands with random arguments with ok 0 or 1',
    { timeout: 60_000 },
    async () => {
      await fc.assert(fc.asyncProperty(structuredCommand, command), { numRuns: 300 });
    },
  );
});

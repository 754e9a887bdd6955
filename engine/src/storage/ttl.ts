import type { EngineLogger } from '../logger.js';
import { plainNumber } from '../numbers.js';
import type { Doc } from '../values.js';
import { valuesAtPath } from '../values.js';
import type { Store } from './store.js';

const SWEEP_EVERY_MS = 60_000;

function expiresBefore(doc: Doc, field: string, cutoff: number): boolean {
  const dates = valuesAtPath(doc, field).filter((value): value is Date => value instanceof Date);
  if (dates.length === 0) return false;
  return Math.min(...dates.map((date) => date.getTime())) < cutoff;
}

/** Removes the documents whose TTL index says they have expired, once a minute as MongoDB does. */
function sweepExpired(store: Store, now = Date.now()): Promise<number> {
  return store.write((writer) => {
    let removed = 0;
    for (const collections of store.databases.values()) {
      for (const collection of collections.values()) {
        for (const index of collection.indexes) {
          const seconds = plainNumber(index.spec.expireAfterSeconds);
          if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
          const cutoff = now - seconds * 1000;
          const field = index.fields[0];
          for (const doc of [...collection.docs.values()]) {
            if (expiresBefore(doc, field, cutoff)) {
              writer.remove(collection, doc);
              removed++;
            }
          }
        }
      }
    }
    return removed;
  });
}

export function startExpiry(store: Store, logger: EngineLogger): () => void {
  const timer = setInterval(() => {
    sweepExpired(store).catch((error: unknown) =>
      logger.error(`engine: TTL sweep failed: ${String(error)}`),
    );
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

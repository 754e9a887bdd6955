// Calls that arrive while one is in flight gather for the next: under load one round trip then
// carries many requests' reads or writes, and a request that comes alone waits for no one. Each
// item settles when the batch holding it is done.

/** A per-item failure inside a batch whose other items went through. */
export class ItemFailed {
  constructor(readonly error: unknown) {}
}

/**
 * A function that queues one item and resolves with its outcome. `write` gets each batch in
 * arrival order and returns one outcome (or ItemFailed) per item; if it throws, every item of
 * that batch fails with the error.
 */
export function batched<Item, Outcome>(
  write: (batch: readonly Item[]) => Promise<readonly (Outcome | ItemFailed)[]>,
  // Bounded, so a stalled database does not turn into one enormous write.
  maxBatch = 256,
): (item: Item) => Promise<Outcome> {
  interface Waiting {
    item: Item;
    done: (outcome: Outcome) => void;
    failed: (error: unknown) => void;
  }
  const gathering: Waiting[] = [];
  let writing = false;

  async function writeBatches(): Promise<void> {
    writing = true;
    try {
      while (gathering.length > 0) {
        const batch = gathering.splice(0, maxBatch);
        try {
          const outcomes = await write(batch.map((waiting) => waiting.item));
          batch.forEach((waiting, index) => {
            const outcome = outcomes[index];
            if (outcome instanceof ItemFailed) waiting.failed(outcome.error);
            else if (outcome === undefined)
              waiting.failed(new Error('No outcome for a batched call'));
            else waiting.done(outcome);
          });
        } catch (error) {
          for (const waiting of batch) waiting.failed(error);
        }
      }
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<Outcome>((done, failed) => {
      gathering.push({ item, done, failed });
      if (!writing) void writeBatches();
    });
}

import type { Document } from 'mongodb';

import { ResponseModel } from '../../models/response.server';
import { writeErrorsOf } from '../utils/write-errors.server';

// Step 1 of storing a response (submit.server.ts), shared by the responses that arrive together,
// as steps 3 and 4 are (rollup-batch.server.ts): one unordered insertMany, after which each
// response learns from the write errors whether its own insert collided — a second answer for
// its invite — or failed, while the others are stored regardless.

export type InsertOutcome = 'inserted' | 'duplicate';

interface Waiting {
  document: Document;
  done: (outcome: InsertOutcome) => void;
  failed: (error: unknown) => void;
}

const maxBatch = 256;
const gathering: Waiting[] = [];
let writing = false;

/** Inserts one response, with any others waiting at the same moment. */
export function insertResponse(document: Document): Promise<InsertOutcome> {
  return new Promise((done, failed) => {
    gathering.push({ document, done, failed });
    if (!writing) void writeBatches();
  });
}

async function writeBatches(): Promise<void> {
  writing = true;
  try {
    while (gathering.length > 0) {
      const batch = gathering.splice(0, maxBatch);
      try {
        await ResponseModel.collection.insertMany(
          batch.map((waiting) => waiting.document),
          { ordered: false },
        );
        for (const waiting of batch) waiting.done('inserted');
      } catch (error) {
        const problems = writeErrorsOf(error);
        if (!problems) {
          for (const waiting of batch) waiting.failed(error);
          continue;
        }
        const byIndex = new Map(problems.map((problem) => [problem.index, problem.code]));
        batch.forEach((waiting, index) => {
          const code = byIndex.get(index);
          if (code === undefined) waiting.done('inserted');
          else if (code === 11000) waiting.done('duplicate');
          else waiting.failed(error);
        });
      }
    }
  } finally {
    writing = false;
  }
}

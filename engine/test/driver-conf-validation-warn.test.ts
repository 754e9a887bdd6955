import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { embeddedOnly } from './harness.js';

// validationAction "warn" (MongoDB's Schema Validation, "Specify Validation Level / Action"):
// "MongoDB allows the operation to proceed, but records the violation in the MongoDB log"; the
// log message has id 20294, "Document would fail validation". The engine writes the warning to
// its logger and, by this app's rule that no answer reaches a log, names only the namespace.

const ctx = setupDriverDb(import.meta.url);

type Answer = Document & { _id: number };

const SECRET = 'a-private-comment-that-must-not-be-logged';

async function warnedCollection(name: string) {
  await ctx().db.createCollection(name, {
    validator: { $jsonSchema: { bsonType: 'object', required: ['score'] } },
    validationAction: 'warn',
  });
  return ctx().db.collection<Answer>(name);
}

function warnings(): string[] {
  return ctx().target.logs.filter((line) => line.includes('Document would fail validation'));
}

describe("validationAction 'warn'", () => {
  it('writes an invalid document by insert, update and findAndModify', async () => {
    const answers = await warnedCollection('answers');
    await answers.insertOne({ _id: 1, comment: SECRET });
    await answers.insertOne({ _id: 2, score: 4 });
    await answers.updateOne({ _id: 2 }, { $unset: { score: '' } });
    await answers.findOneAndUpdate({ _id: 2 }, { $set: { comment: SECRET } });
    expect(await answers.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, comment: SECRET },
      { _id: 2, comment: SECRET },
    ]);
  });

  it.skipIf(embeddedOnly)(
    'logs each invalid write as warning 20294 with its namespace and never the document',
    async () => {
      const before = warnings().length;
      const answers = await warnedCollection('logged');
      await answers.insertOne({ _id: 1, comment: SECRET });
      await answers.insertOne({ _id: 2, score: 5 }); // valid: no warning
      await answers.updateOne({ _id: 2 }, { $set: { comment: SECRET }, $unset: { score: '' } });
      const logged = warnings().slice(before);
      expect(logged).toHaveLength(2);
      for (const line of logged) {
        expect(line).toContain('20294');
        expect(line).toContain(`${ctx().dbName}.logged`);
        expect(line).not.toContain(SECRET);
        expect(line).not.toContain('comment');
      }
      expect(ctx().target.logs.join('\n')).not.toContain(SECRET);
    },
  );

  it.skipIf(embeddedOnly)(
    "logs nothing for validationAction 'error' refusals or valid documents",
    async () => {
      const before = warnings().length;
      await ctx().db.createCollection('strict', {
        validator: { score: { $exists: true } },
      });
      const strict = ctx().db.collection<Answer>('strict');
      await strict.insertOne({ _id: 1, score: 3 });
      await expect(strict.insertOne({ _id: 2, comment: SECRET })).rejects.toMatchObject({
        code: 121,
      });
      expect(warnings().slice(before)).toEqual([]);
    },
  );
});

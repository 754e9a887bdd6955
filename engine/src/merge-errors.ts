import type { CommandError } from './errors.js';
import type { Collection } from './storage/collection.js';
import { type Doc, valuesAtPath } from './values.js';

/**
 * The error of a $merge with whenMatched: 'fail' that met a document already in the target: the
 * insert MongoDB attempts fails on the unique index over the `on` fields, so the reply is a
 * duplicate key error (11000) carrying that index's keyPattern and the clashing keyValue.
 */
export function mergeDuplicateKey(collection: Collection, on: string[], doc: Doc): CommandError {
  const wanted = [...on].sort().join('\0');
  const index =
    collection.indexes.find((candidate) => [...candidate.fields].sort().join('\0') === wanted) ??
    collection.idIndex;
  const values = index.fields.map((field) => valuesAtPath(doc, field)[0] ?? null);
  return collection.duplicateKeyError(index, values);
}

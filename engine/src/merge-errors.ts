import { CommandError } from './errors.js';
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

/**
 * A $merge that names its `on` fields needs a unique index on exactly those fields in the target
 * (a partial one does not count, since it leaves documents out), or it could not tell one match
 * from several: MongoDB refuses it before writing anything (51183). `_id` always has one.
 */
export function checkMergeKeys(collection: Collection | undefined, on: string[]): void {
  const wanted = [...new Set(on)].sort().join('\0');
  if (wanted === '_id') return;
  const found = collection?.indexes.some(
    (index) =>
      index.spec.unique === true &&
      index.spec.partialFilterExpression === undefined &&
      [...index.fields].sort().join('\0') === wanted,
  );
  if (!found) {
    throw new CommandError(
      'Location51183',
      'Cannot find index to verify that join fields will be unique',
    );
  }
}

import { collatedCompare, collateFilter, type Collation, hasString } from '../collation.js';
import { type Doc, isPlainObject } from '../values.js';

// $addToSet, $pull and $pullAll under an update's collation, as MongoDB 3.4+ does them
// (SERVER-24404): strings, also inside documents and arrays, are equal when the collation says
// so (strength 2: "a" and "A"); any other type, BinData included, compares as without one.

/** The elements of `each` not already in `items` (nor earlier in `each`) under the collation. */
export function collatedNewElements(
  items: unknown[],
  each: unknown[],
  collation: Collation,
): unknown[] {
  const compare = collatedCompare(collation);
  const kept = [...items];
  const added: unknown[] = [];
  for (const item of each) {
    if (kept.some((present) => compare(present, item) === 0)) continue;
    kept.push(item);
    added.push(item);
  }
  return added;
}

function isOperatorCondition(value: Doc): boolean {
  return Object.keys(value).some((key) => key.startsWith('$'));
}

/**
 * The update's $pull conditions with their string comparisons made collation-aware (as
 * collateFilter does for a filter), and its $pullAll lists that hold strings turned into the
 * equivalent $pull of $in, so that mingo (run with collationOptions) removes by the collation.
 */
export function collatePullOperators(operators: Doc): Doc {
  const pull = operators.$pull;
  const pullAll = operators.$pullAll;
  if (!isPlainObject(pull) && !isPlainObject(pullAll)) return operators;
  const pulls: Doc = {};
  if (isPlainObject(pull)) {
    for (const [path, condition] of Object.entries(pull)) {
      // mingo tests a value or an operator condition against { k: element }, a document
      // condition against the element itself.
      pulls[path] =
        isPlainObject(condition) && !isOperatorCondition(condition)
          ? collateFilter(condition)
          : collateFilter({ k: condition }).k;
    }
  }
  const rest: Doc = { ...operators };
  if (isPlainObject(pullAll)) {
    const left: Doc = {};
    for (const [path, values] of Object.entries(pullAll)) {
      if (Array.isArray(values) && hasString(values) && !(path in pulls)) {
        pulls[path] = collateFilter({ k: { $in: values } }).k;
      } else left[path] = values;
    }
    if (Object.keys(left).length > 0) rest.$pullAll = left;
    else delete rest.$pullAll;
  }
  if (Object.keys(pulls).length > 0) rest.$pull = pulls;
  return rest;
}

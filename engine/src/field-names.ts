import { CommandError } from './errors.js';
import { type Doc, isPlainObject } from './values.js';

// Field names with dots and dollars as MongoDB 5.0+ stores them: an insert (or the document an
// upsert creates) may hold $-prefixed names at any level; an update of an existing document may not
// put one at the top level (a replacement or an operator's path); nothing inside _id may start
// with $. And $getField / $setField / $unsetField checked and completed where mingo differs.

function dollarInUpdate(name: string, path: string): CommandError {
  return new CommandError(
    'DollarPrefixedFieldName',
    `The dollar ($) prefixed field '${name}' in '${path}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
  );
}

function dollarInId(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isPlainObject(item)) {
        const found = dollarInId(item);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) return key;
    const found = dollarInId(item);
    if (found) return found;
  }
  return undefined;
}

/** Refuses an _id holding a $-prefixed field name at any depth (MongoDB's DollarPrefixedFieldName). */
export function checkIdFieldNames(doc: Doc): void {
  const found = dollarInId(doc._id);
  if (found) {
    throw new CommandError(
      'DollarPrefixedFieldName',
      `_id fields may not contain '$'-prefixed fields: ${found} is not valid for storage.`,
    );
  }
}

/** A replacement of an existing document may not have $-prefixed top-level names. */
export function checkReplacementFieldNames(doc: Doc): void {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) throw dollarInUpdate(key, key);
  }
  checkIdFieldNames(doc);
}

/** Update operators may not write a top-level $-prefixed field of an existing document. */
export function checkOperatorPaths(update: Doc): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (operator === '$unset' || operator === '$setOnInsert' || !isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      const first = path.split('.')[0];
      if (first.startsWith('$')) throw dollarInUpdate(first, path);
    }
  }
}

const FIELD_OPERATORS = new Set(['$getField', '$setField', '$unsetField']);

function fieldError(operator: string, message: string): CommandError {
  return new CommandError('BadValue', `${operator} ${message}`);
}

/** `field` must be a constant string: a plain name or a $literal, never a path or another type. */
function checkFieldArgument(operator: string, field: unknown): void {
  if (typeof field === 'string') {
    if (field.startsWith('$')) {
      throw fieldError(
        operator,
        "requires 'field' to evaluate to a constant, but got a non-constant argument",
      );
    }
    return;
  }
  if (isPlainObject(field)) {
    const keys = Object.keys(field);
    if (keys.length === 1 && keys[0] === '$literal') {
      if (typeof field.$literal !== 'string') {
        throw fieldError(operator, "requires 'field' to evaluate to type String");
      }
      return;
    }
    if (keys.length === 1 && keys[0].startsWith('$')) return;
  }
  throw fieldError(operator, "requires 'field' to evaluate to type String");
}

function rewriteFieldOperator(operator: string, spec: unknown): unknown {
  if (operator === '$getField') {
    if (!isPlainObject(spec) || !('field' in spec)) {
      checkFieldArgument(operator, spec);
      return { $getField: spec };
    }
    checkFieldArgument(operator, spec.field);
    if (!('input' in spec)) return { $getField: spec };
    // MongoDB: a null or missing input gives null (mingo would read the current document).
    return {
      $let: {
        vars: { innerloopInput: rewriteFieldExpressions(spec.input) },
        in: {
          $cond: [
            { $in: [{ $type: '$$innerloopInput' }, ['missing', 'null', 'undefined']] },
            null,
            { $getField: { field: spec.field, input: '$$innerloopInput' } },
          ],
        },
      },
    };
  }
  if (isPlainObject(spec)) {
    if (!('field' in spec)) {
      throw fieldError(operator, "needs 'field'");
    }
    checkFieldArgument(operator, spec.field);
    const rewritten: Doc = {};
    for (const [key, value] of Object.entries(spec)) {
      rewritten[key] = key === 'field' ? value : rewriteFieldExpressions(value);
    }
    return { [operator]: rewritten };
  }
  throw fieldError(operator, 'only supports an object as its argument');
}

/**
 * A copy of an expression, stage list or filter with $getField, $setField and $unsetField
 * checked as MongoDB checks them and $getField's null input made to give null. Anything without
 * those operators comes back unchanged (the same object).
 */
export function rewriteFieldExpressions<T>(value: T): T {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const next = rewriteFieldExpressions(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? items : value) as T;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && FIELD_OPERATORS.has(keys[0])) {
    return rewriteFieldOperator(keys[0], value[keys[0]]) as T;
  }
  let copy: Doc | undefined;
  for (const key of keys) {
    if (key === '$literal') continue;
    const next = rewriteFieldExpressions(value[key]);
    if (next !== value[key]) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return (copy ?? value) as T;
}

/**
 * For the document an upsert creates: $set's top-level $-prefixed names (which MongoDB stores as on
 * an insert) taken out of the operators, to be written directly after them.
 */
export function takeDollarSets(operators: Doc): Doc | undefined {
  const set = operators.$set;
  if (!isPlainObject(set)) return undefined;
  let taken: Doc | undefined;
  const rest: Doc = {};
  for (const [path, value] of Object.entries(set)) {
    if (path.startsWith('$') && !path.includes('.')) {
      taken ??= {};
      taken[path] = value;
    } else {
      rest[path] = value;
    }
  }
  if (!taken) return undefined;
  if (Object.keys(rest).length > 0) operators.$set = rest;
  else delete operators.$set;
  return taken;
}

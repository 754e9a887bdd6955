import { Timestamp } from 'bson';
import { update as mingoUpdate } from 'mingo';

import { collateFilter, type Collation, collationOptions } from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { LongOverflow, updateArithmetic, zeroLike } from '../numbers.js';
import {
  bsonTypeName,
  cloneDoc,
  compareValues,
  type Doc,
  isPlainObject,
  keyOf,
} from '../values.js';
import { collatedNewElements, collatePullOperators } from './update-collation.js';

// Update operators applied here rather than by mingo: those whose MongoDB behaviour mingo does not
// follow ($push modifiers on a new field, $addToSet comparing documents field by field in order,
// $currentDate with timestamps), and the type checks MongoDB makes before any change.

const NUMERIC_OPERATORS = new Set(['$inc', '$mul']);
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);
let timestampCounter = 0;

function isPositional(path: string): boolean {
  return path.split('.').some((part) => part.startsWith('$'));
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const tag = isPlainObject(value)
    ? undefined
    : (value as { _bsontype?: unknown } | null)?._bsontype;
  return tag === 'Long' || tag === 'Int32' || tag === 'Double' || tag === 'Decimal128';
}

interface Found {
  exists: boolean;
  value: unknown;
}

function lookup(doc: Doc, path: string): Found {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (isPlainObject(value) && Object.hasOwn(value, part)) value = value[part];
    else return { exists: false, value: undefined };
  }
  return { exists: true, value };
}

function assign(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(at) && /^\d+$/.test(part)) {
      at[Number(part)] ??= {};
      at = at[Number(part)];
    } else if (isPlainObject(at)) {
      if (!Object.hasOwn(at, part) || at[part] === undefined || at[part] === null) at[part] = {};
      at = at[part];
    }
    if (!isPlainObject(at) && !Array.isArray(at)) {
      throw new CommandError('BadValue', `Cannot create field in element of ${path}`);
    }
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(at) && /^\d+$/.test(last)) at[Number(last)] = value;
  else if (isPlainObject(at)) at[last] = value;
}

function describeId(doc: Doc): string {
  return `{_id: ${JSON.stringify(keyOf(doc._id))}}`;
}

/** Refuses updates that touch one path twice, as MongoDB does (40 ConflictingUpdateOperators). */
export function checkConflicts(operators: Doc): void {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields)) continue;
    for (const [field, target] of Object.entries(fields)) {
      paths.push(field);
      if (operator === '$rename' && typeof target === 'string') paths.push(target);
    }
  }
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i], paths[j]];
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw new CommandError(
          'ConflictingUpdateOperators',
          `Updating the path '${a}' would create a conflict at '${b}'`,
        );
      }
    }
  }
}

const MAX_BACKFILL = 1_500_000;

/** MongoDB refuses to pad an array with more than 1,500,000 nulls to reach an index. */
function checkBackfill(doc: Doc, path: string): void {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(part)) {
      if (Number(part) > value.length + MAX_BACKFILL) {
        throw new CommandError(
          'CannotBackfillArray',
          `can't backfill more than ${MAX_BACKFILL} elements`,
        );
      }
      value = value[Number(part)];
    } else if (isPlainObject(value)) {
      value = Object.hasOwn(value, part) ? value[part] : undefined;
    } else {
      return;
    }
  }
}

function checkTypes(doc: Doc, operators: Doc): void {
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      checkBackfill(doc, path);
      if (NUMERIC_OPERATORS.has(operator)) {
        if (!isNumeric(argument)) {
          const verb = operator === '$inc' ? 'increment' : 'multiply';
          throw new CommandError(
            'TypeMismatch',
            `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(argument)}}`,
          );
        }
        if (isPositional(path)) continue;
        const current = lookup(doc, path);
        if (current.exists && !isNumeric(current.value)) {
          throw new CommandError(
            'TypeMismatch',
            `Cannot apply ${operator} to a value of non-numeric type. ${describeId(doc)} has the field '${path}' of non-numeric type ${bsonTypeName(current.value)}`,
          );
        }
      }
      if (ARRAY_OPERATORS.has(operator) && !isPositional(path)) checkArray(doc, path, operator);
    }
  }
}

/** MongoDB's refusal of an array operator on a field that holds something else. */
function checkArray(doc: Doc, path: string, operator: string): void {
  const current = lookup(doc, path);
  if (current.exists && !Array.isArray(current.value)) {
    if (operator === '$pull' || operator === '$pullAll' || operator === '$pop') {
      throw new CommandError('BadValue', `Cannot apply ${operator} to a non-array value`);
    }
    throw new CommandError(
      'BadValue',
      `The field '${path}' must be an array but is of type ${bsonTypeName(current.value)} in document ${describeId(doc)}`,
    );
  }
}

function eachOf(operator: string, argument: unknown): { each: unknown[]; modifiers: Doc } {
  if (isPlainObject(argument) && '$each' in argument) {
    const each = argument.$each;
    if (!Array.isArray(each)) {
      throw new CommandError(
        'BadValue',
        `The argument to $each in ${operator} must be an array but it was of type: ${bsonTypeName(each)}`,
      );
    }
    return { each: cloneDoc(each), modifiers: argument };
  }
  return { each: [cloneDoc(argument)], modifiers: {} };
}

function sortElements(items: unknown[], spec: unknown): unknown[] {
  if (spec === 1 || spec === -1) return [...items].sort((a, b) => compareValues(a, b) * spec);
  if (!isPlainObject(spec))
    throw new CommandError(
      'BadValue',
      'The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields',
    );
  const keys = Object.entries(spec);
  return [...items].sort((a, b) => {
    for (const [field, direction] of keys) {
      const left = isPlainObject(a) ? lookup(a, field).value : undefined;
      const right = isPlainObject(b) ? lookup(b, field).value : undefined;
      const order = compareValues(left, right) * (direction === -1 ? -1 : 1);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function push(doc: Doc, path: string, argument: unknown): void {
  const { each, modifiers } = eachOf('$push', argument);
  const current = lookup(doc, path);
  let items =
    current.exists && Array.isArray(current.value) ? [...(current.value as unknown[])] : [];
  const position = modifiers.$position;
  if (typeof position === 'number') {
    const at =
      position < 0 ? Math.max(0, items.length + position) : Math.min(position, items.length);
    items.splice(at, 0, ...each);
  } else {
    items.push(...each);
  }
  if (modifiers.$sort !== undefined) items = sortElements(items, modifiers.$sort);
  const slice = modifiers.$slice;
  if (typeof slice === 'number') items = slice >= 0 ? items.slice(0, slice) : items.slice(slice);
  assign(doc, path, items);
}

function addToSet(doc: Doc, path: string, argument: unknown, collation?: Collation): void {
  const { each } = eachOf('$addToSet', argument);
  const current = lookup(doc, path);
  const items =
    current.exists && Array.isArray(current.value) ? [...(current.value as unknown[])] : [];
  if (collation) {
    const added = collatedNewElements(items, each, collation);
    if (added.length > 0 || !current.exists) assign(doc, path, [...items, ...added]);
    return;
  }
  const present = new Set(items.map(keyOf));
  let added = false;
  for (const item of each) {
    const key = keyOf(item);
    if (present.has(key)) continue;
    present.add(key);
    items.push(item);
    added = true;
  }
  if (added || !current.exists) assign(doc, path, items);
}

// $inc and $mul follow MongoDB's numeric type promotion, $min and $max BSON's order (numbers.ts).
const TYPED_OPERATORS = new Set(['$inc', '$mul', '$min', '$max']);

function typedUpdate(doc: Doc, path: string, operator: string, argument: unknown): void {
  const current = lookup(doc, path);
  let next: unknown;
  if (operator === '$inc' || operator === '$mul') {
    if (!current.exists) {
      next = operator === '$inc' ? cloneDoc(argument) : zeroLike(argument);
    } else {
      try {
        next = updateArithmetic(current.value, argument, operator === '$inc' ? 'add' : 'multiply');
      } catch (error) {
        if (!(error instanceof LongOverflow)) throw error;
        throw new CommandError(
          'BadValue',
          `Failed to apply ${operator} operations to current value (${bsonTypeName(current.value)} ${String(current.value)}) for document ${describeId(doc)}`,
        );
      }
    }
  } else {
    const order = current.exists ? compareValues(argument, current.value) : 0;
    if (current.exists && (operator === '$min' ? order >= 0 : order <= 0)) return;
    next = cloneDoc(argument);
  }
  assign(doc, path, next);
}

/**
 * Applies operators through mingo. Under a collation, arrayFilters and the element a positional $
 * names are found by it too.
 */
function delegate(
  doc: Doc,
  operators: Doc,
  arrayFilters: Doc[] | undefined,
  condition: Doc | undefined,
  collation: Collation | undefined,
): void {
  try {
    if (collation) {
      mingoUpdate(
        doc,
        collatePullOperators(operators),
        arrayFilters?.map(collateFilter),
        condition && collateFilter(condition),
        {
          cloneMode: 'deep',
          queryOptions: collationOptions(collation),
        },
      );
    } else {
      mingoUpdate(doc, operators, arrayFilters, condition, { cloneMode: 'deep' });
    }
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
}

/** What `$set` writes at positional paths while they are being found; never a stored value. */
const PROBE = `\u0000innerloop-positional-probe-${process.pid}-${Date.now()}`;

function probedPaths(value: unknown, prefix: string, found: string[]): void {
  if (value === PROBE) {
    found.push(prefix);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      probedPaths(item, prefix ? `${prefix}.${index}` : String(index), found),
    );
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      probedPaths(item, prefix ? `${prefix}.${key}` : key, found);
    }
  }
}

/**
 * The concrete paths a positional path ($, $[] or $[id]) names in `doc`: found by letting mingo
 * $set a probe there on a copy, so they are exactly the elements mingo would update, then read
 * back. Lets $inc, $mul, $min and $max on array elements keep BSON's numeric types.
 */
function positionalPaths(
  doc: Doc,
  path: string,
  arrayFilters: Doc[] | undefined,
  condition: Doc | undefined,
  collation: Collation | undefined,
): string[] {
  const copy = cloneDoc(doc);
  delegate(copy, { $set: { [path]: PROBE } }, arrayFilters, condition, collation);
  const found: string[] = [];
  probedPaths(copy, '', found);
  return found;
}

function currentDate(spec: unknown): unknown {
  if (isPlainObject(spec) && spec.$type === 'timestamp') {
    timestampCounter = (timestampCounter + 1) % 0x7fffffff;
    return new Timestamp({ t: Math.floor(Date.now() / 1000), i: timestampCounter });
  }
  return new Date();
}

/** Setting _id to the value it already has is allowed; any other change of _id is refused. */
function keepId(doc: Doc, operators: Doc): void {
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields) || !Object.hasOwn(fields, '_id')) continue;
    if (operator === '$set' && doc._id !== undefined && keyOf(fields._id) === keyOf(doc._id)) {
      const { _id: _same, ...others } = fields;
      operators[operator] = others;
      continue;
    }
    if (operator === '$set' && doc._id === undefined) {
      // An upsert may choose the new document's _id ($setOnInsert arrives here as $set).
      const { _id: chosen, ...others } = fields;
      doc._id = chosen;
      operators[operator] = others;
      continue;
    }
    throw new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
}

const SIMPLE_OPERATORS = new Set(['$set', '$unset', '$inc']);

function comparePaths(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index];
    const y = right[index];
    if (x === y) continue;
    const numeric = /^\d+$/;
    if (numeric.test(x) && numeric.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

type Parent = { parent: Doc; field: string } | { blockedBy: string; value: unknown } | null;

/**
 * The parent object a plain dotted path leads to in `doc`, and the last field name; `blockedBy`
 * when a scalar stands in the way; null when the path crosses an array (MongoDB's finer rules
 * there are left to mingo). With `create`, missing intermediate objects are made.
 */
function plainParent(doc: Doc, path: string, create: boolean): Parent {
  const parts = path.split('.');
  if (parts.some((part) => part === '')) return null;
  let at: Doc = doc;
  for (const [index, part] of parts.slice(0, -1).entries()) {
    // Own properties only: an inherited one (constructor, __proto__) is no field of the document.
    const next = Object.hasOwn(at, part) ? at[part] : undefined;
    if (next === undefined) {
      if (!create) return { parent: {}, field: parts[parts.length - 1] };
      const made: Doc = {};
      at[part] = made;
      at = made;
    } else if (isPlainObject(next)) {
      at = next;
    } else if (Array.isArray(next)) {
      return null;
    } else {
      return { blockedBy: parts.slice(0, index + 1).join('.'), value: next };
    }
  }
  return { parent: at, field: parts[parts.length - 1] };
}

/**
 * $set, $unset and $inc on plain paths through plain objects, applied directly: these are most
 * writes (counters, flags, whole fields), and mingo builds its whole operator context for each
 * call. Returns false, having changed nothing, when anything needs mingo's general rules.
 */
function applySimple(doc: Doc, operators: Doc): boolean {
  const entries = Object.entries(operators);
  for (const [operator, fields] of entries) {
    if (!SIMPLE_OPERATORS.has(operator) || !isPlainObject(fields)) return false;
    for (const [path, argument] of Object.entries(fields)) {
      if (path.includes('$') || path === '_id' || path.startsWith('_id.')) return false;
      const found = plainParent(doc, path, false);
      if (found === null) return false;
      if ('blockedBy' in found && operator !== '$unset') {
        throw new CommandError(
          'PathNotViable',
          `Cannot create field '${path.slice(found.blockedBy.length + 1).split('.')[0]}' in element {${found.blockedBy.split('.').at(-1)}: ${JSON.stringify(keyOf(found.value))}}`,
        );
      }
      if (operator === '$inc') {
        if (typeof argument !== 'number') return false;
        const current = lookup(doc, path);
        if (current.exists && typeof current.value !== 'number') return false;
      }
    }
  }
  // MongoDB (5.0 and later) visits the fields in lexicographic order, numeric names numerically,
  // which decides the order new fields take in the document.
  const changes = entries
    .flatMap(([operator, fields]) =>
      Object.entries(fields as Doc).map(([path, argument]) => ({ operator, path, argument })),
    )
    .sort((a, b) => comparePaths(a.path, b.path));
  for (const { operator, path, argument } of changes) {
    if (operator === '$unset') {
      const found = plainParent(doc, path, false);
      if (found && 'parent' in found && Object.hasOwn(found.parent, found.field)) {
        delete found.parent[found.field];
      }
      continue;
    }
    const found = plainParent(doc, path, true);
    if (!found || !('parent' in found)) {
      throw new CommandError('PathNotViable', `Cannot create field in element of ${path}`);
    }
    if (operator === '$inc') {
      const current = Object.hasOwn(found.parent, found.field)
        ? found.parent[found.field]
        : undefined;
      found.parent[found.field] = updateArithmetic(
        typeof current === 'number' ? current : 0,
        argument,
        'add',
      );
    } else {
      // A copy, so documents updated by one updateMany never share a nested value.
      found.parent[found.field] = cloneDoc(argument);
    }
  }
  return true;
}

/** Applies operator-style update `operators` to `doc` in place. */
export function applyOperators(
  doc: Doc,
  operators: Doc,
  arrayFilters: Doc[] | undefined,
  condition: Doc | undefined,
  collation?: Collation,
): void {
  checkConflicts(operators);
  checkTypes(doc, operators);
  keepId(doc, operators);
  if (arrayFilters === undefined && applySimple(doc, operators)) return;
  const rest: Doc = {};
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields)) continue;
    const delegated: Doc = {};
    for (const [path, argument] of Object.entries(fields)) {
      if (operator === '$currentDate') {
        rest.$set = {
          ...(isPlainObject(rest.$set) ? rest.$set : {}),
          [path]: currentDate(argument),
        };
      } else if (operator === '$push' && !isPositional(path)) {
        push(doc, path, argument);
      } else if (operator === '$addToSet' && !isPositional(path)) {
        addToSet(doc, path, argument, collation);
      } else if (operator === '$addToSet' && collation) {
        // mingo's own $addToSet compares without the collation.
        for (const concrete of positionalPaths(doc, path, arrayFilters, condition, collation)) {
          checkArray(doc, concrete, operator);
          addToSet(doc, concrete, argument, collation);
        }
      } else if (TYPED_OPERATORS.has(operator) && !isPositional(path)) {
        typedUpdate(doc, path, operator, argument);
      } else if (TYPED_OPERATORS.has(operator)) {
        for (const concrete of positionalPaths(doc, path, arrayFilters, condition, collation)) {
          typedUpdate(doc, concrete, operator, argument);
        }
      } else {
        delegated[path] = argument;
      }
    }
    if (Object.keys(delegated).length > 0) {
      rest[operator] = { ...(isPlainObject(rest[operator]) ? rest[operator] : {}), ...delegated };
    }
  }
  if (Object.keys(rest).length === 0) return;
  delegate(doc, rest, arrayFilters, condition, collation);
}

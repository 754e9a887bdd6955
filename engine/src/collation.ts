import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import { isNil, resolve } from 'mingo/util';

import { CommandError } from './errors.js';
import { sortDocs } from './sort.js';
import { bsonTypeName, compareValues, type Doc, isPlainObject, keyOf, typeRank } from './values.js';

// Collation as MongoDB 7.0 applies it, on Intl.Collator (Node's full ICU). A collation document is
// checked and completed once (`parseCollation`); `{locale: 'simple'}` (or none) means binary
// comparison and is represented by `undefined` everywhere. Query matching under a collation runs
// through mingo with the string comparisons of the filter rewritten into the operators below,
// which compare with the collator; sorting, index keys and distinct use `collatedCompare`.

/** A complete collation document, as listIndexes and listCollections show it. */
export interface Collation extends Doc {
  locale: string;
  caseLevel: boolean;
  caseFirst: 'upper' | 'lower' | 'off';
  strength: number;
  numericOrdering: boolean;
  alternate: 'non-ignorable' | 'shifted';
  maxVariable: 'punct' | 'space';
  normalization: boolean;
  backwards: boolean;
  version: string;
}

const FIELDS = new Set([
  'locale',
  'caseLevel',
  'caseFirst',
  'strength',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
]);

/** The ICU version MongoDB 7.0 reports in a collation's `version`. */
const ICU_VERSION = '57.1';

/** A number, whether plain or a BSON Int32, Long or Double wrapper. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const tag = isPlainObject(value) ? undefined : (value as { _bsontype?: unknown })?._bsontype;
  if (tag === 'Int32' || tag === 'Double' || tag === 'Long') return Number(String(value));
  return undefined;
}

/** A field of the collation document itself, never one inherited from a prototype. */
function own(spec: Doc, field: string): unknown {
  return Object.hasOwn(spec, field) ? spec[field] : undefined;
}

function badType(field: string, expected: string): CommandError {
  return new CommandError('TypeMismatch', `Field '${field}' must be of type ${expected}`);
}

function boolField(spec: Doc, field: string, fallback: boolean): boolean {
  const value = own(spec, field);
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw badType(field, 'bool');
  return value;
}

function enumField<T extends string>(spec: Doc, field: string, allowed: T[], fallback: T): T {
  const value = own(spec, field);
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw badType(field, 'string');
  if (!(allowed as string[]).includes(value)) {
    throw new CommandError(
      'FailedToParse',
      `Field '${field}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}. Got: ${value}`,
    );
  }
  return value as T;
}

/** MongoDB names locales ICU-style (`en_US`, `de@collation=phonebook`); Intl wants BCP 47. */
function bcp47(locale: string): string | undefined {
  const [base, keyword] = locale.split('@');
  let tag = base.replace(/_/g, '-');
  if (keyword !== undefined) {
    const match = /^collation=(\w+)$/.exec(keyword);
    if (!match) return undefined;
    const types: Record<string, string> = {
      phonebook: 'phonebk',
      search: 'search',
      pinyin: 'pinyin',
      stroke: 'stroke',
      traditional: 'trad',
      unihan: 'unihan',
      zhuyin: 'zhuyin',
      eor: 'eor',
      emoji: 'emoji',
      compat: 'compat',
      dictionary: 'dict',
      big5han: 'big5han',
      gb2312han: 'gb2312',
    };
    const type = types[match[1]];
    if (!type) return undefined;
    tag = `${tag}-u-co-${type}`;
  }
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.Collator.supportedLocalesOf([tag]).length === 1 ? tag : undefined;
  } catch {
    return undefined;
  }
}

function describe(spec: Doc): string {
  return `{ ${Object.entries(spec)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}

/**
 * Checks a `collation` argument and completes it with the defaults MongoDB fills in. Answers
 * undefined for none or `{locale: 'simple'}` (binary comparison).
 */
export function parseCollation(value: unknown): Collation | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'collation' is the wrong type, expected type 'object'",
    );
  }
  for (const field of Object.keys(value)) {
    if (!FIELDS.has(field)) {
      throw new CommandError('BadValue', `Collation spec contains unknown field: ${field}`);
    }
  }
  const locale = own(value, 'locale');
  if (locale === undefined) throw new CommandError('BadValue', 'Missing locale string');
  if (typeof locale !== 'string') throw badType('locale', 'string');
  if (locale === 'simple') {
    if (Object.keys(value).length > 1) {
      throw new CommandError(
        'FailedToParse',
        `If locale=simple, no other fields should be present in: ${describe(value)}`,
      );
    }
    return undefined;
  }
  if (bcp47(locale) === undefined) {
    throw new CommandError('BadValue', `Field 'locale' is invalid in: ${describe(value)}`);
  }
  const strength = asNumber(own(value, 'strength') ?? 3);
  if (strength === undefined) throw badType('strength', 'int');
  if (!Number.isInteger(strength) || strength < 1 || strength > 5) {
    throw new CommandError(
      'FailedToParse',
      `Field 'strength' must be an integer 1 through 5. Got: ${strength}`,
    );
  }
  const collation: Collation = {
    locale,
    caseLevel: boolField(value, 'caseLevel', false),
    caseFirst: enumField(value, 'caseFirst', ['upper', 'lower', 'off'], 'off'),
    strength,
    numericOrdering: boolField(value, 'numericOrdering', false),
    alternate: enumField(value, 'alternate', ['non-ignorable', 'shifted'], 'non-ignorable'),
    maxVariable: enumField(value, 'maxVariable', ['punct', 'space'], 'punct'),
    normalization: boolField(value, 'normalization', false),
    backwards: boolField(value, 'backwards', false),
    version: ICU_VERSION,
  };
  // What Intl.Collator cannot do is refused rather than approximated.
  if (collation.backwards) {
    throw new CommandError(
      'CommandNotSupported',
      "The embedded engine does not support collation 'backwards: true'",
    );
  }
  if (collation.alternate === 'shifted' && collation.maxVariable === 'space') {
    throw new CommandError(
      'CommandNotSupported',
      'The embedded engine does not support collation \'maxVariable: "space"\'',
    );
  }
  return collation;
}

/** A short text that is equal for two collations exactly when they compare alike ('' = simple). */
export function collationKey(collation: unknown): string {
  if (!isPlainObject(collation)) return '';
  return keyOf(collation);
}

const collators = new Map<string, Intl.Collator>();

function collatorOf(collation: Collation): Intl.Collator {
  const key = collationKey(collation);
  let collator = collators.get(key);
  if (!collator) {
    const strength = asNumber(collation.strength) ?? 3;
    let sensitivity: Intl.CollatorOptions['sensitivity'] =
      strength === 1 ? 'base' : strength === 2 ? 'accent' : 'variant';
    if (collation.caseLevel && sensitivity === 'base') sensitivity = 'case';
    if (collation.caseLevel && sensitivity === 'accent') sensitivity = 'variant';
    collator = new Intl.Collator(bcp47(collation.locale), {
      usage: 'sort',
      sensitivity,
      caseFirst: collation.caseFirst === 'off' ? 'false' : collation.caseFirst,
      numeric: collation.numericOrdering,
      ignorePunctuation: collation.alternate === 'shifted',
    });
    if (collators.size > 256) collators.clear();
    collators.set(key, collator);
  }
  return collator;
}

export type Compare = (a: unknown, b: unknown) => number;

const comparators = new WeakMap<Intl.Collator, Compare>();

/**
 * BSON order with strings (at any depth of documents and arrays) compared by the collation;
 * compareValues itself for simple binary comparison.
 */
export function collatedCompare(collation: Collation | undefined): Compare {
  if (!collation) return compareValues;
  const collator = collatorOf(collation);
  const known = comparators.get(collator);
  if (known) return known;
  const compare: Compare = (a, b) => {
    const rank = typeRank(a);
    if (rank !== typeRank(b)) return compareValues(a, b);
    if (rank === 3 && typeof a === 'string' && typeof b === 'string') {
      return collator.compare(a, b);
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const order = compare(a[i], b[i]);
        if (order !== 0) return order;
      }
      return a.length - b.length;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      const left = Object.entries(a);
      const right = Object.entries(b);
      for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const byType = typeRank(left[i][1]) - typeRank(right[i][1]);
        if (byType !== 0) return byType;
        const byKey = left[i][0] < right[i][0] ? -1 : left[i][0] > right[i][0] ? 1 : 0;
        if (byKey !== 0) return byKey;
        const byValue = compare(left[i][1], right[i][1]);
        if (byValue !== 0) return byValue;
      }
      return left.length - right.length;
    }
    return compareValues(a, b);
  };
  comparators.set(collator, compare);
  return compare;
}

/** Whether a value holds a string anywhere (the only values a collation compares differently). */
export function hasString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasString);
  if (isPlainObject(value)) return Object.values(value).some(hasString);
  return false;
}

/**
 * Values with duplicates under the collation removed (the first of each kind kept), sorted.
 * Sorting first keeps this O(n log n): equal values end up side by side.
 */
export function distinctValues(values: unknown[], collation: Collation | undefined): unknown[] {
  const compare = collatedCompare(collation);
  const unique = new Map<string, unknown>();
  for (const value of values) if (!unique.has(keyOf(value))) unique.set(keyOf(value), value);
  const sorted = [...unique.values()].sort(compare);
  const out: unknown[] = [];
  for (const value of sorted) {
    if (out.length === 0 || compare(out[out.length - 1], value) !== 0) out.push(value);
  }
  return out;
}

// --- query matching

type Predicate = (doc: Doc) => boolean;
interface QueryOptions {
  collation?: unknown;
}

function compareOf(options: QueryOptions): Compare {
  const collation = options.collation as Collation | undefined;
  return collatedCompare(collation && isPlainObject(collation) ? collation : undefined);
}

function sameValue(compare: Compare, a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && compare(a, b) === 0;
}

/** MongoDB's equality match: the value itself, or (for an array) one of its elements. */
function equalityMatch(compare: Compare, value: unknown, operand: unknown): boolean {
  if (isNil(value) && operand === null) return true;
  if (sameValue(compare, value, operand)) return true;
  if (Array.isArray(value)) {
    return value.some(
      (item) =>
        sameValue(compare, item, operand) ||
        (Array.isArray(item) && item.some((inner) => sameValue(compare, inner, operand))),
    );
  }
  return false;
}

function inMatch(compare: Compare, value: unknown, operand: unknown): boolean {
  if (!Array.isArray(operand)) return false;
  return operand.some((item) => {
    if (item instanceof RegExp) {
      const values = Array.isArray(value) ? value : [value];
      return values.some((v) => typeof v === 'string' && item.test(v));
    }
    return equalityMatch(compare, value, item);
  });
}

function rangeMatch(
  compare: Compare,
  value: unknown,
  operand: unknown,
  test: (order: number) => boolean,
): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeRank(v) === typeRank(operand) && test(compare(v, operand)));
}

/** $all: every listed value is matched as $eq would match it (an empty list matches nothing). */
function allMatch(compare: Compare, value: unknown, operand: unknown): boolean {
  if (!Array.isArray(operand) || operand.length === 0) return false;
  return operand.every((item) => equalityMatch(compare, value, item));
}

type Matcher = (compare: Compare, value: unknown, operand: unknown) => boolean;

const MATCHERS: Record<string, Matcher> = {
  $eq: equalityMatch,
  $ne: (c, v, o) => !equalityMatch(c, v, o),
  $in: inMatch,
  $nin: (c, v, o) => !inMatch(c, v, o),
  $gt: (c, v, o) => rangeMatch(c, v, o, (order) => order > 0),
  $gte: (c, v, o) => rangeMatch(c, v, o, (order) => order >= 0),
  $lt: (c, v, o) => rangeMatch(c, v, o, (order) => order < 0),
  $lte: (c, v, o) => rangeMatch(c, v, o, (order) => order <= 0),
  $all: allMatch,
};

const PREFIX = '$innerloopCollated';

function operatorName(op: string): string {
  return `${PREFIX}${op.slice(1)}`;
}

function queryOperator(matcher: Matcher) {
  return (selector: string, operand: unknown, options: QueryOptions): Predicate => {
    const compare = compareOf(options);
    return (doc) => matcher(compare, resolve(doc, selector, { unwrapArray: true }), operand);
  };
}

/** The mingo context with the collation-aware query operators; pass with `collation`. */
export const collationContext = Context.init().addQueryOps(
  Object.fromEntries(
    Object.entries(MATCHERS).map(([op, matcher]) => [operatorName(op), queryOperator(matcher)]),
  ),
);

const EXPRESSION_TESTS: Record<string, (order: number) => unknown> = {
  $eq: (order) => order === 0,
  $ne: (order) => order !== 0,
  $gt: (order) => order > 0,
  $gte: (order) => order >= 0,
  $lt: (order) => order < 0,
  $lte: (order) => order <= 0,
  $cmp: (order) => Math.sign(order),
};

function expressionOperator(test: (order: number) => unknown) {
  return (obj: Doc, expr: unknown, options: QueryOptions): unknown => {
    // Mingo's own message for the same mistake, answered as BadValue.
    if (!Array.isArray(expr) || expr.length !== 2) throw new Error('comparison expects array(2)');
    const [a, b] = evalExpr(obj, expr, options as never) as unknown[];
    return test(compareOf(options)(a ?? null, b ?? null));
  };
}

collationContext.addExpressionOps(
  Object.fromEntries(
    Object.entries(EXPRESSION_TESTS).map(([op, test]) => [
      operatorName(op),
      expressionOperator(test),
    ]),
  ),
);

/** The $in expression: whether the array holds a value equal to the first under the collation. */
function inExpression(obj: Doc, expr: unknown, options: QueryOptions): unknown {
  if (!Array.isArray(expr) || expr.length !== 2) throw new Error('$in expects array(2)');
  const [value, list] = evalExpr(obj, expr, options as never) as unknown[];
  if (!Array.isArray(list)) {
    throw new CommandError(
      'Location40081',
      `$in requires an array as a second argument, found: ${list === undefined ? 'missing' : bsonTypeName(list)}`,
    );
  }
  const compare = compareOf(options);
  return list.some((item) => sameValue(compare, item ?? null, value ?? null));
}

/**
 * $lookup's localField/foreignField join under a collation: the foreign value (or one of its
 * elements) equals the local value or one of the local array's elements; a missing or null local
 * value joins documents whose field is null or missing, as MongoDB's equality match does.
 */
function joinExpression(obj: Doc, expr: unknown, options: QueryOptions): unknown {
  const [foreign, local] = evalExpr(obj, expr, options as never) as unknown[];
  const compare = compareOf(options);
  const locals = Array.isArray(local) ? local : [local];
  return locals.some((value) =>
    isNil(value)
      ? isNil(foreign) || (Array.isArray(foreign) && foreign.some(isNil))
      : equalityMatch(compare, foreign, value),
  );
}

const JOIN = '$innerloopCollatedJoin';

collationContext.addExpressionOps({
  [operatorName('$in')]: inExpression,
  [JOIN]: joinExpression,
});

/** An aggregation expression with its comparison operators made collation-aware. */
export function collateExpression(expr: unknown): unknown {
  if (Array.isArray(expr)) return expr.map(collateExpression);
  if (!isPlainObject(expr)) return expr;
  const out: Doc = {};
  for (const [key, value] of Object.entries(expr)) {
    if (key === '$literal') put(out, key, value);
    else if (Object.hasOwn(EXPRESSION_TESTS, key) || key === '$in')
      put(out, operatorName(key), collateExpression(value));
    else put(out, key, collateExpression(value));
  }
  return out;
}

/** Sets an own property, so that a key named `__proto__` stays a field, not a prototype. */
function put(doc: Doc, key: string, value: unknown): void {
  Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
}

function isOperatorDoc(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function rewriteCondition(condition: unknown): unknown {
  if (!isOperatorDoc(condition)) {
    return hasString(condition) ? { [operatorName('$eq')]: condition } : condition;
  }
  const out: Doc = {};
  for (const [op, operand] of Object.entries(condition)) {
    // $all of $elemMatch conditions stays with mingo: only plain values compare by the collation.
    const elemMatches = op === '$all' && Array.isArray(operand) && operand.some(isOperatorDoc);
    if (Object.hasOwn(MATCHERS, op) && hasString(operand) && !elemMatches) {
      put(out, operatorName(op), operand);
    } else if (op === '$not' && isOperatorDoc(operand)) out.$not = rewriteCondition(operand);
    else if (op === '$elemMatch' && isPlainObject(operand)) {
      out.$elemMatch = isOperatorDoc(operand) ? rewriteCondition(operand) : collateFilter(operand);
    } else put(out, op, operand);
  }
  return out;
}

/**
 * The filter with each comparison that involves a string replaced by its collation-aware
 * operator; run it with `{ context: collationContext, collation }`.
 */
export function collateFilter(filter: Doc): Doc {
  const out: Doc = {};
  for (const [key, condition] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(condition)) {
      out[key] = condition.map((part: unknown) =>
        isPlainObject(part) ? collateFilter(part) : part,
      );
    } else if (key === '$expr') {
      put(out, key, collateExpression(condition));
    } else if (key.startsWith('$')) {
      put(out, key, condition);
    } else {
      put(out, key, rewriteCondition(condition));
    }
  }
  return out;
}

/**
 * Mingo options that make a Query or an Aggregator compare strings under the collation (the
 * locale in BCP 47 form, as mingo's own use of Intl.Collator needs it).
 */
export function collationOptions(collation: Collation | undefined): Doc | undefined {
  if (!collation) return undefined;
  const locale = bcp47(collation.locale) ?? collation.locale;
  return { collation: { ...collation, locale }, context: collationContext };
}

/** The collation an operation runs under: its own, else the collection's default. */
export function effectiveCollation(
  given: unknown,
  collectionOptions: Doc | undefined,
): Collation | undefined {
  if (given !== undefined && given !== null) return parseCollation(given);
  const fallback = collectionOptions?.collation;
  return isPlainObject(fallback) ? (fallback as Collation) : undefined;
}

// --- aggregation

const GROUP_KEY = '__innerloopCollatedKey';
const CANON_STAGE = '$innerloopCollatedCanon';
const SORT_STAGE = '$innerloopCollatedSort';

/** $sort as find sorts (BSON order, arrays by their extreme element), strings collated. */
function sortStage(
  collection: { transform(f: (docs: Doc[]) => unknown): unknown },
  spec: unknown,
  options: QueryOptions,
): unknown {
  const compare = compareOf(options);
  return collection.transform((docs: Doc[]) => Lazy(sortDocs(docs, spec as Doc, compare)));
}

// Stages whose specification is made of aggregation expressions.
const EXPRESSION_STAGES = new Set([
  '$project',
  '$addFields',
  '$set',
  '$replaceRoot',
  '$replaceWith',
  '$redact',
]);

/**
 * Replaces, in each document, the value at `field` by the first value met that is equal to it
 * under the collation, so that $group puts collation-equal keys in one group.
 */
function canonStage(
  collection: { transform(f: (docs: Doc[]) => unknown): unknown },
  field: unknown,
  options: QueryOptions,
): unknown {
  const compare = compareOf(options);
  return collection.transform((docs: Doc[]) => {
    const name = String(field);
    const firstSeen = new Map<string, { value: unknown; at: number }>();
    docs.forEach((doc, at) => {
      const key = keyOf(doc[name]);
      if (!firstSeen.has(key)) firstSeen.set(key, { value: doc[name], at });
    });
    const sorted = [...firstSeen.entries()].sort(
      ([, a], [, b]) => compare(a.value, b.value) || a.at - b.at,
    );
    const canonical = new Map<string, unknown>();
    let run: { value: unknown; at: number } | undefined;
    for (const [key, entry] of sorted) {
      if (!run || compare(run.value, entry.value) !== 0) run = entry;
      canonical.set(key, run.value);
    }
    const out = docs.map((doc) => ({ ...doc, [name]: canonical.get(keyOf(doc[name])) }));
    return Lazy(out);
  });
}

collationContext.addPipelineOps({ [CANON_STAGE]: canonStage, [SORT_STAGE]: sortStage } as never);

/**
 * A pipeline with the collation applied where mingo would compare binary: $match filters (also
 * inside $facet), and $group keys. $sort follows mingo's own `collation` option.
 */
export function collatePipeline(stages: Doc[]): Doc[] {
  return stages.flatMap((stage): Doc[] => {
    if (isPlainObject(stage.$match)) return [{ $match: collateFilter(stage.$match) }];
    if (isPlainObject(stage.$facet)) {
      const facets: Doc = {};
      for (const [name, pipeline] of Object.entries(stage.$facet)) {
        put(facets, name, Array.isArray(pipeline) ? collatePipeline(pipeline as Doc[]) : pipeline);
      }
      return [{ $facet: facets }];
    }
    if (isPlainObject(stage.$sort) && Object.keys(stage.$sort).length > 0) {
      return [{ [SORT_STAGE]: stage.$sort }];
    }
    if ('$sortByCount' in stage) {
      return collatePipeline([
        { $group: { _id: stage.$sortByCount, count: { $sum: 1 } } },
        { $sort: { count: -1 } },
      ]);
    }
    if (isPlainObject(stage.$group)) {
      const { _id: key, ...accumulators } = collateExpression(stage.$group) as Doc;
      if (!hasGroupKey(key)) return [{ $group: { _id: key, ...accumulators } }];
      return [
        { $addFields: { [GROUP_KEY]: key } },
        { [CANON_STAGE]: GROUP_KEY },
        { $group: { _id: `$${GROUP_KEY}`, ...accumulators } },
      ];
    }
    if (isPlainObject(stage.$lookup)) return [{ $lookup: collateLookup(stage.$lookup) }];
    const name = Object.keys(stage)[0];
    if (EXPRESSION_STAGES.has(name)) return [{ [name]: collateExpression(stage[name]) }];
    return [stage];
  });
}

/**
 * A $lookup whose join compares by the collation: its own pipeline collated, and a plain
 * localField/foreignField join (which mingo matches binary) run as a pipeline with the collated
 * join in its first $match.
 */
function collateLookup(spec: Doc): Doc {
  if (Array.isArray(spec.pipeline)) {
    return { ...spec, pipeline: collatePipeline(spec.pipeline as Doc[]) };
  }
  const { localField, foreignField, ...rest } = spec;
  if (typeof localField !== 'string' || typeof foreignField !== 'string') return spec;
  return {
    ...rest,
    let: { innerloopLocal: `$${localField}` },
    pipeline: [{ $match: { $expr: { [JOIN]: [`$${foreignField}`, '$$innerloopLocal'] } } }],
  };
}

/** Whether a $group key depends on the documents (a constant key makes one group anyway). */
function hasGroupKey(key: unknown): boolean {
  if (typeof key === 'string') return key.startsWith('$');
  if (Array.isArray(key)) return key.some(hasGroupKey);
  if (isPlainObject(key))
    return Object.entries(key).some(([k, v]) => k.startsWith('$') || hasGroupKey(v));
  return false;
}

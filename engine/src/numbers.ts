// BSON numbers as MongoDB keeps them, and comparisons in BSON order for the query library.
//
// How numbers are held in memory: a plain JavaScript number is an int32 when it is whole, within
// the int32 range and not -0, and a double otherwise (exactly what the bson serializer writes for
// it); a whole-valued double within the int32 range is a bson `Double`, and every int64 a `Long`
// and every decimal a `Decimal128`. Plain JavaScript clients (the app) only ever produce plain
// numbers, so they never meet a wrapper; a client that says Double(5) or Long(5) gets it back.
//
// mingo compares with JavaScript's rules (and by constructor for objects), so the comparison,
// arithmetic and grouping operators whose results depend on BSON's order or on numeric types are
// registered here in place of mingo's own ones.

import type { Int32 } from 'bson';
import { Decimal128, Double, Long } from 'bson';
import { Context, evalExpr, OpType } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import { Lazy } from 'mingo/lazy';
import { resolve } from 'mingo/util';

import { decimalFunction } from './decimal-functions.js';
import { absolute, type DecimalParts, quantize, remainder, wholeNumber } from './decimal-math.js';
import { CommandError } from './errors.js';
import { sortDocs } from './sort.js';
import { bsonTypeName, compareValues, type Doc, isPlainObject, keyOf, typeRank } from './values.js';

export type NumberKind = 'int' | 'long' | 'double' | 'decimal';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function tagOf(value: object): unknown {
  return (value as { _bsontype?: unknown })._bsontype;
}

/** Whether a plain number is what BSON stores as an int32. */
export function isInt32(value: number): boolean {
  return (
    Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)
  );
}

/** The BSON numeric type of a value, or undefined for anything that is not a number. */
export function numberKind(value: unknown): NumberKind | undefined {
  if (typeof value === 'number') return isInt32(value) ? 'int' : 'double';
  if (typeof value === 'bigint') return 'long';
  if (value === null || typeof value !== 'object') return undefined;
  switch (tagOf(value)) {
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    default:
      return undefined;
  }
}

/** A double as it is kept in memory: whole values in the int32 range stay marked as doubles. */
export function makeDouble(value: number): number | Double {
  return isInt32(value) ? new Double(value) : value;
}

/** The value of any numeric type as a JavaScript number (decimals and big longs rounded). */
export function toDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') {
    const tag = tagOf(value);
    if (tag === 'Double' || tag === 'Int32') return (value as Double | Int32).value;
    if (tag === 'Long') return (value as Long).toNumber();
    if (tag === 'Decimal128') return Number(decimalText(value as Decimal128));
  }
  return Number.NaN;
}

/**
 * A command option given as Double, Long or Decimal128 (as some drivers send them) as a plain
 * number; anything else unchanged.
 */
export function plainNumber(value: unknown): unknown {
  return typeof value === 'object' && numberKind(value) !== undefined ? toDouble(value) : value;
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (value !== null && typeof value === 'object' && tagOf(value) === 'Long') {
    return (value as Long).toBigInt();
  }
  return BigInt(Math.trunc(toDouble(value)));
}

function decimalText(value: Decimal128): string {
  return value.toString();
}

// ---------------------------------------------------------------------------------------------
// Decoding: bson gives Int32/Double wrappers for every number when promoteValues is off; keep the
// representation described above.

/** Turns freshly decoded BSON (promoteValues off) into the in-memory representation, in place. */
export function typeNumbers(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = typeNumbers(item);
    }
    return value;
  }
  const tag = (value as { _bsontype?: unknown })._bsontype;
  if (tag === undefined) {
    if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
    const doc = value as Doc;
    const keys = Object.keys(doc);
    for (let i = 0; i < keys.length; i++) {
      const item = doc[keys[i]];
      if (item !== null && typeof item === 'object') doc[keys[i]] = typeNumbers(item);
    }
    return doc;
  }
  switch (tag) {
    case 'Int32':
      return (value as Int32).value;
    case 'Double': {
      const number = (value as Double).value;
      return isInt32(number) ? value : number;
    }
    case 'BSONSymbol':
      return (value as { value: string }).value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison in BSON order.

/**
 * Orders two numbers of any BSON numeric type by value (NaN lowest, as MongoDB sorts it); longs
 * are compared exactly.
 */
export function compareNumbers(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return 0;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : 1;
  }
  const kindA = numberKind(a);
  const kindB = numberKind(b);
  if ((kindA === 'long' || kindA === 'int') && (kindB === 'long' || kindB === 'int')) {
    const x = toBigInt(a);
    const y = toBigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toDouble(a);
  const y = toDouble(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  if (x !== y) return x < y ? -1 : 1;
  // Equal as doubles: a long beyond 2^53 may still differ from the double nearest to it.
  if (kindA === 'long' && Number.isInteger(y) && Math.abs(y) < 2 ** 63) {
    const big = toBigInt(a);
    const other = BigInt(y);
    return big < other ? -1 : big > other ? 1 : 0;
  }
  if (kindB === 'long' && Number.isInteger(x) && Math.abs(x) < 2 ** 63) {
    const big = toBigInt(b);
    const other = BigInt(x);
    return other < big ? -1 : other > big ? 1 : 0;
  }
  return 0;
}

function isMinOrMaxKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const tag = tagOf(value);
  return tag === 'MinKey' || tag === 'MaxKey';
}

/**
 * BSON's order as aggregation expressions use it ($cmp, $lt, $max, ...): a missing value sorts
 * below null, and every other pair as in sorts.
 */
export function compareBson(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) {
    if (a === b) return 0;
    const other = a === undefined ? b : a;
    const order = other !== null && typeof other === 'object' && tagOf(other) === 'MinKey' ? 1 : -1;
    return a === undefined ? order : -order;
  }
  return compareValues(a, b);
}

/** Equality as MongoDB has it: numbers by value whatever their type, documents field by field. */
export function equalBson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const typeA = typeof a;
  if (typeA === typeof b && typeA !== 'object') {
    // Two numbers: NaN equals NaN in MongoDB.
    return typeA === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (typeA === 'object' && a !== null && b !== null) {
    const tag = tagOf(a as object);
    if (tag === 'ObjectId' && tagOf(b as object) === 'ObjectId') {
      return (a as { equals(other: unknown): boolean }).equals(b);
    }
  }
  if (typeRank(a) !== typeRank(b)) return false;
  return compareValues(a, b) === 0;
}

// ---------------------------------------------------------------------------------------------
// Query operators: MongoDB's type bracketing (a comparison only matches values of the operand's
// type), numbers equal by value across types, strings in code point order.

type Predicate = (value: unknown, operand: unknown, depth: number) => boolean;

function candidates(value: unknown, operand: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  // An array matches through any element, and as a whole when the operand is an array too.
  return Array.isArray(operand) ? [...(value as unknown[]), value] : (value as unknown[]);
}

function bracketed(test: (order: number) => boolean): Predicate {
  return (value, operand) => {
    const unbounded = isMinOrMaxKey(operand);
    const rank = typeRank(operand);
    for (const item of candidates(value, operand)) {
      const candidate = item === undefined ? null : item;
      if (!unbounded && typeRank(candidate) !== rank) continue;
      if (test(compareValues(candidate, operand))) return true;
    }
    return false;
  };
}

function flattenTo(values: unknown[], depth: number): unknown[] {
  const out: unknown[] = [];
  const visit = (items: unknown[], left: number): void => {
    for (const item of items) {
      if (Array.isArray(item) && left > 0) visit(item, left - 1);
      else out.push(item);
    }
  };
  visit(values, depth);
  return out;
}

function matchesEq(value: unknown, operand: unknown, depth: number): boolean {
  if (equalBson(value === undefined ? null : value, operand)) return true;
  if (value === undefined && operand === null) return true;
  if (Array.isArray(value)) {
    if (value.some((item) => equalBson(item, operand))) return true;
    return flattenTo(value, depth).some((item) => equalBson(item, operand));
  }
  return false;
}

function matchesIn(value: unknown, operand: unknown, depth: number): boolean {
  if (!Array.isArray(operand)) throw new CommandError('BadValue', '$in needs an array');
  for (const choice of operand) {
    if (choice instanceof RegExp) {
      const strings = Array.isArray(value) ? value : [value];
      if (strings.some((item) => typeof item === 'string' && choice.test(item))) return true;
      continue;
    }
    if (matchesEq(value, choice, depth)) return true;
  }
  return false;
}

const TYPE_ALIASES: Record<string, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  12: 'dbPointer',
  13: 'javascript',
  14: 'symbol',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  '-1': 'minKey',
  127: 'maxKey',
};

const TYPE_NAMES = new Set([...Object.values(TYPE_ALIASES), 'number']);

function typeAlias(spec: unknown): string {
  if (typeof spec === 'string') {
    if (TYPE_NAMES.has(spec)) return spec;
    throw new CommandError('BadValue', `Unknown type name alias: ${spec}`);
  }
  const kind = numberKind(spec);
  if (kind !== undefined) {
    const code = toDouble(spec);
    const name = TYPE_ALIASES[String(code)];
    if (Number.isInteger(code) && name !== undefined) return name;
    throw new CommandError('BadValue', `Invalid numerical type code: ${code}`);
  }
  throw new CommandError('TypeMismatch', 'type must be represented as a number or a string');
}

function hasType(value: unknown, alias: string): boolean {
  if (value === undefined) return false;
  const name = bsonTypeName(value);
  if (alias === 'number') return numberKind(value) !== undefined;
  return name === alias;
}

function matchesType(value: unknown, spec: unknown): boolean {
  const aliases = (Array.isArray(spec) ? spec : [spec]).map(typeAlias);
  const test = (item: unknown) => aliases.some((alias) => hasType(item, alias));
  if (test(value)) return true;
  return Array.isArray(value) && value.some(test);
}

type QueryOperator = (selector: string, operand: unknown) => (doc: unknown) => boolean;

function queryOperator(predicate: Predicate): QueryOperator {
  return (selector, operand) => {
    let depth = 0;
    for (let at = selector.indexOf('.'); at !== -1; at = selector.indexOf('.', at + 1)) depth++;
    return (doc) => predicate(resolve(doc as Doc, selector, { unwrapArray: true }), operand, depth);
  };
}

const QUERY_OPERATORS: Record<string, QueryOperator> = {
  $eq: queryOperator(matchesEq),
  $ne: queryOperator((value, operand, depth) => !matchesEq(value, operand, depth)),
  $gt: queryOperator(bracketed((order) => order > 0)),
  $gte: queryOperator(bracketed((order) => order >= 0)),
  $lt: queryOperator(bracketed((order) => order < 0)),
  $lte: queryOperator(bracketed((order) => order <= 0)),
  $in: queryOperator(matchesIn),
  $nin: queryOperator((value, operand, depth) => !matchesIn(value, operand, depth)),
  $type: queryOperator((value, operand) => matchesType(value, operand)),
};

// ---------------------------------------------------------------------------------------------
// Arithmetic with MongoDB's type promotion: int32 overflows into int64, anything with a double
// is a double, anything with a decimal a decimal.

const KIND_ORDER: Record<NumberKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

function widest(a: NumberKind, b: NumberKind): NumberKind {
  return KIND_ORDER[a] >= KIND_ORDER[b] ? a : b;
}

function decimalParts(value: unknown): DecimalParts | number {
  let text: string;
  const kind = numberKind(value);
  if (kind === 'decimal') text = decimalText(value as Decimal128);
  else if (kind === 'int' || kind === 'long') text = toBigInt(value).toString();
  else {
    // MongoDB converts a double to a decimal with 15 significant digits.
    const number = toDouble(value);
    if (!Number.isFinite(number)) return number;
    text = number.toPrecision(15);
  }
  if (/^-?(NaN|Inf)/i.test(text)) return Number(text.replace(/^(-?)Inf(inity)?$/i, '$1Infinity'));
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match) return Number.NaN;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}` || '0';
  const coefficient = BigInt(digits) * (sign === '-' ? -1n : 1n);
  return { coefficient, exponent: Number(exponent) - fraction.length };
}

function makeDecimal(parts: DecimalParts | number): Decimal128 {
  if (typeof parts === 'number') {
    if (Number.isNaN(parts)) return Decimal128.fromString('NaN');
    if (!Number.isFinite(parts)) return Decimal128.fromString(parts > 0 ? 'Infinity' : '-Infinity');
    return Decimal128.fromStringWithRounding(String(parts));
  }
  return Decimal128.fromStringWithRounding(`${parts.coefficient}E${parts.exponent}`);
}

function alignDecimals(a: DecimalParts, b: DecimalParts): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [
    a.coefficient * 10n ** BigInt(a.exponent - exponent),
    b.coefficient * 10n ** BigInt(b.exponent - exponent),
    exponent,
  ];
}

function decimalOp(a: unknown, b: unknown, op: 'add' | 'subtract' | 'multiply'): Decimal128 {
  const x = decimalParts(a);
  const y = decimalParts(b);
  if (typeof x === 'number' || typeof y === 'number') {
    const left = typeof x === 'number' ? x : toDouble(a);
    const right = typeof y === 'number' ? y : toDouble(b);
    return makeDecimal(
      op === 'add' ? left + right : op === 'subtract' ? left - right : left * right,
    );
  }
  if (op === 'multiply') {
    return makeDecimal({
      coefficient: x.coefficient * y.coefficient,
      exponent: x.exponent + y.exponent,
    });
  }
  const [left, right, exponent] = alignDecimals(x, y);
  return makeDecimal({ coefficient: op === 'add' ? left + right : left - right, exponent });
}

/** Thrown when an update's integer arithmetic leaves the int64 range (aggregation turns to double). */
export class LongOverflow extends Error {}

let overflowFails = false;

function fitLong(value: bigint): unknown {
  if (value >= INT64_MIN && value <= INT64_MAX) return Long.fromBigInt(value);
  if (overflowFails) throw new LongOverflow('integer overflow');
  return makeDouble(Number(value));
}

function arithmetic(a: unknown, b: unknown, op: 'add' | 'subtract' | 'multiply'): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    // Plain numbers (most of them): int32 stays int32 unless it overflows, anything else is double.
    const result = op === 'add' ? a + b : op === 'subtract' ? a - b : a * b;
    if (!isInt32(a) || !isInt32(b)) return makeDouble(result);
    if (isInt32(result)) return result;
  }
  const kind = widest(numberKind(a) ?? 'double', numberKind(b) ?? 'double');
  switch (kind) {
    case 'int': {
      const x = a as number;
      const y = b as number;
      const result = op === 'add' ? x + y : op === 'subtract' ? x - y : x * y;
      if (isInt32(result) || result === 0) return result === 0 ? 0 : result;
      if (op !== 'multiply') return Long.fromNumber(result);
      return fitLong(BigInt(x) * BigInt(y));
    }
    case 'long': {
      const x = toBigInt(a);
      const y = toBigInt(b);
      return fitLong(op === 'add' ? x + y : op === 'subtract' ? x - y : x * y);
    }
    case 'double': {
      const x = toDouble(a);
      const y = toDouble(b);
      return makeDouble(op === 'add' ? x + y : op === 'subtract' ? x - y : x * y);
    }
    default:
      return decimalOp(a, b, op);
  }
}

export function addNumbers(a: unknown, b: unknown): unknown {
  return arithmetic(a, b, 'add');
}

export function multiplyNumbers(a: unknown, b: unknown): unknown {
  return arithmetic(a, b, 'multiply');
}

/**
 * $inc and $mul: as in aggregation, except that integer results beyond int64 are an error
 * ("Integer operations of any type that exceed the maximum value for a 64-bit integer produce an
 * error"), thrown as LongOverflow.
 */
export function updateArithmetic(a: unknown, b: unknown, op: 'add' | 'multiply'): unknown {
  overflowFails = true;
  try {
    return arithmetic(a, b, op);
  } finally {
    overflowFails = false;
  }
}

/** Zero of the same numeric type as `like` ($mul on a missing field). */
export function zeroLike(like: unknown): unknown {
  switch (numberKind(like)) {
    case 'long':
      return Long.fromNumber(0);
    case 'double':
      return new Double(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return 0;
  }
}

/** Decimal128's precision: significant digits of its coefficient. */
const DECIMAL_DIGITS = 34;

function digitCount(value: bigint): number {
  return value === 0n ? 1 : value.toString().length;
}

/**
 * x / y as IEEE 754 decimal division does it (MongoDB's Decimal128): exact when the quotient
 * fits 34 digits, at the exponent nearest x's minus y's that keeps it exact (1.00 / 2 is 0.50);
 * otherwise rounded half-even to 34 digits, the remainder counting towards rounding up.
 */
function decimalDivide(x: DecimalParts, y: DecimalParts): Decimal128 {
  const negative = x.coefficient < 0n !== y.coefficient < 0n;
  const dividend = x.coefficient < 0n ? -x.coefficient : x.coefficient;
  const divisor = y.coefficient < 0n ? -y.coefficient : y.coefficient;
  const preferred = x.exponent - y.exponent;
  if (dividend === 0n) return makeDecimal({ coefficient: 0n, exponent: preferred });
  // Enough digits for 34 significant ones plus one to round on.
  const shift = Math.max(0, DECIMAL_DIGITS + 1 + digitCount(divisor) - digitCount(dividend));
  let quotient = (dividend * 10n ** BigInt(shift)) / divisor;
  const exact = (dividend * 10n ** BigInt(shift)) % divisor === 0n;
  let exponent = preferred - shift;
  if (exact) {
    while (exponent < preferred && quotient % 10n === 0n) {
      quotient /= 10n;
      exponent++;
    }
  }
  const extra = digitCount(quotient) - DECIMAL_DIGITS;
  if (extra > 0) {
    const scale = 10n ** BigInt(extra);
    const kept = quotient / scale;
    const dropped = quotient % scale;
    const half = scale / 2n;
    const roundUp = dropped > half || (dropped === half && (!exact || kept % 2n === 1n));
    quotient = roundUp ? kept + 1n : kept;
    exponent += extra;
    if (digitCount(quotient) > DECIMAL_DIGITS) {
      quotient /= 10n;
      exponent++;
    }
  }
  return makeDecimal({ coefficient: negative ? -quotient : quotient, exponent });
}

function divide(a: unknown, b: unknown): unknown {
  if (numberKind(a) === 'decimal' || numberKind(b) === 'decimal') {
    if (toDouble(b) === 0) throw new CommandError('Location16608', "can't $divide by zero");
    const x = decimalParts(a);
    const y = decimalParts(b);
    if (typeof x === 'number' || typeof y === 'number') {
      return makeDecimal(toDouble(a) / toDouble(b));
    }
    return decimalDivide(x, y);
  }
  const divisor = toDouble(b);
  if (divisor === 0) throw new CommandError('Location16608', "can't $divide by zero");
  return makeDouble(toDouble(a) / divisor);
}

// ---------------------------------------------------------------------------------------------
// Expression, accumulator and stage operators.

type Options = Parameters<typeof evalExpr>[2];
type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;
type AccumulatorOperator = (coll: unknown[], expr: unknown, options: Options) => unknown;
type PipelineOperator = (coll: Iterator, expr: unknown, options: Options) => Iterator;

function twoArgs(name: string, obj: unknown, expr: unknown, options: Options): [unknown, unknown] {
  const args: unknown = evalExpr(obj, expr, options);
  if (!Array.isArray(args) || args.length !== 2) {
    throw new CommandError(
      'Location16020',
      `Expression ${name} takes exactly 2 arguments. ${Array.isArray(args) ? args.length : 1} were passed in.`,
    );
  }
  return [args[0], args[1]];
}

function comparison(name: string, test: (order: number) => boolean): ExpressionOperator {
  return (obj, expr, options) => {
    const [a, b] = twoArgs(name, obj, expr, options);
    return test(compareBson(a, b));
  };
}

function isNil(value: unknown): boolean {
  return value === null || value === undefined;
}

function numericArgs(
  name: string,
  obj: unknown,
  expr: unknown,
  options: Options,
): unknown[] | null {
  const args: unknown = evalExpr(obj, expr, options);
  const list = Array.isArray(args) ? (args as unknown[]) : [args];
  if (list.some(isNil)) return null;
  return list.map((value) => {
    if (numberKind(value) === undefined && !(value instanceof Date)) {
      throw new CommandError(
        'TypeMismatch',
        `${name} only supports numeric or date types, not ${bsonTypeName(value)}`,
      );
    }
    return value;
  });
}

const $add: ExpressionOperator = (obj, expr, options) => {
  const args = numericArgs('$add', obj, expr, options);
  if (args === null) return null;
  let date: Date | undefined;
  let total: unknown = 0;
  for (const value of args) {
    if (value instanceof Date) {
      if (date)
        throw new CommandError('Location16612', 'only one date allowed in an $add expression');
      date = value;
    } else {
      total = addNumbers(total, value);
    }
  }
  return date ? new Date(date.getTime() + Math.round(toDouble(total))) : total;
};

const $subtract: ExpressionOperator = (obj, expr, options) => {
  const args = numericArgs('$subtract', obj, expr, options);
  if (args === null) return null;
  if (args.length !== 2) {
    throw new CommandError(
      'Location16020',
      `Expression $subtract takes exactly 2 arguments. ${args.length} were passed in.`,
    );
  }
  const [a, b] = args;
  if (a instanceof Date && b instanceof Date) return Long.fromNumber(a.getTime() - b.getTime());
  if (a instanceof Date) return new Date(a.getTime() - Math.round(toDouble(b)));
  if (b instanceof Date) {
    throw new CommandError('Location16556', "can't $subtract Date from a number");
  }
  return arithmetic(a, b, 'subtract');
};

const $multiply: ExpressionOperator = (obj, expr, options) => {
  const args = numericArgs('$multiply', obj, expr, options);
  if (args === null) return null;
  let product: unknown = 1;
  for (const value of args) {
    if (value instanceof Date) {
      throw new CommandError('TypeMismatch', '$multiply only supports numeric types, not date');
    }
    product = multiplyNumbers(product, value);
  }
  return product;
};

const $divide: ExpressionOperator = (obj, expr, options) => {
  const args = numericArgs('$divide', obj, expr, options);
  if (args === null) return null;
  if (args.length !== 2) {
    throw new CommandError(
      'Location16020',
      `Expression $divide takes exactly 2 arguments. ${args.length} were passed in.`,
    );
  }
  return divide(args[0], args[1]);
};

interface Updatable {
  update(locals: object): Options;
}

/** A copy of mingo's compute options (ComputeOptions.init copies them), to set locals on. */
function copyOptions(options: Options): Updatable | undefined {
  const owner = (options as { constructor?: { init?: (options: Options) => Updatable } })
    .constructor;
  return typeof owner?.init === 'function' ? owner.init(options) : undefined;
}

function accumulated(coll: unknown[], expr: unknown, options: Options): unknown[] {
  if (expr === null || expr === undefined) {
    // Used as an expression: mingo passes the evaluated operand; one array operand is traversed.
    return coll.length === 1 && Array.isArray(coll[0]) ? (coll[0] as unknown[]) : coll;
  }
  // As mingo's $push: each member is the root its expression is evaluated against.
  const copy = copyOptions(options);
  return coll.map((root) => evalExpr(root, expr, copy ? copy.update({ root }) : options));
}

function extreme(sign: 1 | -1): AccumulatorOperator {
  return (coll, expr, options) => {
    let best: unknown = null;
    for (const value of accumulated(coll, expr, options)) {
      if (isNil(value)) continue;
      if (best === null || compareBson(value, best) * sign > 0) best = value;
    }
    return best;
  };
}

function sumOf(values: unknown[]): { total: unknown; count: number } {
  let total: unknown = 0;
  let count = 0;
  for (const value of values) {
    if (numberKind(value) === undefined) continue;
    total = addNumbers(total, value);
    count += 1;
  }
  return { total, count };
}

const $sum: AccumulatorOperator = (coll, expr, options) => {
  if (numberKind(expr) !== undefined) {
    return multiplyNumbers(coll.length, expr);
  }
  return sumOf(accumulated(coll, expr, options)).total;
};

const $avg: AccumulatorOperator = (coll, expr, options) => {
  const { total, count } = sumOf(accumulated(coll, expr, options));
  if (count === 0) return null;
  return divide(total, count);
};

const $cmp: ExpressionOperator = (obj, expr, options) => {
  const [a, b] = twoArgs('$cmp', obj, expr, options);
  return Math.sign(compareBson(a, b));
};

const $typeExpression: ExpressionOperator = (obj, expr, options) => {
  const operand: unknown = Array.isArray(expr) && expr.length === 1 ? (expr[0] as unknown) : expr;
  return bsonTypeName(evalExpr(obj, operand, options));
};

const $isNumber: ExpressionOperator = (obj, expr, options) => {
  const operand: unknown = Array.isArray(expr) && expr.length === 1 ? (expr[0] as unknown) : expr;
  return numberKind(evalExpr(obj, operand, options)) !== undefined;
};

const EXPRESSION_OPERATORS: Record<string, ExpressionOperator> = {
  $cmp,
  $eq: (obj, expr, options) => {
    const [a, b] = twoArgs('$eq', obj, expr, options);
    return a === undefined || b === undefined ? a === b : equalBson(a, b);
  },
  $ne: (obj, expr, options) => {
    const [a, b] = twoArgs('$ne', obj, expr, options);
    return !(a === undefined || b === undefined ? a === b : equalBson(a, b));
  },
  $gt: comparison('$gt', (order) => order > 0),
  $gte: comparison('$gte', (order) => order >= 0),
  $lt: comparison('$lt', (order) => order < 0),
  $lte: comparison('$lte', (order) => order <= 0),
  $add,
  $subtract,
  $multiply,
  $divide,
  $type: $typeExpression,
  $isNumber,
};

const ACCUMULATOR_OPERATORS: Record<string, AccumulatorOperator> = {
  $max: extreme(1),
  $min: extreme(-1),
  $sum,
  $avg,
};

// Operators whose mingo versions only understand plain numbers: wrappers are turned into plain
// numbers before they see them (their results are then typed as plain numbers are).
const PLAIN_NUMBER_OPERATORS = [
  '$abs',
  '$ceil',
  '$floor',
  '$round',
  '$trunc',
  '$sqrt',
  '$pow',
  '$exp',
  '$ln',
  '$log',
  '$log10',
  '$mod',
  '$toInt',
  '$toLong',
  '$toDouble',
];

function plainNumbers(value: unknown): unknown {
  if (numberKind(value) !== undefined && typeof value !== 'number') return toDouble(value);
  if (Array.isArray(value)) return value.map(plainNumbers);
  return value;
}

function asLiterals(value: unknown): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) => ({ $literal: item }))
    : { $literal: value };
}

// Of the operators above, those whose result MongoDB keeps in the operand's type: exact for a
// decimal (through its coefficient) and for an int64 (through BigInt), where a double would lose
// digits. The others ($sqrt, $ln…) answer a decimal for a decimal operand, computed in decimal
// to 34 digits (decimal-functions.ts).
const TYPE_KEEPING = new Set(['$abs', '$ceil', '$floor', '$round', '$trunc', '$mod']);

function decimalMath(name: string, args: unknown[], plain: unknown): unknown {
  const value = decimalParts(args[0]);
  if (!TYPE_KEEPING.has(name)) {
    const exact = decimalFunction(name, args.map(decimalParts));
    return makeDecimal(exact ?? toDouble(plain));
  }
  if (typeof value === 'number') return makeDecimal(toDouble(plain));
  const places = args[1] === undefined ? 0 : Math.trunc(toDouble(args[1]));
  switch (name) {
    case '$abs':
      return makeDecimal(absolute(value));
    case '$ceil':
      return makeDecimal(wholeNumber(value, 'ceil'));
    case '$floor':
      return makeDecimal(wholeNumber(value, 'floor'));
    case '$round':
      return makeDecimal(quantize(value, places, 'halfEven'));
    case '$trunc':
      return makeDecimal(quantize(value, places, 'trunc'));
    default: {
      const divisor = decimalParts(args[1]);
      if (typeof divisor === 'number' || divisor.coefficient === 0n) {
        return makeDecimal(toDouble(plain));
      }
      return makeDecimal(remainder(value, divisor));
    }
  }
}

function longMath(name: string, args: unknown[], plain: unknown): unknown {
  const value = { coefficient: toBigInt(args[0]), exponent: 0 };
  const places = args[1] === undefined ? 0 : Math.trunc(toDouble(args[1]));
  let result: DecimalParts = value;
  if (name === '$abs') result = absolute(value);
  else if (name === '$round') result = quantize(value, places, 'halfEven');
  else if (name === '$trunc') result = quantize(value, places, 'trunc');
  else if (name === '$mod') {
    const kind = numberKind(args[1]);
    if ((kind !== 'int' && kind !== 'long') || toBigInt(args[1]) === 0n) return plain;
    result = remainder(value, { coefficient: toBigInt(args[1]), exponent: 0 });
  }
  const whole = result.coefficient * 10n ** BigInt(result.exponent);
  return whole >= INT64_MIN && whole <= INT64_MAX ? Long.fromBigInt(whole) : plain;
}

function withPlainNumbers(name: string, original: ExpressionOperator): ExpressionOperator {
  return (obj, expr, options) => {
    const args: unknown = evalExpr(obj, expr, options);
    // Mingo computes (and checks the arguments) on plain numbers; the result then takes the
    // type MongoDB gives it.
    const plain = original(obj, asLiterals(plainNumbers(args)), options);
    if (plain === null || plain === undefined || typeof plain !== 'number') return plain;
    const list: unknown[] = Array.isArray(args) ? args : [args];
    if (list.some((arg) => numberKind(arg) === 'decimal')) return decimalMath(name, list, plain);
    if (numberKind(list[0]) === 'long' && TYPE_KEEPING.has(name))
      return longMath(name, list, plain);
    return plain;
  };
}

/** $group keyed as MongoDB keys groups: numbers equal by value, documents field by field. */
const $group: PipelineOperator = (coll, expr, options) => {
  if (!isPlainObject(expr) || !Object.hasOwn(expr, '_id')) {
    throw new CommandError('Location15955', 'a group specification must include an _id');
  }
  const idExpr = expr._id;
  const fields = Object.keys(expr).filter((key) => key !== '_id');
  return coll.transform((items: unknown[]) => {
    // Strings (the usual key) are keyed as themselves, anything else by keyOf, in its own map.
    const byString = new Map<string, { id: unknown; members: unknown[] }>();
    const byKey = new Map<string, { id: unknown; members: unknown[] }>();
    const groups: { id: unknown; members: unknown[] }[] = [];
    for (const item of items) {
      const id: unknown = evalExpr(item, idExpr, options) ?? null;
      const map = typeof id === 'string' ? byString : byKey;
      const key = typeof id === 'string' ? id : keyOf(id);
      const group = map.get(key);
      if (group) {
        group.members.push(item);
      } else {
        const made = { id, members: [item] };
        map.set(key, made);
        groups.push(made);
      }
    }
    const out: Doc[] = [];
    for (const { id, members } of groups) {
      const doc: Doc = { _id: id };
      for (const field of fields) {
        doc[field] = evalExpr(members, expr[field], groupOptions(options, id));
      }
      out.push(doc);
    }
    return Lazy(out);
  });
};

function groupOptions(options: Options, groupId: unknown): Options {
  // As mingo's own $group: accumulators see the group's members, with no root document, on a
  // copy of the options (ComputeOptions.init copies them).
  const init = (options as { constructor?: { init?: (options: Options) => Updatable } }).constructor
    ?.init;
  if (typeof init !== 'function') return options;
  return init(options).update({ root: null, groupId });
}

function sortStage(original: PipelineOperator): PipelineOperator {
  return (coll, spec, options) => {
    if ((options as { collation?: unknown } | undefined)?.collation) {
      return original(coll, spec, options);
    }
    if (!isPlainObject(spec) || Object.keys(spec).length === 0) {
      throw new CommandError('Location15976', '$sort stage must have at least one sort key');
    }
    const plain: Doc = {};
    for (const [field, direction] of Object.entries(spec)) plain[field] = plainNumber(direction);
    return coll.transform((items: unknown[]) => Lazy(sortDocs(items as Doc[], plain)));
  };
}

// ---------------------------------------------------------------------------------------------
// Registration: mingo looks every operator up through Context#getOperator, so answering there
// first puts these in place of mingo's for every Query, Aggregator and update in the engine.

type Lookup = (this: Context, type: OpType, name: string) => unknown;

const prototype = Context.prototype as unknown as { getOperator: Lookup };
const originalLookup = prototype.getOperator;

const wrapped = new Map<string, unknown>();

function lookupOverride(context: Context, type: OpType, name: string): unknown {
  switch (type) {
    case OpType.QUERY:
      return QUERY_OPERATORS[name];
    case OpType.EXPRESSION:
      if (Object.hasOwn(EXPRESSION_OPERATORS, name)) return EXPRESSION_OPERATORS[name];
      if (PLAIN_NUMBER_OPERATORS.includes(name)) {
        const key = `e${name}`;
        if (!wrapped.has(key)) {
          const original = originalLookup.call(context, type, name) as ExpressionOperator | null;
          if (!original) return undefined;
          wrapped.set(key, withPlainNumbers(name, original));
        }
        return wrapped.get(key);
      }
      return undefined;
    case OpType.ACCUMULATOR:
      return ACCUMULATOR_OPERATORS[name];
    case OpType.PIPELINE:
      if (name === '$group') return $group;
      if (name === '$sort') {
        if (!wrapped.has('p$sort')) {
          const original = originalLookup.call(context, type, name) as PipelineOperator | null;
          if (!original) return undefined;
          wrapped.set('p$sort', sortStage(original));
        }
        return wrapped.get('p$sort');
      }
      return undefined;
    default:
      return undefined;
  }
}

const OVERRIDDEN: Record<string, true> = {
  [OpType.QUERY]: true,
  [OpType.EXPRESSION]: true,
  [OpType.ACCUMULATOR]: true,
  [OpType.PIPELINE]: true,
};

if (!(originalLookup as { bsonNumbers?: boolean }).bsonNumbers) {
  const getOperator: Lookup = function (this: Context, type, name) {
    const own = Object.hasOwn(OVERRIDDEN, type) ? lookupOverride(this, type, name) : undefined;
    return own ?? originalLookup.call(this, type, name);
  };
  (getOperator as { bsonNumbers?: boolean }).bsonNumbers = true;
  prototype.getOperator = getOperator;
}

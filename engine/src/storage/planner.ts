import { type Doc, isPlainObject } from '../values.js';
import type { Index, Range } from './index-key.js';

/** What a filter says about one field that an index can answer. */
export interface FieldBounds {
  eq?: { value: unknown };
  in?: unknown[];
  range?: Range;
}

export interface IndexChoice {
  index: Index;
  prefix: unknown[];
  /** Alternatives for the first field when the filter used $in on it. */
  firstFieldIn?: unknown[];
  range?: Range;
}

function isScalarForIndex(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp) return false;
  if (value !== null && typeof value === 'object') {
    const tag: unknown = (value as { _bsontype?: unknown })._bsontype;
    if (tag === 'BSONRegExp' || tag === 'MinKey' || tag === 'MaxKey') return false;
  }
  if (value === undefined) return false;
  return true;
}

function boundsOf(condition: unknown): FieldBounds | undefined {
  if (!isPlainObject(condition))
    return isScalarForIndex(condition) ? { eq: { value: condition } } : undefined;
  const keys = Object.keys(condition);
  if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) {
    // An embedded document compared as a whole.
    return { eq: { value: condition } };
  }
  const bounds: FieldBounds = {};
  const range: Range = { loInclusive: true, hiInclusive: true };
  let hasRange = false;
  for (const key of keys) {
    const operand = condition[key];
    switch (key) {
      case '$eq':
        if (isPlainObject(operand) || isScalarForIndex(operand)) bounds.eq = { value: operand };
        break;
      case '$in':
        if (Array.isArray(operand) && operand.every(isScalarForIndex)) bounds.in = operand;
        break;
      case '$gt':
      case '$gte':
        if (isScalarForIndex(operand) && operand !== null && !isPlainObject(operand)) {
          range.lo = operand;
          range.loInclusive = key === '$gte';
          hasRange = true;
        }
        break;
      case '$lt':
      case '$lte':
        if (isScalarForIndex(operand) && operand !== null && !isPlainObject(operand)) {
          range.hi = operand;
          range.hiInclusive = key === '$lte';
          hasRange = true;
        }
        break;
      default:
        break;
    }
  }
  if (hasRange) bounds.range = range;
  return bounds.eq || bounds.in || bounds.range ? bounds : undefined;
}

/** Per-field bounds from the filter's top level and its $and clauses. */
export function fieldBounds(filter: Doc): Map<string, FieldBounds> {
  const out = new Map<string, FieldBounds>();
  const visit = (clause: Doc) => {
    for (const [field, condition] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) visit(part);
        continue;
      }
      if (field.startsWith('$')) continue;
      const bounds = boundsOf(condition);
      if (bounds && !out.has(field)) out.set(field, bounds);
    }
  };
  visit(filter);
  return out;
}

/** The index that narrows the filter most, if any can be used. */
export function chooseIndex(
  indexes: Index[],
  bounds: Map<string, FieldBounds>,
): IndexChoice | undefined {
  let best: { choice: IndexChoice; score: number } | undefined;
  for (const index of indexes) {
    if (!index.complete) continue;
    const prefix: unknown[] = [];
    let range: Range | undefined;
    let firstFieldIn: unknown[] | undefined;
    for (const field of index.fields) {
      const fieldBound = bounds.get(field);
      if (!fieldBound) break;
      if (fieldBound.eq) {
        prefix.push(fieldBound.eq.value);
        continue;
      }
      if (prefix.length === 0 && fieldBound.in) firstFieldIn = fieldBound.in;
      else if (fieldBound.range) range = fieldBound.range;
      break;
    }
    if (prefix.length === 0 && !range && !firstFieldIn) continue;
    const whole = index.unique && prefix.length === index.fields.length;
    const score = prefix.length * 4 + (range ? 2 : 0) + (firstFieldIn ? 1 : 0) + (whole ? 100 : 0);
    if (!best || score > best.score) {
      best = {
        choice: { index, prefix, range: firstFieldIn ? undefined : range, firstFieldIn },
        score,
      };
    }
  }
  return best?.choice;
}
